#include "json.hpp"

#include <fmt/core.h>

#include "text.hpp"

namespace selfcare {

std::string json_string(std::string_view text) {
    std::string out = "\"";
    while (!text.empty()) {
        const char c = text.front();
        const Utf8Char decoded = decode_utf8(text);
        const size_t n = decoded.length;
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
                if (is_control(decoded.code)) {
                    // Controls, C1 included, act on a terminal that shows
                    // this text; escaped, they stay the same JSON.
                    out += fmt::format("\\u{:04x}", static_cast<unsigned>(decoded.code));
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
