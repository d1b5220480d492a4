#include "json.hpp"

#include <fmt/format.h>

namespace selfcare {

namespace {

// Length of the valid UTF-8 sequence at the start of `s`, or 0.
size_t utf8_length(std::string_view s) {
    const auto b = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
    const auto tail = [&](size_t n) {
        if (s.size() < n) return false;
        for (size_t i = 1; i < n; ++i) {
            if ((b(i) & 0xC0) != 0x80) return false;
        }
        return true;
    };
    const unsigned char c = b(0);
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return tail(2) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!tail(3)) return 0;
        if (c == 0xE0 && b(1) < 0xA0) return 0;   // overlong
        if (c == 0xED && b(1) >= 0xA0) return 0;  // surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!tail(4)) return 0;
        if (c == 0xF0 && b(1) < 0x90) return 0;
        if (c == 0xF4 && b(1) >= 0x90) return 0;
        return 4;
    }
    return 0;
}

}  // namespace

std::string json_string(std::string_view text) {
    std::string out = "\"";
    while (!text.empty()) {
        const char c = text.front();
        const size_t n = utf8_length(text);
        if (n == 0) {
            out += "\\ufffd";
            text.remove_prefix(1);
            continue;
        }
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                    out += fmt::format("\\u{:04x}", static_cast<int>(c));
                } else if (n == 2 && static_cast<unsigned char>(c) == 0xC2 &&
                           static_cast<unsigned char>(text[1]) < 0xA0) {
                    // C1 controls (U+0080..U+009F) act on a terminal that
                    // shows this text; escaped, they stay the same JSON.
                    out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[1]));
                } else {
                    out += text.substr(0, n);
                }
        }
        text.remove_prefix(n);
    }
    out += '"';
    return out;
}

}  // namespace selfcare
