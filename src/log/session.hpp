#pragma once
// One recorded session, and its line in the log (docs/log-format.md).
//
// A line is fifteen tab-separated fields ending in a newline. Encoding and
// decoding are pure and strict: decoding accepts exactly what encoding
// writes, so a line that was torn by a crash or mangled by an edit is told
// apart from a good one instead of being half read.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "calendar.hpp"
#include "duration.hpp"

namespace selfcare {

// How a timed run ended: it reached the end having been done (completed),
// it reached the end but mostly by skipping (skipped), or it was ended early
// (stopped). `log add` records completed. See outcome_of in record.hpp.
enum class Outcome { completed, skipped, stopped };
enum class Source { timer, manual };  // `run`, or `log add`
std::string_view to_string(Outcome o);
std::string_view to_string(Source s);

// The first line of every log file, and the column names as a comment.
inline constexpr std::string_view kLogVersionLine = "# selfcare log v1";
inline constexpr int kLogVersion = 1;
std::string_view log_file_header();  // both lines, each ending in '\n'

struct Session {
    Date date;            // the local date the session counts for
    std::string start;    // local ISO-8601 with offset: 2026-11-16T07:30:12+01:00
    std::string routine;  // name: "neck-release"
    std::string title;    // "Neck release"
    int active_s = 0;     // time actually spent, from the steady clock
    int planned_min_s = 0;
    int planned_max_s = 0;
    int segments_done = 0;
    int segments_total = 0;
    std::optional<int> pain_before;  // 0-10 when rated
    std::optional<int> pain_after;
    Source source = Source::timer;
    std::string device;
    std::uint64_t id = 0;
    Outcome outcome = Outcome::completed;
    // A short note the person wrote about the session. Not a field of the
    // line: it is kept as an amendment beside it (amendment.hpp), so that a
    // line stays readable by every version that reads v1.
    std::string note;

    bool operator==(const Session&) const = default;
};

// A decoded line whose text fields still point into the line: the reader
// passes these on without copying, and copies only the sessions it keeps.
struct SessionView {
    Date date;
    std::string_view start;
    std::string_view routine;
    std::string_view title;  // escaped as on disk; see to_session
    int active_s = 0;
    int planned_min_s = 0;
    int planned_max_s = 0;
    int segments_done = 0;
    int segments_total = 0;
    std::optional<int> pain_before;
    std::optional<int> pain_after;
    Source source = Source::timer;
    std::string_view device;
    std::uint64_t id = 0;
    Outcome outcome = Outcome::completed;
    std::string_view note;  // unescaped; set by the reader from the month's amendments
};

// Longest title and device name a line may hold.
inline constexpr size_t kMaxTitle = 200;
inline constexpr size_t kMaxDevice = 40;
// Longest activity any line may record, in seconds (a day).
inline constexpr int kMaxSessionSeconds = 86'400;

// Free text in a field: tabs, newlines and backslashes written as \t, \n
// and \\, so that a line stays one line. unescape_field undoes it.
std::string escape_field(std::string_view text);
std::string unescape_field(std::string_view text);
// True when `text` is a non-empty escaped field with no control character
// that unescapes to at most `most` bytes.
bool valid_escaped_field(std::string_view text, size_t most);

// The line for `s`, with its newline. REQUIRES: `s` passes validate().
std::string encode_line(const Session& s);

// Decodes one line (without its newline). Returns nullptr when the line is
// good, else a short reason it is not ("14 fields, not 15", "bad date").
const char* decode_line(std::string_view line, SessionView& out);

Session to_session(const SessionView& v);

// Empty when `s` can be written, else why not. Checks each field's range and
// shape, the same rules decode_line applies.
std::string validate(const Session& s);

// The one rule for what counts toward the weekly goal (docs/log-format.md,
// "Which runs are recorded, and which count"). A session written with `log
// add` always counts. A timed session counts when its active time reached
// both kMinimumCountedSeconds and half of its planned time (the planned
// minimum, for a routine with hold ranges), however it ended: doing most of
// a routine is doing it, and skipping through one is not. Every report, the
// status line, the exports and the run summary ask this function.
inline constexpr int kMinimumCountedSeconds = 30;
bool counts_toward_goal(Source source, int active_s, int planned_min_s);
bool counts_toward_goal(const Session& s);
bool counts_toward_goal(const SessionView& s);

// True when `text` is a local time as the log writes it,
// "2026-11-16T07:30:12+01:00", on a real date.
bool is_local_time(std::string_view text);

// "0123456789abcdef".
std::string format_id(std::uint64_t id);

// True when `name` may be a device name: 1 to 40 of [a-z0-9-].
bool is_device_name(std::string_view name);

}  // namespace selfcare
