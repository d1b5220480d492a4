#include "error.hpp"

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
    CHECK(format_diagnostic({{"r.toml"}, "too big", ""}) == "r.toml: too big\n");
    CHECK(format_diagnostic({{}, "no routine named 'x'", ""}) ==
          "selfcare: no routine named 'x'\n");
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
