#pragma once
// A look at TOML text before toml++ parses it. TOML allows text other than
// ASCII only inside strings and comments; elsewhere it is a syntax error.
// toml++ 3.3 has undefined behaviour on many such characters where it looks
// for whitespace (its lookup table has gaps and reaches TOML_UNREACHABLE;
// docs/hardening.md), and it asserts on a table header without a name
// instead of reporting it, so these are found and reported here first.

#include <optional>
#include <string>
#include <string_view>

namespace selfcare {

struct StrayCharacter {
    int line = 0;    // 1-based
    int column = 0;  // 1-based, in characters, as toml++ counts
    std::string message;
};

// The first byte outside ASCII that stands outside every string and comment
// of `text`, a table header whose name does not start as a key may
// ("[=[step]]"), or a closing bracket that does not match the open one
// ("[1, }"), the last two being inputs on which toml++ 3.3 asserts; or
// nothing. Knows basic,
// literal and multi-line strings, escapes and nesting; it does not check
// anything else, which is toml++'s job.
std::optional<StrayCharacter> find_stray_character(std::string_view text);

}  // namespace selfcare
