#pragma once
// Text that must not reach toml++. Version 3.3 (Debian's) asks of a
// character whether it is whitespace through a generated table with a gap:
// for U+FE36 to U+FEFE, is_non_ascii_horizontal_whitespace() reaches
// TOML_UNREACHABLE, which is undefined behaviour. The routine fuzzer found it
// once main built toml++ from its headers (docs/hardening.md). Both readers
// of TOML check their text with this first.

#include <optional>
#include <string>
#include <string_view>

namespace selfcare {

struct TomlHazard {
    int line = 0;    // 1-based
    int column = 0;  // 1-based, in code points, as toml++ counts
    char32_t code_point = 0;
};

// The first character in `text` that toml++ cannot be given, if any.
std::optional<TomlHazard> find_toml_hazard(std::string_view text);

// What to tell the person, without the place.
std::string toml_hazard_message(const TomlHazard& hazard);

}  // namespace selfcare
