#include "toml_reader.hpp"

#include <doctest/doctest.h>

using namespace selfcare;

namespace {

// The one problem in `text`, as "line:col: message".
std::string problem_in(std::string_view text) {
    TomlFile file(text, "t.toml");
    std::vector<Diagnostic> problems = file.take_problems();
    REQUIRE(problems.size() == 1);
    const Diagnostic& d = problems[0];
    return std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " + d.message;
}

}  // namespace

TEST_CASE("a string left open is reported at its opening quote") {
    CHECK(problem_in("title = \"Unclosed\nx = 1\n") ==
          "1:9: unterminated string: no closing quote before the end of the line");
    // An escaped quote does not close it; a closed string before it is passed over.
    CHECK(problem_in("a = \"x\"\nb = [\"ok\", \"say \\\"hi]\n") ==
          "2:12: unterminated string: no closing quote before the end of the line");
    CHECK(problem_in("c = 'literal\n") ==
          "1:5: unterminated string: no closing quote before the end of the line");
}
