#include "error.hpp"

#include <fmt/format.h>

namespace selfcare {

std::string format_diagnostic(const Diagnostic& d) {
    std::string out;
    const Location& w = d.where;
    if (w.path.empty()) {
        out = fmt::format("selfcare: {}\n", d.message);
    } else if (w.line == 0) {
        out = fmt::format("{}: {}\n", w.path, d.message);
    } else {
        out = fmt::format("{}:{}:{}: {}\n", w.path, w.line, w.column, d.message);
    }
    if (w.line > 0 && w.column > 0 && !d.source_line.empty()) {
        // One pad character per code point before the column (toml++ counts
        // columns in code points), copying tabs so the caret lines up.
        std::string pad;
        int column = 1;
        for (const char c : d.source_line) {
            if (column >= w.column) break;
            const bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
            if (continuation) continue;
            pad += c == '\t' ? '\t' : ' ';
            ++column;
        }
        out += fmt::format("    {}\n    {}^\n", d.source_line, pad);
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
