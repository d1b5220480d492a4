// `selfcare remind`: a line only when behind, a notification through a
// stand-in notify-send that records what it was given, and the timer's
// time, days, quiet hours and once a day.

#include <algorithm>
#include <filesystem>

#include <doctest/doctest.h>

#include "support.hpp"

using namespace selfcare::test;
namespace fs = std::filesystem;

namespace {

using Env = std::map<std::string, std::string>;

// Thursday 19 November 2026 in Berlin, at `time`.
Env at(const std::string& time, const Env& more = {}) {
    Env env{{"TZ", "Europe/Berlin"}, {"SELFCARE_NOW", "2026-11-19T" + time + ":00"}};
    env.insert(more.begin(), more.end());
    return env;
}

// A notify-send that writes its arguments, one a line, to HOME/notified and
// exits with `status` (a desktop without a notification service: 1).
Env stand_in(const TempDir& home, int status) {
    write_file(home / "bin/notify-send",
               "#!/bin/sh\nprintf '%s\\n' \"$@\" >> \"$HOME/notified\"\nexit " +
                   std::to_string(status) + "\n");
    fs::permissions(home / "bin/notify-send", fs::perms::owner_all);
    return {{"PATH", (home / "bin").string() + ":/usr/bin:/bin"}};
}

void log_session(const TempDir& home, const std::string& when, int minutes) {
    REQUIRE(run_selfcare(
                home,
                {"log", "add", "neck-release", "--at", when, "--minutes", std::to_string(minutes)},
                {}, at("10:00"))
                .status == 0);
}

}  // namespace

TEST_CASE("remind says what would help only when the week is behind") {
    TempDir home;
    // Thursday with nothing done: one session was due by Wednesday.
    const Result behind = run_selfcare(home, {"remind"}, {}, at("10:00"));
    CHECK(behind.status == 0);
    CHECK(behind.err.empty());
    CHECK(behind.out == "3 sessions to go by Sunday: home-session takes 9-11 min\n");

    log_session(home, "2026-11-17 18:00", 12);
    const Result on_track = run_selfcare(home, {"remind"}, {}, at("10:00"));
    CHECK(on_track.status == 0);
    CHECK(on_track.out.empty());
    CHECK(on_track.err.empty());

    // Sunday evening, one short of three: tonight, and something short.
    log_session(home, "2026-11-18 18:00", 12);
    const Result sunday = run_selfcare(
        home, {"remind"}, {}, {{"TZ", "Europe/Berlin"}, {"SELFCARE_NOW", "2026-11-22T17:00:00"}});
    CHECK(sunday.out == "1 session to go by tonight: home-session takes 9-11 min\n");
}

TEST_CASE("remind --notify hands the line to notify-send, and is quiet when it fails") {
    TempDir home;
    const Result sent =
        run_selfcare(home, {"remind", "--notify"}, {}, at("10:00", stand_in(home, 0)));
    CHECK(sent.status == 0);
    CHECK(sent.out.empty());
    CHECK(sent.err.empty());
    CHECK(read_file(home / "notified") ==
          "--app-name=selfcare\nTime for self-care\n3 sessions to go by Sunday: home-session "
          "takes 9-11 min\n");

    // No notification service: notify-send fails, selfcare says nothing.
    fs::remove(home / "notified");
    const Result no_service =
        run_selfcare(home, {"remind", "--notify"}, {}, at("10:00", stand_in(home, 1)));
    CHECK(no_service.status == 0);
    CHECK(no_service.out.empty());
    CHECK(no_service.err.empty());
    CHECK(fs::exists(home / "notified"));

    // No notify-send at all.
    fs::create_directories(home / "empty");
    const Result none = run_selfcare(home, {"remind", "--notify"}, {},
                                     at("10:00", {{"PATH", (home / "empty").string()}}));
    CHECK(none.status == 0);
    CHECK(none.out.empty());
    CHECK(none.err.empty());
}

TEST_CASE("the timer nudges once a day, at the time and on the days config.toml sets") {
    TempDir home;
    write_file(home / "config/selfcare/config.toml",
               "[remind]\ntime = \"17:30\"\ndays = [\"thu\", \"fri\"]\nquiet = [\"21:00\", "
               "\"07:00\"]\n");
    const std::vector<std::string> timer = {"remind", "--notify", "--timer"};
    const auto count = [&] {
        const std::string text = fs::exists(home / "notified") ? read_file(home / "notified") : "";
        return std::count(text.begin(), text.end(), '\n') / 3;
    };
    CHECK(run_selfcare(home, timer, {}, at("17:15", stand_in(home, 0))).status == 0);
    CHECK(count() == 0);  // too early
    CHECK(run_selfcare(home, timer, {}, at("21:30", stand_in(home, 1))).status == 0);
    CHECK(count() == 0);  // quiet hours
    CHECK(run_selfcare(home, timer, {}, at("17:30", stand_in(home, 1))).status == 0);
    CHECK(count() == 1);  // tried, but no service: try again later
    CHECK(run_selfcare(home, timer, {}, at("17:45", stand_in(home, 0))).status == 0);
    CHECK(count() == 2);  // shown
    CHECK(run_selfcare(home, timer, {}, at("18:00", stand_in(home, 0))).status == 0);
    CHECK(count() == 2);  // once a day
    const Env wednesday = {{"TZ", "Europe/Berlin"}, {"SELFCARE_NOW", "2026-11-18T18:00:00"}};
    Env wednesday_path = stand_in(home, 0);
    wednesday_path.insert(wednesday.begin(), wednesday.end());
    CHECK(run_selfcare(home, timer, {}, wednesday_path).status == 0);
    CHECK(count() == 2);  // not one of the days
}

TEST_CASE("a mistake in [remind] is reported where it is") {
    TempDir home;
    write_file(home / "config/selfcare/config.toml", "[remind]\ndays = [\"mon\", \"thur\"]\n");
    const Result r = run_selfcare(home, {"remind"}, {}, at("10:00"));
    CHECK(r.status == 2);
    CHECK(r.err.find("config.toml:2:16: a day is one of \"mon\", \"tue\", ... \"sun\"; did you "
                     "mean \"thu\"?\n") != std::string::npos);
    write_file(home / "config/selfcare/config.toml", "[remind]\ntime = \"25:00\"\n");
    const Result time = run_selfcare(home, {"remind"}, {}, at("10:00"));
    CHECK(time.status == 2);
    CHECK(time.err.find("config.toml:2:8: 'time' must be a time of day like \"18:30\"\n") !=
          std::string::npos);
}
