// Includes by name beside the including file, and by a path from its folder,
// confined to the folder tree that file lives in (catalog_includes.cpp).

#include <filesystem>

#include <doctest/doctest.h>
#include <fmt/core.h>

#include "catalog.hpp"
#include "support.hpp"

using namespace selfcare;
namespace fs = std::filesystem;

namespace {

std::string routine_with(std::string_view title, std::string_view include) {
    return fmt::format("title = \"{}\"\n\n[[step]]\ninclude = \"{}\"\n", title, include);
}

std::string plain(std::string_view title) {
    return fmt::format("title = \"{}\"\n[[step]]\ntitle = \"Stretch\"\nduration = \"10s\"\n",
                       title);
}

// The title of what the first step of `target` includes, which must load.
std::string included_title(const Catalog& catalog, const std::string& target) {
    RoutineParse p = catalog.load(target);
    for (const Diagnostic& d : p.problems)
        MESSAGE(format_diagnostic(d));
    REQUIRE(p.problems.empty());
    REQUIRE(p.routine.steps.at(0).included);
    return p.routine.steps[0].included->title;
}

// The one problem loading `target` reports, formatted as `check` prints it.
std::string only_problem(const Catalog& catalog, const std::string& target) {
    const RoutineParse p = catalog.load(target);
    REQUIRE(p.problems.size() == 1);
    return format_diagnostic(p.problems.front());
}

}  // namespace

TEST_CASE("a name is found beside the including file before the catalog") {
    test::TempDir home;
    const fs::path routines = home / "routines";
    test::write_file(routines / "evening.toml", routine_with("Evening", "calm-breathing"));
    test::write_file(routines / "calm-breathing.toml", plain("Calm"));
    const Catalog catalog(routines);
    CHECK(included_title(catalog, "evening") == "Calm");

    // A file used by its path, away from the routines folder, finds its
    // neighbour by name too, and prefers it to the built-in of that name.
    const fs::path elsewhere = home / "project";
    test::write_file(elsewhere / "top.toml", routine_with("Top", "neck-release"));
    test::write_file(elsewhere / "neck-release.toml", plain("My neck"));
    CHECK(included_title(catalog, (elsewhere / "top.toml").string()) == "My neck");
    fs::remove(elsewhere / "neck-release.toml");
    CHECK(included_title(catalog, (elsewhere / "top.toml").string()) == "Neck release");
}

TEST_CASE("a path is resolved from the including file's folder") {
    test::TempDir home;
    const fs::path routines = home / "routines";
    test::write_file(routines / "evening.toml", routine_with("Evening", "./calm.toml"));
    test::write_file(routines / "calm.toml", routine_with("Calm", "./parts/inner.toml"));
    test::write_file(routines / "parts" / "inner.toml", routine_with("Inner", "../shared/x.toml"));
    test::write_file(routines / "shared" / "x.toml", plain("Shared"));
    const Catalog catalog(routines);
    RoutineParse p = catalog.load("evening");
    REQUIRE(p.problems.empty());
    const Routine& calm = *p.routine.steps[0].included;
    CHECK(calm.title == "Calm");
    const Routine& inner = *calm.steps[0].included;
    CHECK(inner.title == "Inner");
    // Paths in messages start from the folder as the user wrote it.
    CHECK(inner.path == (routines / "parts" / "inner.toml").string());
    CHECK(inner.steps[0].included->title == "Shared");
    CHECK(inner.steps[0].included->path == (routines / "shared" / "x.toml").string());
    // Named after its file, like a routine given by path.
    CHECK(calm.name == "calm");

    // The same works when the routines folder is reached through a link.
    fs::create_directory_symlink(routines, home / "linked");
    CHECK(included_title(Catalog(home / "linked"), "evening") == "Calm");
}

TEST_CASE("an include cannot leave the folder tree of the file that names it") {
    test::TempDir home;
    const fs::path routines = home / "routines";
    test::write_file(home / "outside.toml", plain("Outside"));
    fs::create_directories(routines);
    const Catalog catalog(routines);
    const auto refused = [&](std::string_view include) {
        test::write_file(routines / "bad.toml", routine_with("Bad", include));
        return only_problem(catalog, "bad");
    };
    const std::string at = (routines / "bad.toml").string();
    const std::string root = fs::canonical(routines).string();

    CHECK(refused("../../etc/passwd") ==
          fmt::format("{}:4:11: '../../etc/passwd' leads out of {}; an included file must lie "
                      "inside it\n    include = \"../../etc/passwd\"\n              ^\n",
                      at, root));
    CHECK(refused("../outside.toml")
              .starts_with(fmt::format("{}:4:11: '../outside.toml' leads out of {};", at, root)));
    CHECK(refused("/etc/x.toml")
              .starts_with(fmt::format(
                  "{}:4:11: '/etc/x.toml' is an absolute path; write the path from this "
                  "file's folder, such as \"./calm-breathing.toml\"\n",
                  at)));
    CHECK(refused("./notes.txt")
              .starts_with(fmt::format("{}:4:11: './notes.txt' is not a .toml file\n", at)));
    CHECK(refused("./absent.toml")
              .starts_with(fmt::format("{}:4:11: cannot include {}: No such file or directory\n",
                                       at, (routines / "absent.toml").string())));

    // A link inside the folder that leads out of it is refused too, though
    // its own path lies inside.
    fs::create_symlink(home / "outside.toml", routines / "escape.toml");
    CHECK(refused("./escape.toml")
              .starts_with(fmt::format("{}:4:11: './escape.toml' is a link that leads out of {};",
                                       at, root)));

    // A routine used by its path is confined to its own folder.
    test::write_file(home / "project" / "top.toml", routine_with("Top", "../outside.toml"));
    CHECK(only_problem(catalog, (home / "project" / "top.toml").string())
              .find("'../outside.toml' leads out of") != std::string::npos);
}

TEST_CASE("cycles through paths and names are caught, however each is written") {
    test::TempDir home;
    const fs::path routines = home / "routines";
    test::write_file(routines / "a.toml", routine_with("A", "./sub/b.toml"));
    test::write_file(routines / "sub" / "b.toml", routine_with("B", "../a.toml"));
    const Catalog catalog(routines);
    CHECK(only_problem(catalog, "a")
              .starts_with(fmt::format("{}:4:11: include cycle: a -> ./sub/b.toml -> ../a.toml\n",
                                       (routines / "sub" / "b.toml").string())));

    // By name one way and by path the other: still the same file.
    test::write_file(routines / "c.toml", routine_with("C", "d"));
    test::write_file(routines / "d.toml", routine_with("D", "./c.toml"));
    CHECK(only_problem(catalog, "c").find("include cycle: c -> d -> ./c.toml") !=
          std::string::npos);
}

TEST_CASE("a file included by name and by path is read once") {
    test::TempDir home;
    const fs::path routines = home / "routines";
    test::write_file(routines / "top.toml",
                     "title = \"Top\"\n[[step]]\ninclude = \"calm\"\n[[step]]\ninclude = "
                     "\"./calm.toml\"\n[[step]]\ninclude = \"sub/../calm.toml\"\n");
    test::write_file(routines / "calm.toml", plain("Calm"));
    const Catalog catalog(routines);
    RoutineParse p = catalog.load("top");
    REQUIRE(p.problems.empty());
    CHECK(p.routine.steps[0].included.get() == p.routine.steps[1].included.get());
    CHECK(p.routine.steps[1].included.get() == p.routine.steps[2].included.get());
}
