// `selfcare` alone: the front door.

#include <doctest/doctest.h>

#include "support.hpp"

using namespace selfcare::test;

TEST_CASE("selfcare alone shows the week, the routines with their lengths and how to start") {
    TempDir home;
    write_file(home / "config/selfcare/routines/my-stretch.toml",
               "title = \"My stretch\"\n[[step]]\ntitle = \"Reach\"\nduration = \"45s\"\n");
    write_file(home / "config/selfcare/routines/broken.toml", "title = \n");
    const Result r = run_selfcare(home, {}, {}, {{"SELFCARE_NOW", "2026-11-19T10:00:00+01:00"}});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("So far: 0/3 this week, 0/30 min\n") != std::string::npos);
    CHECK(r.out.find("  neck-release               1:05  Neck release\n") != std::string::npos);
    CHECK(r.out.find("  home-session         8:59-11:29  Home session\n") != std::string::npos);
    CHECK(r.out.find("  my-stretch                 0:45  My stretch\n") != std::string::npos);
    CHECK(r.out.find("  broken                           has problems: selfcare check broken\n") !=
          std::string::npos);
    CHECK(r.out.find("  selfcare run neck-release ") != std::string::npos);
    CHECK(r.out.find("  selfcare log ") != std::string::npos);
    CHECK(r.out.find("  selfcare --help ") != std::string::npos);
}

TEST_CASE("the front door counts this week's sessions") {
    TempDir home;
    const std::map<std::string, std::string> env = {{"SELFCARE_NOW", "2026-11-19T10:00:00+01:00"},
                                                    {"TZ", "Europe/Berlin"}};
    REQUIRE(run_selfcare(
                home, {"log", "add", "neck-release", "--at", "yesterday 18:00", "--minutes", "12"},
                {}, env)
                .status == 0);
    const Result r = run_selfcare(home, {}, {}, env);
    CHECK(r.out.find("So far: 1/3 this week, 12/30 min\n") != std::string::npos);
}
