#pragma once
// Errors that reach the user. Every problem selfcare reports is one of these,
// thrown where it is found and printed once, in main.

#include <exception>
#include <string>
#include <string_view>
#include <vector>

namespace selfcare {

// Exit statuses, the same for every command.
// output_failed is sysexits.h's EX_IOERR: standard output could not be
// written (a full disk, a closed pipe, a terminal that went away).
enum class ExitCode { ok = 0, failure = 1, invalid_input = 2, output_failed = 74 };

// A place in a file. `line` and `column` are 1-based; 0 means unknown.
struct Location {
    std::string path;
    int line = 0;
    int column = 0;
};

// An error stops what it is about (a routine with one is not run); a
// warning is worth telling the person who wrote the input, and nothing more.
enum class Severity { error, warning };

// One problem, with where it is. `source_line` is the text of that line, used
// to draw a caret under the column; it may be empty.
struct Diagnostic {
    Location where;
    std::string message;
    std::string source_line;
    Severity severity = Severity::error;
};

// Renders "path:line:col: message", then the source line and a caret under
// the column when both are known. Ends with a newline. A warning says
// "warning: " after the place ("selfcare: warning: PATH: ..." without a line). Everything from the
// input goes through printable(), and a long line is cut to a window around the column.
std::string format_diagnostic(const Diagnostic& d);

// The one error type. It carries one or more diagnostics and the exit status
// the program should end with.
class Error : public std::exception {
  public:
    explicit Error(std::string message, ExitCode code = ExitCode::failure);
    Error(Diagnostic diagnostic, ExitCode code);
    Error(std::vector<Diagnostic> diagnostics, ExitCode code);

    const char* what() const noexcept override { return summary_.c_str(); }
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
    ExitCode code() const { return code_; }

    // Every diagnostic, formatted, in the order found.
    std::string report() const;

  private:
    std::vector<Diagnostic> diagnostics_;
    ExitCode code_;
    std::string summary_;
};

// Shorthand for bad input from the user: exit status 2.
Error invalid_input(std::string message);

}  // namespace selfcare
