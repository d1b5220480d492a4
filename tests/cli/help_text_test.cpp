// The commands as a person meets them: the program's help names every one,
// each has its own help with its own examples, completion offers it and a
// typo of it gets "did you mean". The program defines only the command its
// line names (cli.cpp), so these fail if a path that needs them all loses one.

#include "help_text.hpp"

#include <algorithm>
#include <sstream>
#include <utility>

#include <doctest/doctest.h>

#include "support.hpp"

using namespace selfcare;

namespace {

// Every command with the footer its --help ends with. Written out here, not
// read from the program, so a command it forgets to define is noticed.
const std::vector<std::pair<std::vector<std::string>, const char*>> commands = {
    {{"run"}, footers::run},
    {{"list"}, footers::list},
    {{"show"}, footers::show},
    {{"check"}, footers::check},
    {{"log"}, footers::log},
    {{"log", "add"}, footers::log_add},
    {{"log", "remove"}, footers::log_remove},
    {{"log", "undo"}, footers::log_undo},
    {{"status"}, footers::status},
    {{"config"}, footers::config},
    {{"new"}, footers::new_routine},
    {{"edit"}, footers::edit},
    {{"remind"}, footers::remind},
    {{"completions"}, footers::completions},
};

std::vector<std::string> top_level() {
    std::vector<std::string> names;
    for (const auto& [path, footer] : commands)
        if (path.size() == 1) names.push_back(path.front());
    return names;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

bool has_line(const std::string& text, const std::string& line) {
    const std::vector<std::string> lines = lines_of(text);
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

}  // namespace

TEST_CASE("the program's help names every command, with the program's examples") {
    test::TempDir home;
    for (const char* flag : {"--help", "-h"}) {
        CAPTURE(flag);
        const test::Result help = test::run_selfcare(home, {flag});
        CHECK(help.status == 0);
        CHECK(help.out.find(footers::program) != std::string::npos);
        for (const std::string& name : top_level()) {
            CAPTURE(name);
            CHECK(help.out.find("\n  " + name + " ") != std::string::npos);
        }
    }
    // A command's name after "--" is not the command: the help is the
    // program's, with the commands in their usual order.
    const test::Result plain = test::run_selfcare(home, {"--help"});
    for (const std::string& name : top_level()) {
        CAPTURE(name);
        CHECK(test::run_selfcare(home, {"-h", "--", name}).out == plain.out);
    }
}

TEST_CASE("each command's help, asked for before or after it, shows its own examples") {
    test::TempDir home;
    for (const auto& [path, footer] : commands) {
        std::string name;
        for (const std::string& word : path)
            name += (name.empty() ? "" : " ") + word;
        CAPTURE(name);
        std::vector<std::string> after = path;
        after.push_back("--help");
        const test::Result own = test::run_selfcare(home, after);
        CHECK(own.status == 0);
        CHECK(own.out.find("Usage: selfcare " + name + " ") != std::string::npos);
        CHECK(own.out.find(footer) != std::string::npos);
        CHECK(own.out.find(footers::program) == std::string::npos);
        std::vector<std::string> before = path;
        before.insert(before.begin(), "--help");
        CHECK(test::run_selfcare(home, before).out == own.out);
    }
}

TEST_CASE("a misspelt command, completion and the manual's listing know every command") {
    test::TempDir home;
    const test::Result offered = test::run_selfcare(home, {"__complete", "bash", "--", ""});
    CHECK(offered.status == 0);
    const test::Result listed = test::run_selfcare(home, {"__commands"});
    CHECK(listed.status == 0);
    for (const std::string& name : top_level()) {
        CAPTURE(name);
        CHECK(has_line(offered.out, name));
        CHECK(has_line(listed.out, name));
        // The last two letters swapped: "rnu" for "run".
        std::string typo = name;
        std::swap(typo[typo.size() - 2], typo[typo.size() - 1]);
        const test::Result wrong = test::run_selfcare(home, {typo});
        CHECK(wrong.status == 2);
        CHECK(wrong.err == "selfcare: unknown command '" + typo + "'; did you mean '" + name +
                               "'? (see 'selfcare --help')\n");
    }
    for (const auto& [path, footer] : commands) {
        if (path.size() == 1) continue;
        CHECK(has_line(listed.out, path[0] + " " + path[1]));
    }
}
