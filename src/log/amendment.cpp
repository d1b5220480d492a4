#include "amendment.hpp"

#include <array>

#include <fmt/core.h>

#include "session.hpp"
#include "text.hpp"

namespace selfcare {
namespace {

constexpr size_t kFields = 5;
constexpr std::string_view kNoText = "-";

bool parse_hex_id(std::string_view text, std::uint64_t& out) {
    if (text.size() != 16) return false;
    std::uint64_t v = 0;
    for (const char c : text) {
        const bool digit = c >= '0' && c <= '9';
        if (!digit && !(c >= 'a' && c <= 'f')) return false;
        v = v << 4 | static_cast<std::uint64_t>(digit ? c - '0' : c - 'a' + 10);
    }
    out = v;
    return true;
}

}  // namespace

std::string_view to_string(AmendKind k) {
    return k == AmendKind::note ? "note" : "remove";
}

std::string_view amendment_file_header() {
    return "# selfcare amendments v1\n"
           "# date\tid\tmade\ttext\tkind\n";
}

std::string encode_amendment(const Amendment& a) {
    const std::string text =
        a.kind == AmendKind::note ? escape_field(a.text) : std::string(kNoText);
    return fmt::format("{}\t{}\t{}\t{}\t{}\n", format_date(a.date), format_id(a.id), a.made, text,
                       to_string(a.kind));
}

const char* decode_amendment(std::string_view line, AmendmentView& out) {
    std::array<std::string_view, kFields> f;
    size_t n = 0;
    while (true) {
        const size_t tab = line.find('\t');
        if (n == kFields) return "more fields than this version writes";
        f[n++] = line.substr(0, tab);
        if (tab == std::string_view::npos) break;
        line.remove_prefix(tab + 1);
    }
    if (n != kFields) return "too few fields (a torn or edited line)";
    if (!parse_date(f[0], out.date)) return "bad date";
    if (!parse_hex_id(f[1], out.id)) return "bad id";
    if (!is_local_time(f[2])) return "bad time";
    if (f[4] == "note") {
        if (!valid_escaped_field(f[3], kMaxNote)) return "bad note";
        out.kind = AmendKind::note;
    } else if (f[4] == "remove") {
        if (f[3] != kNoText) return "bad text";
        out.kind = AmendKind::remove;
    } else {
        return "bad kind";
    }
    out.made = f[2];
    out.text = f[3];
    return nullptr;
}

std::string validate(const Amendment& a) {
    if (!is_local_time(a.made)) return "the time is not a local ISO 8601 time";
    if (a.kind == AmendKind::remove) return a.text.empty() ? "" : "a removal carries no text";
    return validate_note(a.text);
}

std::string validate_note(std::string_view text) {
    if (text.empty()) return "the note is empty";
    if (text.size() > kMaxNote) {
        return fmt::format("the note is longer than {} bytes ({})", kMaxNote, text.size());
    }
    if (find_control(text, U"\t\n")) return "the note has a control character";
    return {};
}

}  // namespace selfcare
