#include "error.hpp"

#include <algorithm>

#include <fmt/core.h>

#include "text.hpp"

namespace selfcare {

namespace {

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

std::string format_diagnostic(const Diagnostic& d) {
    std::string out;
    const Location& w = d.where;
    const std::string message = printable(d.message);
    // The word a compiler uses, where a person reading the line expects it.
    const std::string_view kind = d.severity == Severity::warning ? "warning: " : "";
    if (w.path.empty()) {
        out = fmt::format("selfcare: {}{}\n", kind, message);
    } else if (w.line == 0) {
        // No line to point at, so no "path:line:col:" for an editor to jump
        // to: it reads like every other message from selfcare.
        out = fmt::format("selfcare: {}{}: {}\n", kind, printable(w.path), message);
    } else {
        out = fmt::format("{}:{}:{}: {}{}\n", printable(w.path), w.line, w.column, kind, message);
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
