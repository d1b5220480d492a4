// The completion engine on a small command tree; the scripts themselves
// are driven in each shell by tests/e2e/completion_test.sh.

#include "completion.hpp"

#include <doctest/doctest.h>

#include "support.hpp"

using namespace selfcare;

namespace {

CommandSpec program() {
    CommandSpec run{
        "run",
        "Run a routine",
        false,
        {{{"-h", "--help"}, "", false, "Help"}, {{"--speed"}, "NUMBER", false, "Speed"}},
        {{"routine", "ROUTINE", false, "A routine"}},
        {}};
    CommandSpec add{"add", "Add", false, {{{"--at"}, "WHEN", false, "When"}}, {}, {}};
    CommandSpec log{"log", "The log", false, {{{"--week"}, "WEEK", true, "Week"}}, {}, {add}};
    CommandSpec check{"check", "Check", false, {}, {{"routines", "ROUTINE", true, "Files"}}, {}};
    CommandSpec secret{"__secret", "", true, {}, {}, {}};
    return CommandSpec{"selfcare", "",
                       false,      {{{"--version"}, "", false, "Version"}},
                       {},         {run, log, check, secret}};
}

std::vector<std::string> words(const std::vector<std::string>& before, std::string_view current,
                               bool* files = nullptr) {
    const auto routines = [] { return std::vector<std::string>{"neck-release", "my-stretch"}; };
    const Completion c = complete(program(), before, current, routines);
    if (files) *files = c.files;
    std::vector<std::string> out;
    for (const Candidate& candidate : c.candidates)
        out.push_back(candidate.word);
    return out;
}

using List = std::vector<std::string>;

}  // namespace

TEST_CASE("commands, then their options and arguments") {
    CHECK(words({}, "") == List{"run", "log", "check"});
    CHECK(words({}, "r") == List{"run"});
    CHECK(words({}, "--") == List{"--version"});
    CHECK(words({"log"}, "") == List{"add"});
    CHECK(words({"run"}, "--s") == List{"--speed"});
    bool files = false;
    CHECK(words({"run"}, "", &files) == List{"neck-release", "my-stretch"});
    CHECK(files);
    CHECK(words({"run"}, "m") == List{"my-stretch"});
}

TEST_CASE("an option's value is completed by its kind, and skipped once given") {
    CHECK(words({"run", "--speed"}, "").empty());
    CHECK(words({"run", "--speed", "2"}, "n") == List{"neck-release"});
    CHECK(words({"log", "--week"}, "") == List{"this", "last", "add"});
    CHECK(words({"log", "--week", "last"}, "") == List{"add"});
    CHECK(words({"log", "--week", "add"}, "--") == List{"--at"});
    CHECK(words({"log"}, "--week=l") == List{"--week=last"});
    CHECK(words({"log", "--week", "="}, "th") == List{"this"});
}

TEST_CASE("one argument is completed once; a list of them each time") {
    bool files = true;
    CHECK(words({"run", "neck-release"}, "", &files).empty());
    CHECK_FALSE(files);
    CHECK(words({"check", "neck-release"}, "m") == List{"my-stretch"});
    CHECK(words({"run", "--", "neck-release"}, "").empty());
}

TEST_CASE("the scripts' formats: plain words, zsh's colons escaped, fish's tabs") {
    Completion c;
    c.candidates = {{"a:b", "Has a colon"}, {"run", "Run it"}};
    c.files = true;
    CHECK(format_completion(c, Shell::bash) == "a:b\nrun\n:files\n");
    CHECK(format_completion(c, Shell::zsh) == "a\\:b:Has a colon\nrun:Run it\n:files\n");
    CHECK(format_completion(c, Shell::fish) == "a:b\tHas a colon\nrun\tRun it\n:files\n");
}

TEST_CASE("the real binary: __complete, list --names and completions") {
    test::TempDir home;
    test::write_file(home / "config/selfcare/routines/my-stretch.toml",
                     "title = \"Mine\"\n[[step]]\ntitle = \"Reach\"\nduration = 20\n");
    const test::Result names = test::run_selfcare(home, {"list", "--names"});
    CHECK(names.status == 0);
    CHECK(names.out ==
          "box-breathing\nbreathing-426\nhand-massage\nhome-session\nmy-stretch\nneck-release\n"
          "pressure-holds\ntennis-ball-release\n");

    const test::Result mine = test::run_selfcare(home, {"__complete", "fish", "--", "show", "my"});
    CHECK(mine.out == "my-stretch\troutine\n:files\n");
    // A broken environment still completes what it can, and never complains.
    const std::map<std::string, std::string> broken_env = {{"SELFCARE_NOW", "not a time"}};
    const test::Result broken =
        test::run_selfcare(home, {"__complete", "bash", "--", "ru"}, {}, broken_env);
    CHECK(broken.status == 0);
    CHECK(broken.out == "run\n");
    CHECK(broken.err.empty());
    const test::Result no_names =
        test::run_selfcare(home, {"__complete", "bash", "--", "run", "ne"}, {}, broken_env);
    CHECK(no_names.status == 0);
    CHECK(no_names.out == ":files\n");
    CHECK(no_names.err.empty());

    CHECK(test::run_selfcare(home, {"completions", "bash"}).out.find("complete -F _selfcare") !=
          std::string::npos);
    const test::Result tcsh = test::run_selfcare(home, {"completions", "tcsh"});
    CHECK(tcsh.status == 2);
    CHECK(tcsh.err == "selfcare: completions are for bash, zsh and fish, not 'tcsh'\n");
}
