#include "config.hpp"

#include <doctest/doctest.h>

#include "error.hpp"
#include "support.hpp"

using namespace selfcare;
using namespace selfcare::test;

namespace {
std::string problems_of(std::string_view text) {
    try {
        parse_config(text, "config.toml");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::invalid_input);
        return e.report();
    }
    return "no error";
}
}  // namespace

TEST_CASE("a missing config file means the defaults") {
    TempDir dir;
    const Config c = load_config(dir / "config.toml");
    CHECK(c.goal.sessions == 3);
    CHECK(c.goal.minutes == 30);
    CHECK(c.week_start == WeekStart::monday);
    CHECK_FALSE(c.rate_pain);
    CHECK(c.bell);
    CHECK(c.say.empty());
    REQUIRE(c.settings.size() == 9);
    for (const Setting& s : c.settings)
        CHECK(s.origin == "default");
}

TEST_CASE("every setting is read, and each remembers its line") {
    const Config c = parse_config(
        "week_start = \"sunday\"\nrate_pain = true\n[goal]\nsessions = 4\nminutes = 40\n"
        "[cues]\nbell = false\nsay = [\"espeak-ng\", \"-s\", \"140\", \"{text}\"]\n",
        "config.toml");
    CHECK(c.week_start == WeekStart::sunday);
    CHECK(c.rate_pain);
    CHECK(c.goal.sessions == 4);
    CHECK(c.goal.minutes == 40);
    CHECK_FALSE(c.bell);
    CHECK(c.say == std::vector<std::string>{"espeak-ng", "-s", "140", "{text}"});
    CHECK(c.settings[0].value == "4");
    CHECK(c.settings[0].origin == "config.toml:4");
    CHECK(c.settings[2].value == "\"sunday\"");
    CHECK(c.settings[5].value == "[\"espeak-ng\", \"-s\", \"140\", \"{text}\"]");
    CHECK(c.settings[5].origin == "config.toml:8");
}

TEST_CASE("mistakes are reported with their place, a caret and a suggestion") {
    CHECK(problems_of("week_strat = \"sunday\"\n[goal]\nsesions = 4\n") ==
          "config.toml:1:1: unknown key 'week_strat' in the config; did you mean 'week_start'?\n"
          "    week_strat = \"sunday\"\n"
          "    ^\n"
          "config.toml:3:1: unknown key 'sesions' in [goal]; did you mean 'sessions'?\n"
          "    sesions = 4\n"
          "    ^\n");
    CHECK(
        problems_of("week_start = \"Sunday\"\n") ==
        "config.toml:1:14: 'week_start' must be \"monday\" or \"sunday\", not \"Sunday\"; did you "
        "mean \"sunday\"?\n"
        "    week_start = \"Sunday\"\n"
        "                 ^\n");
    CHECK(problems_of("[goal]\nsessions = 0\nminutes = \"30\"\n") ==
          "config.toml:2:12: 'sessions' must be from 1 to 50, not 0\n"
          "    sessions = 0\n"
          "               ^\n"
          "config.toml:3:11: 'minutes' must be a whole number, not a string\n"
          "    minutes = \"30\"\n"
          "              ^\n");
    CHECK(problems_of("rate_pain = \"yes\"\n")
              .starts_with("config.toml:1:13: 'rate_pain' must be true or false, not a string\n"));
    CHECK(problems_of("goal = 3\n")
              .starts_with("config.toml:1:8: 'goal' must be a table ([goal]), not an integer\n"));
    CHECK(problems_of("week_start = \n").starts_with("config.toml:1:"));
}

TEST_CASE("the speech command must be a list that says where the text goes") {
    CHECK(problems_of("[cues]\nsay = \"espeak-ng {text}\"\n")
              .starts_with("config.toml:2:7: 'say' must be a list of up to 16 strings"));
    CHECK(problems_of("[cues]\nsay = [\"espeak-ng\"]\n")
              .starts_with("config.toml:2:7: 'say' must have \"{text}\" in one of its arguments"));
    CHECK(problems_of("[cues]\nsay = [\"espeak-ng\", 3]\n")
              .starts_with("config.toml:2:21: each part of 'say' must be a non-empty string"));
    CHECK(parse_config("[cues]\nsay = []\n", "c").say.empty());
}
