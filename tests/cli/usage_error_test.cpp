// Mistakes on the command line, in selfcare's words: the wording from
// CLI11's reports, then the real binary for each kind of mistake.

#include "usage_error.hpp"

#include <doctest/doctest.h>

#include "support.hpp"

using namespace selfcare;
using namespace selfcare::test;

namespace {

CommandSpec program() {
    CommandSpec run{"run",
                    "Run a routine",
                    false,
                    {{{"-h", "--help"}, "", false, "help"}, {{"--speed"}, "NUMBER", false, "x"}},
                    {{"routine", "ROUTINE", false, "a routine"}},
                    {}};
    CommandSpec list{"list", "List", false, {{{"--json"}, "", false, "json"}}, {}, {}};
    return CommandSpec{"selfcare", "", false, {}, {}, {run, list}};
}

}  // namespace

TEST_CASE("each kind of CLI11 report becomes one line naming the command's help") {
    const CommandSpec root = program();
    const CommandSpec& run = *root.command("run");
    CHECK(explain({"ValidationError", "--speed: needs a number from 0.1 to 1000, got 'abc'", "run",
                   &run}) ==
          "--speed needs a number from 0.1 to 1000, got 'abc' (see 'selfcare run --help')");
    CHECK(explain({"ExtrasError", "The following arguments were not expected: 3 --sped", "run",
                   &run}) ==
          "unknown option '--sped'; did you mean '--speed'? (see 'selfcare run --help')");
    CHECK(explain({"ExtrasError", "The following argument was not expected: extra", "run", &run}) ==
          "'selfcare run' does not take 'extra' (see 'selfcare run --help')");
    CHECK(explain({"ExtrasError", "The following argument was not expected: lsit", "", &root}) ==
          "unknown command 'lsit'; did you mean 'list'? (see 'selfcare --help')");
    CHECK(explain({"RequiredError", "routine is required", "run", &run}) ==
          "'selfcare run' needs ROUTINE (see 'selfcare run --help')");
    CHECK(explain({"ArgumentMismatch", "--speed: 1 required NUMBER missing", "run", &run}) ==
          "--speed needs a value: NUMBER (see 'selfcare run --help')");
}

TEST_CASE("a first word that is not a command gets a suggestion when one is near") {
    const CommandSpec root = program();
    CHECK(unknown_command(root, "rn") ==
          "unknown command 'rn'; did you mean 'run'? (see 'selfcare --help')");
    CHECK(unknown_command(root, "frobnicate") ==
          "unknown command 'frobnicate' (see 'selfcare --help')");
    CHECK_FALSE(unknown_command(root, "run"));
    CHECK_FALSE(unknown_command(root, "--help"));
    CHECK_FALSE(unknown_command(root, ""));
}

TEST_CASE("the real binary: every usage error is one line starting with selfcare:") {
    TempDir home;
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"run", "neck-release", "--speed", "abc"},
         "selfcare: --speed needs a number from 0.1 to 1000, got 'abc' (see 'selfcare run "
         "--help')\n"},
        {{"log", "--weeks", "0"},
         "selfcare: --weeks needs a whole number from 1 to 1000, got '0' (see 'selfcare log "
         "--help')\n"},
        {{"log", "add", "walk", "--pain-after", "11"},
         "selfcare: --pain-after needs a whole number from 0 to 10, got '11' (see 'selfcare log "
         "add --help')\n"},
        {{"run"}, "selfcare: 'selfcare run' needs ROUTINE (see 'selfcare run --help')\n"},
        {{"run", "neck-release", "--sped", "3"},
         "selfcare: unknown option '--sped'; did you mean '--speed'? (see 'selfcare run "
         "--help')\n"},
        {{"status", "now"},
         "selfcare: 'selfcare status' does not take 'now' (see 'selfcare status --help')\n"},
        {{"--bogus"}, "selfcare: unknown option '--bogus' (see 'selfcare --help')\n"},
        {{"sow", "neck-release"},
         "selfcare: unknown command 'sow'; did you mean 'show'? (see 'selfcare --help')\n"},
        {{"show", "./nonexist.toml"}, "selfcare: ./nonexist.toml: No such file or directory\n"},
        {{"show", "neck"}, "selfcare: no routine named 'neck'; did you mean 'neck-release'?\n"},
    };
    for (const auto& c : cases) {
        const auto& [args, expected] = c;
        CAPTURE(c.first.front());  // clang 14 cannot capture a binding
        const Result r = run_selfcare(home, args);
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(r.err == expected);
    }
}

TEST_CASE("status and config --help show their own examples, not the program's") {
    TempDir home;
    const Result status = run_selfcare(home, {"status", "--help"});
    CHECK(status.status == 0);
    CHECK(status.out.find("PS1=") != std::string::npos);
    CHECK(status.out.find("selfcare check my-routine.toml") == std::string::npos);
    const Result config = run_selfcare(home, {"config", "--help"});
    CHECK(config.out.find("selfcare config --path") != std::string::npos);
    CHECK(config.out.find("selfcare check my-routine.toml") == std::string::npos);
}
