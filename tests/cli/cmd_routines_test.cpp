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
