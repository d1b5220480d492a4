// End to end: changing the goal in config.toml applies from the week it is
// made; finished weeks keep their verdict and the streak as it stood.

#include <doctest/doctest.h>

#include "support.hpp"

using namespace selfcare::test;
namespace fs = std::filesystem;

namespace {

Result at(const TempDir& home, const std::string& now, const std::vector<std::string>& args) {
    return run_selfcare(home, args, {},
                        {{"SELFCARE_NOW", now},
                         {"TZ", "Europe/Berlin"},
                         {"LANG", "C.UTF-8"},
                         {"LC_ALL", ""},
                         {"COLUMNS", "80"}});
}

void set_config(const TempDir& home, const std::string& text) {
    write_file(home / "config/selfcare/config.toml", text);
}

// Three home sessions (11 min each) in each week from W43 to W46 of 2026,
// each logged on its day. W43 holds the end of summer time in Berlin
// (Sunday 25 Oct, 03:00 back to 02:00): one session falls in the hour
// that happens twice.
void three_a_week(const TempDir& home) {
    for (const char* day :
         {"2026-10-19", "2026-10-21", "2026-10-25", "2026-10-26", "2026-10-28", "2026-10-30",
          "2026-11-02", "2026-11-04", "2026-11-06", "2026-11-09", "2026-11-11", "2026-11-13"}) {
        const std::string when =
            std::string(day) + (std::string(day) == "2026-10-25" ? "T02:30:00" : "T08:00:00");
        const Result r = at(home, when, {"log", "add", "home-session"});
        REQUIRE(r.status == 0);
    }
}

}  // namespace

TEST_CASE("a goal raised in week 47 leaves weeks 43 to 46 met and the streak whole") {
    TempDir home;
    set_config(home, "[goal]\nsessions = 3\n");
    three_a_week(home);
    // While the goal stays the same, nothing but the month files is written.
    for (const auto& e : fs::directory_iterator(home / "data/selfcare"))
        CHECK(e.path().extension() == ".log");
    CHECK(std::distance(fs::directory_iterator(home / "data/selfcare"), {}) == 2);
    set_config(home, "[goal]\nsessions = 4\n");
    const std::string now = "2026-11-19T10:00:00+01:00";
    const Result week = at(home, now, {"log"});
    CHECK(week.err.empty());
    CHECK(week.out.find("  Goal      4 sessions and 30 minutes a week\n") != std::string::npos);
    CHECK(week.out.find("  Streak    4 weeks in a row\n") != std::string::npos);

    const Result history = at(home, now, {"log", "--weeks", "5"});
    CHECK(
        history.out.starts_with("Goal: 3 sessions and 30 minutes a week; 4 sessions and 30 "
                                "minutes from 2026-W47\n"));
    CHECK(history.out.find("2026-W46  Mon 9 Nov   ●●●            3/3   34 min  met          4") !=
          std::string::npos);
    CHECK(history.out.find("2026-W47  Mon 16 Nov                 0/4    0 min  so far       4") !=
          std::string::npos);
    CHECK(history.out.find("2026-W43  Mon 19 Oct  ●●●            3/3   34 min  met          1") !=
          std::string::npos);

    // A past week shows its own goal and the streak as it stood then.
    const Result w45 = at(home, now, {"log", "--week", "2026-W45"});
    CHECK(w45.out.find("  Goal      3 sessions and 30 minutes a week\n") != std::string::npos);
    CHECK(w45.out.find("  Sessions  3 of 3, met\n") != std::string::npos);
    CHECK(w45.out.find("  Streak    3 weeks in a row\n") != std::string::npos);

    // The JSON carries each week's goal.
    const Result json = at(home, now, {"log", "--weeks", "2", "--json"});
    CHECK(json.out.find(R"("week": "2026-W46", )") != std::string::npos);
    CHECK(json.out.find(
              R"("met": true, "in_progress": false, "streak": 4, "goal": {"sessions": 3, )") !=
          std::string::npos);
    CHECK(json.out.find(R"("streak": 4, "goal": {"sessions": 4, "minutes": 30})") !=
          std::string::npos);

    // The record is a file of its own, appended to: the old goal since it
    // was first seen, then the new one.
    fs::path goals;
    for (const auto& e : fs::directory_iterator(home / "data/selfcare"))
        if (e.path().filename().string().starts_with("goals.")) goals = e.path();
    REQUIRE_FALSE(goals.empty());
    CHECK(read_file(goals) ==
          "# selfcare goals v1\n# from\tsessions\tminutes\tset\n"
          "2026-10-19\t3\t30\t2026-10-19T08:00:00+02:00\n"
          "2026-11-19\t4\t30\t2026-11-19T10:00:00+01:00\n");

    // Lowering it again next week does not touch week 47's verdict.
    set_config(home, "[goal]\nsessions = 2\n");
    for (const char* day : {"2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19"})
        at(home, std::string(day) + "T20:00:00", {"log", "add", "home-session"});
    const Result later = at(home, "2026-11-25T10:00:00+01:00", {"log", "--weeks", "3"});
    CHECK(later.out.find("2026-W47  Mon 16 Nov  ●●●●           4/4   46 min  met") !=
          std::string::npos);
    CHECK(later.out.find("2026-W48  Mon 23 Nov                 0/2") != std::string::npos);
}

TEST_CASE("with weeks starting on Sunday, a change on Thursday applies from that Sunday") {
    TempDir home;
    set_config(home, "week_start = \"sunday\"\n[goal]\nsessions = 3\n");
    three_a_week(home);
    set_config(home, "week_start = \"sunday\"\n[goal]\nsessions = 1\n");
    const Result history = at(home, "2026-11-19T10:00:00+01:00", {"log", "--weeks", "3"});
    // Sun 8 Nov - Sat 14 Nov: three sessions against 3; Sun 15 Nov on: 1.
    CHECK(history.out.find("2026-W46  Sun 8 Nov   ●●●            3/3") != std::string::npos);
    CHECK(history.out.find("2026-W47  Sun 15 Nov                 0/1") != std::string::npos);
}

TEST_CASE("a new device joining the synced folder uses the recorded history") {
    TempDir home;
    set_config(home, "[goal]\nsessions = 3\n");
    three_a_week(home);
    set_config(home, "[goal]\nsessions = 4\n");
    at(home, "2026-11-19T10:00:00+01:00", {"log"});
    // Another device: its own state folder, the same data and config.
    const Result other = run_selfcare(home, {"log", "--weeks", "2"}, {},
                                      {{"SELFCARE_NOW", "2026-11-20T10:00:00+01:00"},
                                       {"TZ", "Europe/Berlin"},
                                       {"LANG", "C.UTF-8"},
                                       {"COLUMNS", "80"},
                                       {"XDG_STATE_HOME", (home / "state-desktop").string()}});
    CHECK(other.out.find("3/3   34 min  met          4") != std::string::npos);
    CHECK(other.out.find("0/4") != std::string::npos);
}
