// `selfcare new` and `selfcare edit` without a terminal: files written,
// never overwritten, and checked. The editor on a terminal is driven in
// tests/e2e/edit_test.sh.

#include <filesystem>

#include <doctest/doctest.h>

#include "support.hpp"

using namespace selfcare::test;
namespace fs = std::filesystem;

TEST_CASE("new writes a commented routine that passes check, and never overwrites") {
    TempDir home;
    const fs::path file = home / "config/selfcare/routines/evening.toml";
    const Result r = run_selfcare(home, {"new", "evening"});
    CHECK(r.status == 0);
    CHECK(r.out == "Wrote " + file.string() + "\n" + file.string() + ": ok, 3 steps, 3:35-4:35\n");
    const std::string text = read_file(file);
    CHECK(text.find("title = \"Evening\"\n") != std::string::npos);
    CHECK(text.find("# A timed step") != std::string::npos);
    CHECK(run_selfcare(home, {"show", "evening"}).status == 0);

    write_file(file, "title = \"Mine, edited\"\n");
    const Result again = run_selfcare(home, {"new", "evening"});
    CHECK(again.status == 2);
    CHECK(again.err ==
          "selfcare: " + file.string() + " is already there; 'selfcare edit evening' opens it\n");
    CHECK(read_file(file) == "title = \"Mine, edited\"\n");
}

TEST_CASE("new --from copies a built-in, a routine of yours or a file") {
    TempDir home;
    CHECK(run_selfcare(home, {"new", "my-neck", "--from", "neck-release"}).status == 0);
    CHECK(read_file(home / "config/selfcare/routines/my-neck.toml") ==
          read_file(source_dir() / "routines/neck-release.toml"));
    CHECK(run_selfcare(home, {"new", "my-neck-2", "--from", "my-neck"}).status == 0);
    CHECK(read_file(home / "config/selfcare/routines/my-neck-2.toml") ==
          read_file(source_dir() / "routines/neck-release.toml"));

    const Result typo = run_selfcare(home, {"new", "x", "--from", "nek-release"});
    CHECK(typo.status == 2);
    CHECK(typo.err ==
          "selfcare: no routine named 'nek-release'; did you mean 'neck-release'? (see "
          "'selfcare list')\n");
    CHECK_FALSE(fs::exists(home / "config/selfcare/routines/x.toml"));
}

TEST_CASE("new refuses a name that could point outside the folder") {
    TempDir home;
    for (const char* name : {"../escape", "Big", "a b", ""}) {
        CAPTURE(name);
        const Result r = run_selfcare(home, {"new", name});
        CHECK(r.status == 2);
        CHECK(r.err.starts_with("selfcare: '"));
    }
    CHECK_FALSE(fs::exists(home / "config/selfcare/escape.toml"));
}

TEST_CASE("edit copies a built-in once, so the copy replaces it; the editor needs a terminal") {
    TempDir home;
    const fs::path file = home / "config/selfcare/routines/box-breathing.toml";
    const fs::path marker = home / "editor-ran";
    const std::map<std::string, std::string> env = {{"EDITOR", "touch " + marker.string()}};
    const Result first = run_selfcare(home, {"edit", "box-breathing"}, {}, env);
    CHECK(first.status == 0);
    CHECK(first.out.starts_with("Copied the built-in box-breathing to " + file.string()));
    CHECK(read_file(file) == read_file(source_dir() / "routines/box-breathing.toml"));
    // Not a terminal: the path is printed, the editor is not started.
    CHECK_FALSE(fs::exists(marker));

    write_file(file, "title = \"Box, my way\"\n[[step]]\ntitle = \"Square\"\nduration = 60\n");
    const Result second = run_selfcare(home, {"edit", "box-breathing"}, {}, env);
    CHECK(second.status == 0);
    CHECK(second.out == file.string() + "\n" + file.string() + ": ok, 1 step, 1:00\n");
    CHECK(run_selfcare(home, {"list"}).out.find("Box, my way") != std::string::npos);

    const Result missing = run_selfcare(home, {"edit", "evenin"});
    CHECK(missing.status == 2);
    CHECK(missing.err == "selfcare: no routine named 'evenin'; 'selfcare new evenin' writes one\n");
}
