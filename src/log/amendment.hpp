#pragma once
// Amendments: what is said about a session after its line was written,
// without touching that line. A note the person adds, or the removal of a
// session logged by mistake. They live in files of their own beside the
// session files (docs/log-format.md, "Amendments"), one per device and
// month, appended to and never rewritten, so that removing a session only
// ever makes a file grow, and another device's removal syncs like any line.
//
// The files are named "2026-11.laptop-3f9a2c.amend": a selfcare that only
// knows log v1 reads "*.DEVICE.log" and passes over these without a word,
// so it still reads every session it could read before (and still shows a
// removed one; it cannot know better).

#include <cstdint>
#include <string>
#include <string_view>

#include "calendar.hpp"

namespace selfcare {

enum class AmendKind { note, remove };
std::string_view to_string(AmendKind k);

// The first lines of every amendments file, each ending in '\n'.
inline constexpr std::string_view kAmendVersionPrefix = "# selfcare amendments v";
inline constexpr int kAmendVersion = 1;
std::string_view amendment_file_header();

// Longest note, in bytes once unescaped.
inline constexpr size_t kMaxNote = 280;

struct Amendment {
    Date date;             // the date of the session it is about: it picks the month's file
    std::uint64_t id = 0;  // the session's id
    std::string made;      // when it was written, local ISO 8601 with offset
    std::string text;      // the note; empty for a removal
    AmendKind kind = AmendKind::note;

    bool operator==(const Amendment&) const = default;
};

// A decoded line whose text points into the line, still escaped.
struct AmendmentView {
    Date date;
    std::uint64_t id = 0;
    std::string_view made;
    std::string_view text;
    AmendKind kind = AmendKind::note;
};

// The line for `a`, with its newline. REQUIRES: validate(a) is empty.
std::string encode_amendment(const Amendment& a);

// Decodes one line (without its newline): nullptr when it is good, else a
// short reason. As with sessions, the kind comes last and neither word is a
// prefix of the other, so a line cut short anywhere is never taken as whole.
const char* decode_amendment(std::string_view line, AmendmentView& out);

// Empty when `text` can be a note, else why not: not empty, at most
// kMaxNote bytes, no control character but tab and newline.
std::string validate_note(std::string_view text);

// Empty when `a` can be written, else why not.
std::string validate(const Amendment& a);

}  // namespace selfcare
