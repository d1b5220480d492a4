#include "paths.hpp"

#include <map>
#include <string>

#include <doctest/doctest.h>

#include "error.hpp"

using namespace selfcare;

namespace {
Lookup env_of(std::map<std::string, std::string> vars) {
    return [vars = std::move(vars)](const char* name) -> const char* {
        const auto it = vars.find(name);
        return it == vars.end() ? nullptr : it->second.c_str();
    };
}
}  // namespace

TEST_CASE("XDG variables set to absolute paths are used") {
    const Paths p = resolve_paths(env_of({{"HOME", "/home/ana"},
                                          {"XDG_CONFIG_HOME", "/c"},
                                          {"XDG_DATA_HOME", "/d"},
                                          {"XDG_STATE_HOME", "/s"},
                                          {"XDG_CACHE_HOME", "/k"}}));
    CHECK(p.config == "/c/selfcare");
    CHECK(p.data == "/d/selfcare");
    CHECK(p.state == "/s/selfcare");
    CHECK(p.cache == "/k/selfcare");
    CHECK(p.routines() == "/c/selfcare/routines");
    CHECK(p.config_file() == "/c/selfcare/config.toml");
}

TEST_CASE("unset, empty or relative XDG variables fall back to HOME") {
    const Paths p = resolve_paths(
        env_of({{"HOME", "/home/ana"}, {"XDG_CONFIG_HOME", ""}, {"XDG_DATA_HOME", "rel/data"}}));
    CHECK(p.config == "/home/ana/.config/selfcare");
    CHECK(p.data == "/home/ana/.local/share/selfcare");
    CHECK(p.state == "/home/ana/.local/state/selfcare");
    CHECK(p.cache == "/home/ana/.cache/selfcare");
    CHECK(resolve_paths(env_of({{"HOME", "/home/ana"}, {"XDG_CACHE_HOME", ""}})).cache ==
          "/home/ana/.cache/selfcare");
    CHECK(resolve_paths(env_of({{"HOME", "/home/ana"}, {"XDG_CACHE_HOME", "cache"}})).cache ==
          "/home/ana/.cache/selfcare");
}

TEST_CASE("with neither the variable nor HOME, the error says so") {
    CHECK_THROWS_WITH_AS(resolve_paths(env_of({})),
                         "neither XDG_CONFIG_HOME nor HOME is set; cannot tell where selfcare's "
                         "files belong",
                         Error);
}
