#include "toml_guard.hpp"

#include <fmt/format.h>

namespace selfcare {

namespace {
constexpr char32_t kFirstHazard = 0xFE36;
constexpr char32_t kLastHazard = 0xFEFE;
}  // namespace

std::optional<TomlHazard> find_toml_hazard(std::string_view text) {
    int line = 1;
    int column = 1;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
            continue;
        }
        if ((c & 0xC0) == 0x80) continue;  // inside a character
        // Every hazard is a three-byte sequence starting with 0xEF.
        if (c == 0xEF && i + 2 < text.size()) {
            const auto b1 = static_cast<unsigned char>(text[i + 1]);
            const auto b2 = static_cast<unsigned char>(text[i + 2]);
            if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
                const char32_t cp =
                    (char32_t{0xF} << 12) | (char32_t{b1 & 0x3Fu} << 6) | char32_t{b2 & 0x3Fu};
                if (cp >= kFirstHazard && cp <= kLastHazard) return TomlHazard{line, column, cp};
            }
        }
        ++column;
    }
    return std::nullopt;
}

std::string toml_hazard_message(const TomlHazard& hazard) {
    return fmt::format(
        "the character U+{:04X} cannot be read: the TOML parser fails on U+{:04X} to U+{:04X}; "
        "inside a string, write it as \"\\u{:04X}\"",
        static_cast<unsigned>(hazard.code_point), static_cast<unsigned>(kFirstHazard),
        static_cast<unsigned>(kLastHazard), static_cast<unsigned>(hazard.code_point));
}

}  // namespace selfcare
