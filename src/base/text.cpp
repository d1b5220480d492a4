#include "text.hpp"

#include <algorithm>

namespace selfcare {

Utf8Char decode_utf8(std::string_view s) {
    if (s.empty()) return {};
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80) return {lead, 1};
    std::size_t n = 0;
    char32_t code = 0;
    unsigned char lo = 0x80;  // the range the second byte must fall in
    unsigned char hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        n = 2;
        code = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        n = 3;
        code = lead & 0x0F;
        if (lead == 0xE0) lo = 0xA0;  // overlong
        if (lead == 0xED) hi = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        n = 4;
        code = lead & 0x07;
        if (lead == 0xF0) lo = 0x90;  // overlong
        if (lead == 0xF4) hi = 0x8F;  // past U+10FFFF
    } else {
        return {};
    }
    if (s.size() < n || byte(1) < lo || byte(1) > hi) return {};
    for (std::size_t i = 1; i < n; ++i) {
        if (i > 1 && (byte(i) < 0x80 || byte(i) > 0xBF)) return {};
        code = (code << 6) | (byte(i) & 0x3F);
    }
    return {code, n};
}

bool is_control(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

std::optional<char32_t> find_control(std::string_view s, std::u32string_view allowed) {
    while (!s.empty()) {
        const Utf8Char c = decode_utf8(s);
        if (c.length > 0 && is_control(c.code) && allowed.find(c.code) == std::u32string_view::npos)
            return c.code;
        s.remove_prefix(std::max<std::size_t>(c.length, 1));
    }
    return std::nullopt;
}

std::string printable(std::string_view text) {
    constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        const Utf8Char c = decode_utf8(text);
        const bool shown =
            c.length > 0 && (!is_control(c.code) || c.code == '\n' || c.code == '\t');
        out += shown ? text.substr(0, c.length) : kReplacement;
        text.remove_prefix(std::max<std::size_t>(c.length, 1));
    }
    return out;
}

std::size_t char_count(std::string_view s) {
    std::size_t n = 0;
    for (; !s.empty(); ++n)
        s.remove_prefix(std::max<std::size_t>(decode_utf8(s).length, 1));
    return n;
}

std::string_view first_chars(std::string_view s, std::size_t n) {
    std::string_view rest = s;
    for (std::size_t i = 0; i < n && !rest.empty(); ++i)
        rest.remove_prefix(std::max<std::size_t>(decode_utf8(rest).length, 1));
    return s.substr(0, s.size() - rest.size());
}

bool is_routine_name(std::string_view name) {
    return !name.empty() && name.size() <= 64 && std::ranges::all_of(name, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

}  // namespace selfcare
