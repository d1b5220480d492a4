#include "error.hpp"

#include <string>

#include <doctest/doctest.h>

using namespace selfcare;

TEST_CASE("a diagnostic shows the place, the line and a caret under the column") {
    const Diagnostic d{{"r.toml", 3, 12}, "unknown key", "duraton = \"30s\""};
    CHECK(format_diagnostic(d) ==
          "r.toml:3:12: unknown key\n"
          "    duraton = \"30s\"\n"
          "               ^\n");
}

TEST_CASE("the caret follows tabs and counts characters, not bytes") {
    const Diagnostic tabs{{"r.toml", 1, 3}, "m", "\t\tx"};
    CHECK(format_diagnostic(tabs) == "r.toml:1:3: m\n    \t\tx\n    \t\t^\n");
    const Diagnostic accents{{"r.toml", 1, 10}, "m", "title = \"\xc3\xa9x"};
    CHECK(format_diagnostic(accents) ==
          "r.toml:1:10: m\n    title = \"\xc3\xa9x\n             ^\n");
}

TEST_CASE("diagnostics without a line or a file") {
    CHECK(format_diagnostic({{"r.toml"}, "too big", ""}) == "selfcare: r.toml: too big\n");
    CHECK(format_diagnostic({{}, "no routine named 'x'", ""}) ==
          "selfcare: no routine named 'x'\n");
}

TEST_CASE("a warning says so after its place, in every form") {
    const Diagnostic at{{"r.toml", 2, 9}, "same label", "label = \"x\"", Severity::warning};
    CHECK(format_diagnostic(at) ==
          "r.toml:2:9: warning: same label\n    label = \"x\"\n"
          "            ^\n");
    CHECK(format_diagnostic({{"My Neck.toml"}, "not a name", "", Severity::warning}) ==
          "selfcare: warning: My Neck.toml: not a name\n");
    CHECK(format_diagnostic({{}, "odd", "", Severity::warning}) == "selfcare: warning: odd\n");
}

TEST_CASE("an error reports every diagnostic and keeps its exit code") {
    const Error e({{{"a.toml", 1, 1}, "first", ""}, {{"a.toml", 2, 1}, "second", ""}},
                  ExitCode::invalid_input);
    CHECK(e.code() == ExitCode::invalid_input);
    CHECK(std::string(e.what()) == "first");
    CHECK(e.report() == "a.toml:1:1: first\na.toml:2:1: second\n");
    CHECK(invalid_input("x").code() == ExitCode::invalid_input);
    CHECK(Error("y").code() == ExitCode::failure);
}

TEST_CASE("a diagnostic never echoes control characters from the input") {
    const Diagnostic d{{"r.toml", 1, 3}, "unknown key '\x1b]0;x\x07'", "\"\x1b]0;x\x07\" = 1"};
    CHECK(format_diagnostic(d) ==
          "r.toml:1:3: unknown key '\xEF\xBF\xBD]0;x\xEF\xBF\xBD'\n"
          "    \"\xEF\xBF\xBD]0;x\xEF\xBF\xBD\" = 1\n"
          "      ^\n");
}

TEST_CASE("a long source line is cut to a window around the column") {
    const std::string line = std::string(500, 'a') + "X" + std::string(500, 'b');
    const std::string shown = format_diagnostic({{"r.toml", 1, 501}, "m", line});
    // 60 characters before the column, 100 in all, marked as cut at both ends.
    CHECK(shown == "r.toml:1:501: m\n    ..." + std::string(60, 'a') + "X" + std::string(39, 'b') +
                       "...\n    " + std::string(63, ' ') + "^\n");
    const std::string start = format_diagnostic({{"r.toml", 1, 2}, "m", line});
    CHECK(start == "r.toml:1:2: m\n    " + std::string(100, 'a') + "...\n     ^\n");
    const std::string end = format_diagnostic({{"r.toml", 1, 1002}, "m", line});
    CHECK(end == "r.toml:1:1002: m\n    ..." + std::string(100, 'b') + "\n    " +
                     std::string(103, ' ') + "^\n");
}
