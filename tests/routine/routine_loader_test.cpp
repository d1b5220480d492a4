#include "routine_loader.hpp"

#include <filesystem>

#include <doctest/doctest.h>
#include <fmt/core.h>

#include "catalog.hpp"
#include "support.hpp"

using namespace selfcare;
namespace fs = std::filesystem;

// Tests run from the source tree (see tests/CMakeLists.txt), so the paths in
// messages are the short relative ones written in the .expected files.
TEST_CASE("every bad routine gets exactly the expected messages") {
    const Catalog catalog("tests/routines/bad");
    int checked = 0;
    for (const auto& file : fs::directory_iterator("tests/routines/bad")) {
        if (file.path().extension() != ".toml") continue;
        const std::string path = "tests/routines/bad/" + file.path().filename().string();
        fs::path expected_file = file.path();
        expected_file.replace_extension(".expected");
        CAPTURE(path);
        const std::string expected = test::read_file(expected_file);
        const RoutineParse loaded = catalog.load(path);
        CHECK_FALSE(loaded.problems.empty());
        CHECK(Error(loaded.problems, ExitCode::invalid_input).report() == expected);
        ++checked;
    }
    CHECK(checked >= 15);
}

TEST_CASE("a routine using every feature loads with every value in place") {
    const RoutineParse p = parse_routine(test::read_file("tests/routines/good/everything.toml"),
                                         "everything.toml", "everything");
    REQUIRE(p.problems.empty());
    const Routine& r = p.routine;
    CHECK(r.name == "everything");
    CHECK(r.title == "Everything");
    CHECK(r.summary == "A routine that uses every key.");
    CHECK(r.caution == "Only a test.");
    REQUIRE(r.steps.size() == 8);

    CHECK(r.steps[0].kind == StepKind::timed);
    CHECK(r.steps[0].min == Seconds(90));
    CHECK(r.steps[0].cue == "Do the thing.");
    CHECK(r.steps[1].min == Seconds(45));

    const Step& spots = r.steps[2];
    CHECK(spots.is_range());
    CHECK(spots.min == Seconds(20));
    CHECK(spots.max == Seconds(30));
    CHECK(spots.repeat == 3);
    CHECK(spots.between == Seconds(8));
    CHECK(spots.label == "spot {n} of {count}");

    const Step& sided = r.steps[3];
    CHECK(sided.sides == std::vector<std::string>{"left", "right"});
    CHECK_FALSE(sided.is_range());  // a single hold value is a fixed length
    CHECK(sided.min == Seconds(30));

    CHECK(r.steps[4].kind == StepKind::rest);
    CHECK(r.steps[4].title == "Rest");
    CHECK(r.steps[4].min == Seconds(20));

    const Step& box = r.steps[5];
    CHECK(box.kind == StepKind::breathe);
    CHECK(box.cycles == 2);
    CHECK(box.breath == std::vector<BreathPhase>{{BreathKind::inhale, Seconds(4)},
                                                 {BreathKind::hold, Seconds(4)},
                                                 {BreathKind::exhale, Seconds(4)},
                                                 {BreathKind::hold, Seconds(4)}});
    // 60 s of a 19 s breath rounds to 3 whole breaths.
    CHECK(r.steps[6].cycles == 3);

    CHECK(r.steps[7].kind == StepKind::include);
    CHECK(r.steps[7].include == "neck-release");
    CHECK(r.steps[7].include_site.where.line == 44);
    CHECK(r.steps[7].include_site.where.column == 11);
}

TEST_CASE("breathing by duration rounds to whole breaths, at least one") {
    const auto cycles_for = [](const char* duration) {
        const std::string text = std::string(
                                     "title = \"b\"\n[[step]]\ntitle = \"b\"\n"
                                     "breathe = [\"inhale 4s\", \"hold 2s\", \"exhale 6s\"]\n"
                                     "duration = ") +
                                 duration + "\n";
        const RoutineParse p = parse_routine(text, "b.toml", "b");
        REQUIRE(p.problems.empty());
        return p.routine.steps[0].cycles;
    };
    CHECK(cycles_for("\"5m\"") == 25);
    CHECK(cycles_for("\"1m5s\"") == 5);  // 65 / 12 = 5.4
    CHECK(cycles_for("\"1m7s\"") == 6);  // 67 / 12 = 5.6
    CHECK(cycles_for("3") == 1);
}

TEST_CASE("CRLF files load, and messages show the line without the carriage return") {
    const RoutineParse good = parse_routine(
        "title = \"x\"\r\n[[step]]\r\ntitle = \"y\"\r\nduration = \"5s\"\r\n", "c.toml", "c");
    CHECK(good.problems.empty());
    const RoutineParse bad = parse_routine(
        "title = \"x\"\r\n[[step]]\r\ntitle = \"y\"\r\nduration = \"5q\"\r\n", "c.toml", "c");
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].source_line == "duration = \"5q\"");
}

TEST_CASE("nesting deeper than the parser allows is refused with a message") {
    const std::string deep = "title = " + std::string(5000, '[') + std::string(5000, ']') + "\n";
    const RoutineParse p = parse_routine(deep, "deep.toml", "deep");
    REQUIRE_FALSE(p.problems.empty());
    CHECK(p.problems[0].message.find("nest") != std::string::npos);
}

TEST_CASE("text with invalid UTF-8 or NUL bytes is refused") {
    const RoutineParse utf8 = parse_routine("title = \"\xff\"\n", "u.toml", "u");
    CHECK_FALSE(utf8.problems.empty());
    const RoutineParse nul = parse_routine(std::string("title = \"a\0b\"\n", 14), "n.toml", "n");
    CHECK_FALSE(nul.problems.empty());
}

TEST_CASE("a breathing phase with a word and no duration is a problem, not an exception") {
    // Found by the routine fuzzer: "inhale " used to throw std::out_of_range.
    for (const char* phase : {"inhale ", "inhale   ", "inhale"}) {
        CAPTURE(phase);
        const std::string text =
            std::string("title = \"b\"\n[[step]]\ntitle = \"b\"\nbreathe = [\"") + phase +
            "\", \"exhale 4s\"]\ncycles = 2\n";
        const RoutineParse p = parse_routine(text, "b.toml", "b");
        REQUIRE(p.problems.size() == 1);
        CHECK(p.problems[0].message ==
              "a breathing phase is a word and a duration, like \"inhale 4s\"");
    }
}

TEST_CASE("an include is a routine name or a path, kept as written") {
    const auto include_of = [](std::string_view value) {
        const RoutineParse p = parse_routine(
            fmt::format("title = \"T\"\n[[step]]\ninclude = {}\n", value), "i.toml", "i");
        return p.problems.empty() ? p.routine.steps.at(0).include
                                  : "problem: " + p.problems.front().message;
    };
    CHECK(include_of("\"calm-breathing\"") == "calm-breathing");
    CHECK(include_of("\"./calm-breathing.toml\"") == "./calm-breathing.toml");
    CHECK(include_of("\"../shared/x.toml\"") == "../shared/x.toml");
    CHECK(include_of("\"calm.toml\"") == "calm.toml");
    const std::string refused =
        "problem: 'include' must be a routine name (a-z, 0-9 and '-') or the path of a .toml file "
        "from this file's folder, such as \"./calm-breathing.toml\"";
    CHECK(include_of("\"Calm Breathing\"") == refused);
    CHECK(include_of("\"./a\\u001b[2J.toml\"") == refused);
    CHECK(include_of("\"\"") == refused);
    CHECK(include_of("3") == refused);
    CHECK(include_of(fmt::format("\"./{}.toml\"", std::string(1100, 'a'))) == refused);
}

TEST_CASE("a repeated step whose label has no {n} is a warning at the label, not a problem") {
    const auto parsed = [](std::string_view step) {
        return parse_routine(fmt::format("title = \"T\"\n[[step]]\ntitle = \"Press\"\n{}", step),
                             "w.toml", "w");
    };
    const RoutineParse same = parsed("duration = \"20s\"\nrepeat = 4\nlabel = \"same spot\"\n");
    CHECK(same.problems.empty());
    REQUIRE(same.warnings.size() == 1);
    CHECK(format_diagnostic(same.warnings.front()) ==
          "w.toml:6:9: warning: every one of the 4 repeats gets the same label; add {n} to tell "
          "them apart (\"spot {n} of {count}\")\n    label = \"same spot\"\n            ^\n");
    // {count} alone does not tell the repeats apart either.
    CHECK(parsed("duration = \"20s\"\nrepeat = 2\nlabel = \"one of {count}\"\n").warnings.size() ==
          1);
    CHECK(parsed("duration = \"20s\"\nrepeat = 4\nlabel = \"spot {n}\"\n").warnings.empty());
    CHECK(parsed("duration = \"20s\"\nlabel = \"the spot\"\n").warnings.empty());
    CHECK(parsed("duration = \"20s\"\nrepeat = 3\n").warnings.empty());
    // A warning does not hide a problem in the same file, nor the other way.
    const RoutineParse both =
        parsed("duration = \"20s\"\nrepeat = 4\nlabel = \"x\"\nbetween = \"0s\"\n");
    CHECK(both.problems.size() == 1);
    CHECK(both.warnings.size() == 1);
}
