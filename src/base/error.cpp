#include "error.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace selfcare {

namespace {

// The length of the UTF-8 sequence that starts `s`, or 0 when none does: a
// stray continuation byte, an overlong form, a surrogate, a code point past
// U+10FFFF, or a sequence cut short.
size_t utf8_sequence_length(std::string_view s) {
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80) return 1;
    size_t n = 0;
    unsigned char lo = 0x80;  // the range the second byte must fall in
    unsigned char hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        n = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        n = 3;
        if (lead == 0xE0) lo = 0xA0;
        if (lead == 0xED) hi = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        n = 4;
        if (lead == 0xF0) lo = 0x90;
        if (lead == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (s.size() < n || byte(1) < lo || byte(1) > hi) return 0;
    for (size_t i = 2; i < n; ++i) {
        if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
    }
    return n;
}

// Source lines longer than this many characters are shown as a window around
// the column, so that a problem in a file written on one long line still
// reads as one short line with a caret.
constexpr size_t kMaxShownChars = 100;
constexpr size_t kShownBeforeColumn = 60;

// Appends the source line, indented, and a caret under `column` (1-based,
// counted in code points as toml++ counts them), copying tabs so the caret
// lines up.
void append_source_line(std::string& out, std::string_view line, int column) {
    const std::string shown = printable(line);
    std::vector<size_t> starts;  // where each character starts
    for (size_t i = 0; i < shown.size(); ++i) {
        if ((static_cast<unsigned char>(shown[i]) & 0xC0) != 0x80) starts.push_back(i);
    }
    const size_t count = starts.size();
    const size_t caret = std::min(static_cast<size_t>(column - 1), count);
    size_t first = 0;
    size_t last = count;
    if (count > kMaxShownChars) {
        first = caret > kShownBeforeColumn ? caret - kShownBeforeColumn : 0;
        last = std::min(count, first + kMaxShownChars);
        first = last - kMaxShownChars;
    }
    const auto offset = [&](size_t i) { return i < count ? starts[i] : shown.size(); };
    std::string text = shown.substr(offset(first), offset(last) - offset(first));
    std::string pad;
    if (first > 0) {
        text.insert(0, "...");
        pad = "   ";
    }
    if (last < count) text += "...";
    for (size_t i = first; i < caret; ++i)
        pad += shown[starts[i]] == '\t' ? '\t' : ' ';
    out += fmt::format("    {}\n    {}^\n", text, pad);
}

}  // namespace

std::string printable(std::string_view text) {
    constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        const size_t n = utf8_sequence_length(text);
        const auto lead = static_cast<unsigned char>(text[0]);
        const bool c0 = n == 1 && (lead < 0x20 || lead == 0x7F) && lead != '\n' && lead != '\t';
        const bool c1 = n == 2 && lead == 0xC2 && static_cast<unsigned char>(text[1]) < 0xA0;
        if (n == 0 || c0 || c1) {
            out += kReplacement;
        } else {
            out += text.substr(0, n);
        }
        text.remove_prefix(std::max<size_t>(n, 1));
    }
    return out;
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out;
    const Location& w = d.where;
    const std::string message = printable(d.message);
    if (w.path.empty()) {
        out = fmt::format("selfcare: {}\n", message);
    } else if (w.line == 0) {
        out = fmt::format("{}: {}\n", printable(w.path), message);
    } else {
        out = fmt::format("{}:{}:{}: {}\n", printable(w.path), w.line, w.column, message);
    }
    if (w.line > 0 && w.column > 0 && !d.source_line.empty()) {
        append_source_line(out, d.source_line, w.column);
    }
    return out;
}

namespace {
std::string first_message(const std::vector<Diagnostic>& ds) {
    return ds.empty() ? std::string("unknown error") : ds.front().message;
}
}  // namespace

Error::Error(std::string message, ExitCode code)
    : Error(Diagnostic{{}, std::move(message), {}}, code) {}

Error::Error(Diagnostic diagnostic, ExitCode code)
    : Error(std::vector<Diagnostic>{std::move(diagnostic)}, code) {}

Error::Error(std::vector<Diagnostic> diagnostics, ExitCode code)
    : diagnostics_(std::move(diagnostics)), code_(code), summary_(first_message(diagnostics_)) {}

std::string Error::report() const {
    std::string out;
    for (const Diagnostic& d : diagnostics_)
        out += format_diagnostic(d);
    return out;
}

Error invalid_input(std::string message) {
    return Error(std::move(message), ExitCode::invalid_input);
}

}  // namespace selfcare
