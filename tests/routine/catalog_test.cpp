#include "catalog.hpp"

#include <algorithm>

#include <doctest/doctest.h>
#include <fmt/core.h>

#include "builtin_routines.hpp"
#include "routine_loader.hpp"
#include "support.hpp"

using namespace selfcare;

namespace {
constexpr std::string_view kShort =
    "title = \"Mine\"\n[[step]]\ntitle = \"Stretch\"\nduration = \"10s\"\n";

// A routine that must load without problems.
Routine loaded(const Catalog& catalog, std::string_view name) {
    RoutineParse p = catalog.load(name);
    REQUIRE(p.problems.empty());
    return std::move(p.routine);
}

// The first problem loading `name` reports.
std::string problem(const Catalog& catalog, std::string_view name) {
    const RoutineParse p = catalog.load(name);
    REQUIRE_FALSE(p.problems.empty());
    return p.problems.front().message;
}
}  // namespace

TEST_CASE("arguments with a slash or a .toml ending are paths") {
    CHECK(looks_like_path("./mine.toml"));
    CHECK(looks_like_path("mine.toml"));
    CHECK(looks_like_path("dir/mine"));
    CHECK_FALSE(looks_like_path("neck-release"));
}

TEST_CASE("with no user folder the catalog holds exactly the built-ins") {
    test::TempDir home;
    const Catalog catalog(home / "missing");
    const auto entries = catalog.list().entries;
    REQUIRE(entries.size() == builtin_routines().size());
    for (const CatalogEntry& e : entries) {
        CHECK(e.origin == Origin::builtin);
        CHECK(e.path == "builtin/" + e.name + ".toml");
    }
    CHECK(loaded(catalog, "neck-release").title == "Neck release");
}

TEST_CASE("a user routine is listed and overrides the built-in of the same name") {
    test::TempDir home;
    test::write_file(home / "neck-release.toml", kShort);
    test::write_file(home / "mine.toml", kShort);
    test::write_file(home / "Not A Name.toml", kShort);  // not a routine name: left out
    test::write_file(home / "notes.txt", "not a routine");
    const Catalog catalog(home.path());

    const auto entries = catalog.list().entries;
    REQUIRE(entries.size() == builtin_routines().size() + 1);
    const auto find = [&](std::string_view name) {
        return *std::ranges::find(entries, name, &CatalogEntry::name);
    };
    CHECK(find("mine").origin == Origin::user);
    CHECK_FALSE(find("mine").overrides_builtin);
    CHECK(find("neck-release").origin == Origin::user);
    CHECK(find("neck-release").overrides_builtin);
    CHECK(find("neck-release").path == (home / "neck-release.toml").string());

    CHECK(loaded(catalog, "neck-release").title == "Mine");
    CHECK(loaded(catalog, "box-breathing").title == "Box breathing");
}

TEST_CASE("an unknown name suggests a near one") {
    const Catalog catalog("/nonexistent");
    CHECK(problem(catalog, "nek-release") ==
          "no routine named 'nek-release'; did you mean 'neck-release'?");
    CHECK(problem(catalog, "yoga") == "no routine named 'yoga' (see 'selfcare list')");
}

TEST_CASE("names cannot reach outside the routine folders") {
    test::TempDir home;
    test::write_file(home / "secret.toml", kShort);
    const Catalog catalog(home / "routines");
    // Anything that is not [a-z0-9-]+ is refused as a name; with a slash it is
    // a path, which the user typed on purpose.
    CHECK(problem(catalog, "..\\secret") ==
          "'..\\secret' is neither a routine name (a-z, 0-9 and '-') nor a path to a .toml file");
    CHECK(problem(catalog, "Neck-Release").find("neither a routine name") != std::string::npos);
    CHECK(problem(catalog, "..").find("neither a routine name") != std::string::npos);
}

TEST_CASE("a file loaded by path is named after its file") {
    test::TempDir home;
    test::write_file(home / "My Neck.toml", kShort);
    const Catalog catalog(home / "routines");
    const Routine r = loaded(catalog, (home / "My Neck.toml").string());
    CHECK(r.name == "my-neck");
    CHECK(r.title == "Mine");
}

TEST_CASE("includes are found among the user's routines and the built-ins") {
    const Catalog catalog("tests/routines/good");
    const Routine r = loaded(catalog, "tests/routines/good/includes-sibling.toml");
    REQUIRE(r.steps.size() == 2);
    REQUIRE(r.steps[0].included);
    CHECK(r.steps[0].included->title == "Everything");
    REQUIRE(r.steps[1].included);
    CHECK(r.steps[1].included->name == "breathing-426");
    // The nested include inside "everything" is resolved too.
    CHECK(r.steps[0].included->steps.back().included->name == "neck-release");
}

TEST_CASE("a routine that includes another many times reads it once") {
    test::TempDir home;
    // Each level includes the next 50 times: 50^10 paths, 10 reads.
    for (int level = 0; level < 10; ++level) {
        std::string text = "title = \"Level\"\n";
        for (int i = 0; i < 50; ++i)
            text += fmt::format("[[step]]\ninclude = \"level{}\"\n", level + 1);
        test::write_file(home / fmt::format("level{}.toml", level), text);
    }
    test::write_file(home / "level10.toml", kShort);
    const Catalog catalog(home.path());
    const Routine r = loaded(catalog, "level0");
    CHECK(r.steps[0].included.get() == r.steps[49].included.get());
}

TEST_CASE("include chains deeper than the limit are refused") {
    test::TempDir home;
    for (int level = 0; level < 40; ++level) {
        test::write_file(home / fmt::format("d{}.toml", level),
                         fmt::format("title = \"D\"\n[[step]]\ninclude = \"d{}\"\n", level + 1));
    }
    test::write_file(home / "d40.toml", kShort);
    const Catalog catalog(home.path());
    CHECK(problem(catalog, "d0") == "includes nest more than 16 deep");
}

TEST_CASE("files over the size limit are refused before parsing") {
    test::TempDir home;
    test::write_file(home / "big.toml", std::string(kMaxRoutineBytes + 1, '#'));
    const Catalog catalog(home / "routines");
    CHECK(problem(catalog, (home / "big.toml").string()) ==
          "file is larger than 1024 KiB; refusing to read it");
    CHECK(problem(catalog, (home / "absent.toml").string()) == "No such file or directory");
}
