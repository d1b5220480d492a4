#include "cmd_routines.hpp"

#include <doctest/doctest.h>

#include "catalog.hpp"
#include "support.hpp"

using namespace selfcare;
using namespace selfcare::test;

TEST_CASE("a routine file whose name is not a routine name is warned about in list and check") {
    TempDir home;
    const auto file = home / "config/selfcare/routines/My Neck.toml";
    write_file(file, "title = \"Mine\"\n[[step]]\ntitle = \"Tilt\"\nduration = \"30s\"\n");
    const std::string warning = "selfcare: warning: " + file.string() +
                                ": \"My Neck\" is not a routine name (a-z, 0-9 and '-'), so list "
                                "and run leave it out; rename it to my-neck.toml\n";
    const Result list = run_selfcare(home, {"list"});
    CHECK(list.status == 0);
    CHECK(list.out.find("Mine") == std::string::npos);
    CHECK(list.err == warning);
    const Result check = run_selfcare(home, {"check", file.string()});
    CHECK(check.status == 0);
    CHECK(check.err == warning);
}

TEST_CASE("a name to suggest for a file stem") {
    CHECK(routine_name_for("My Neck") == "my-neck");
    CHECK(routine_name_for("neck_release v2") == "neck-release-v2");
    CHECK(routine_name_for("--") == "");
}

TEST_CASE("check and run a routine that includes files beside it and below it") {
    TempDir home;
    const auto routines = home / "config/selfcare/routines";
    write_file(routines / "evening.toml",
               "title = \"Evening\"\n[[step]]\ninclude = \"calm-breathing\"\n"
               "[[step]]\ninclude = \"./parts/stretch.toml\"\n");
    write_file(routines / "calm-breathing.toml",
               "title = \"Calm\"\n[[step]]\ntitle = \"Calm breaths\"\n"
               "breathe = [\"inhale 4s\", \"exhale 6s\"]\ncycles = 2\n");
    write_file(routines / "parts/stretch.toml",
               "title = \"Stretch\"\n[[step]]\ninclude = \"../calm-breathing.toml\"\n"
               "[[step]]\ntitle = \"Reach up\"\nduration = \"15s\"\n");
    const Result check = run_selfcare(home, {"check", "evening"});
    CHECK(check.err == "");
    CHECK(check.out == "evening: ok, 3 steps, 0:55\n");
    CHECK(check.status == 0);

    const Result run = run_selfcare(home, {"run", "evening", "--speed", "100", "--no-log"});
    CHECK(run.status == 0);
    CHECK(run.out.find("Step 1/3 Calm breaths") != std::string::npos);
    CHECK(run.out.find("Step 3/3 Reach up") != std::string::npos);
    CHECK(run.out.find("Done: Evening in 0:55") != std::string::npos);

    // One that leads out of the folder is refused before anything runs.
    write_file(routines / "escape.toml", "title = \"Out\"\n[[step]]\ninclude = \"../../x.toml\"\n");
    const Result bad = run_selfcare(home, {"run", "escape", "--speed", "100"});
    CHECK(bad.status == 2);
    CHECK(bad.out == "");
    CHECK(bad.err.starts_with((routines / "escape.toml").string() +
                              ":3:11: '../../x.toml' leads out of "));
}

TEST_CASE("check prints warnings and exits 0; list points to check; run stays quiet") {
    TempDir home;
    const auto file = home / "config/selfcare/routines/spots.toml";
    write_file(file,
               "title = \"Spots\"\n[[step]]\ntitle = \"Press\"\nduration = \"10s\"\n"
               "repeat = 2\nlabel = \"the spot\"\n");
    const std::string warning =
        file.string() +
        ":6:9: warning: every one of the 2 repeats gets the same label; add {n} to tell them "
        "apart (\"spot {n} of {count}\")\n    label = \"the spot\"\n            ^\n";
    const Result check = run_selfcare(home, {"check", "spots"});
    CHECK(check.status == 0);
    CHECK(check.err == warning);
    CHECK(check.out == "spots: ok, 1 step, 0:20, 1 warning\n");

    const Result list = run_selfcare(home, {"list"});
    CHECK(list.status == 0);
    CHECK(list.err == "");
    CHECK(list.out.find(file.string() + " (1 warning: run 'selfcare check " + file.string() +
                        "')\n") != std::string::npos);
    const Result json = run_selfcare(home, {"list", "--json"});
    CHECK(json.out.find(R"("valid": true, "problem": null, "warnings": 1})") != std::string::npos);

    const Result run = run_selfcare(home, {"run", "spots", "--speed", "100", "--no-log"});
    CHECK(run.status == 0);
    CHECK(run.err == "");
    CHECK(run.out.find("warning") == std::string::npos);

    // With an error as well, check prints both and exits 2.
    write_file(home / "both.toml",
               "title = \"B\"\n[[step]]\ntitle = \"P\"\nduration = \"10s\"\n"
               "repeat = 2\nlabel = \"x\"\ncue = 3\n");
    const Result both = run_selfcare(home, {"check", (home / "both.toml").string()});
    CHECK(both.status == 2);
    CHECK(both.out == "");
    CHECK(both.err.find(":7:7: 'cue' must be a string") != std::string::npos);
    CHECK(both.err.find(":6:9: warning: every one of the 2 repeats") != std::string::npos);
}
