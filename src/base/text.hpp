#pragma once
// Text as selfcare handles it: UTF-8 read one way everywhere, one rule for
// which characters are control characters, and what may reach a terminal.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace selfcare {

// The character at the start of `s`: its code point and its length in
// bytes. `length` is 0 when no valid UTF-8 sequence starts there (a stray
// continuation byte, an overlong form, a surrogate, a code point past
// U+10FFFF, a sequence cut short, or an empty `s`).
struct Utf8Char {
    char32_t code = 0;
    std::size_t length = 0;
};
Utf8Char decode_utf8(std::string_view s);

// C0 controls, DEL and C1 controls: the characters that start escape
// sequences or move the cursor on a terminal.
bool is_control(char32_t c);

// The first control character in `s` that is not one of `allowed` (say
// "\n" for text that may span lines), or nothing. Bytes that are not UTF-8
// are not control characters; callers that need valid text check that too.
std::optional<char32_t> find_control(std::string_view s, std::u32string_view allowed = {});

// `text` made safe to print to a terminal: control characters other than
// newline and tab, and bytes that are not UTF-8, become U+FFFD, one for each
// character or stray byte, so that columns still line up.
std::string printable(std::string_view text);

// Characters (code points) in `s`, counting each stray byte as one: the
// width selfcare assumes when it lines text up.
std::size_t char_count(std::string_view s);

// The first `n` characters of `s`.
std::string_view first_chars(std::string_view s, std::size_t n);

// True when `name` is a routine's name as files, the command line and the
// log spell it: 1 to 64 of a-z, 0-9 and '-'.
bool is_routine_name(std::string_view name);

}  // namespace selfcare
