// End to end: the log commands through the real binary, with "now", the
// time zone and the locale fixed.

#include <chrono>
#include <sstream>
#include <sys/stat.h>
#include <thread>

#include <doctest/doctest.h>

#include "support.hpp"
#include "text.hpp"

using namespace selfcare::test;
namespace fs = std::filesystem;

namespace {

const std::map<std::string, std::string> kFixed = {{"SELFCARE_NOW", "2026-11-19T10:00:00+01:00"},
                                                   {"TZ", "Europe/Berlin"},
                                                   {"LANG", "C.UTF-8"},
                                                   {"LC_ALL", ""},
                                                   {"LC_CTYPE", ""}};

Result sc(const TempDir& home, const std::vector<std::string>& args,
          std::map<std::string, std::string> env = {}) {
    env.insert(kFixed.begin(), kFixed.end());
    return run_selfcare(home, args, {}, env);
}

fs::path only_log(const TempDir& home) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(home / "data/selfcare"))
        files.push_back(e.path());
    REQUIRE(files.size() == 1);
    return files[0];
}

void add_week(const TempDir& home) {
    CHECK(sc(home, {"log", "add", "home-session", "--at", "2026-11-09 08:00"}).status == 0);
    CHECK(sc(home, {"log", "add", "home-session", "--at", "2026-11-11 08:00"}).status == 0);
    CHECK(sc(home, {"log", "add", "home-session", "--at", "2026-11-13 08:00"}).status == 0);
    CHECK(sc(home, {"log", "add", "home-session", "--at", "2026-11-16 07:30", "--pain-before", "6",
                    "--pain-after", "4"})
              .status == 0);
    CHECK(sc(home, {"log", "add", "walk", "--minutes", "25", "--at", "yesterday 18:00"}).status ==
          0);
}

}  // namespace

TEST_CASE("log --week prints the week exactly, for a fixed log and a fixed today") {
    TempDir home;
    add_week(home);
    const Result r = sc(home, {"log", "--week"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out ==
          "Week 47 of 2026: Mon 16 Nov to Sun 22 Nov\n"
          "\n"
          "  Mon 16  ●       11 min\n"
          "  Tue 17  ·\n"
          "  Wed 18  ●       25 min\n"
          "  Thu 19  ·            today\n"
          "  Fri 20\n"
          "  Sat 21\n"
          "  Sun 22\n"
          "\n"
          "  Goal      3 sessions and 30 minutes a week\n"
          "  Sessions  2 of 3, 1 to go\n"
          "  Minutes   36 of 30 min, met\n"
          "  Streak    1 week in a row\n"
          "  Routines  home-session, walk\n"
          "  Pain      6.0 before, 4.0 after, on average (1 session rated)\n");
    CHECK(sc(home, {"log"}).out == r.out);
    CHECK(sc(home, {"status"}).out == "2/3 this week, 36/30 min\n");
}

TEST_CASE("without UTF-8 the marks are ASCII; piped output never has colour") {
    TempDir home;
    add_week(home);
    const Result r = sc(home, {"log"}, {{"LANG", "C"}});
    CHECK(r.out.find("  Mon 16  #       11 min\n  Tue 17  .\n") != std::string::npos);
    CHECK(r.out.find('\x1b') == std::string::npos);
}

TEST_CASE("other weeks, histories, JSON and CSV") {
    TempDir home;
    add_week(home);
    const Result last = sc(home, {"log", "--week", "last"});
    CHECK(last.out.starts_with("Week 46 of 2026: Mon 9 Nov to Sun 15 Nov\n"));
    CHECK(last.out.find("  Sessions  3 of 3, met\n") != std::string::npos);
    CHECK(sc(home, {"log", "--week", "-1"}).out == last.out);
    CHECK(sc(home, {"log", "--week", "2026-W46"}).out == last.out);
    CHECK(sc(home, {"log", "--week", "2026-11-12"}).out == last.out);

    const Result history = sc(home, {"log", "--weeks", "2"});
    CHECK(history.out ==
          "Goal: 3 sessions and 30 minutes a week\n"
          "\n"
          "Week      Starts      Sessions   Done  Minutes  Goal    Streak  Pain\n"
          "2026-W46  Mon 9 Nov   ●●●         3/3   34 min  met          1  -\n"
          "2026-W47  Mon 16 Nov  ●●          2/3   36 min  so far       1  6.0 → 4.0 (-2.0)\n"
          "\n"
          "Streak: 1 week in a row\n");

    const Result json = sc(home, {"log", "--json"});
    CHECK(json.out.find(
              R"("week": {"week": "2026-W47", "from": "2026-11-16", "to": "2026-11-22", )"
              R"("sessions": 2, "counted": 2, "minutes": 36, "met": false, )"
              R"("in_progress": true, "streak": 1, "goal": {"sessions": 3, "minutes": 30}, )"
              R"("pain_before": 6.0, )"
              R"("pain_after": 4.0, "pain_change": -2.0})") != std::string::npos);
    CHECK(json.out.find(R"("goal": {"sessions": 3, "minutes": 30})") != std::string::npos);
    CHECK(json.out.find(R"("routine": "walk", "title": "walk", "active_seconds": 1500, )") !=
          std::string::npos);
    CHECK(sc(home, {"log", "--weeks", "3", "--json"}).out.find("\"weeks\": [") !=
          std::string::npos);

    const Result csv = sc(home, {"log", "--csv"});
    CHECK(csv.out.starts_with("id,date,start,routine,title,active_s,"));
    CHECK(csv.out.find(",2026-11-16,2026-11-16T07:30:00+01:00,home-session,Home session,689,539,"
                       "689,24,24,6,4,completed,yes,manual,") != std::string::npos);
    CHECK(sc(home, {"log", "--csv", "--json"}).status == 2);
    CHECK(sc(home, {"log", "--week", "2021-W53"}).err == "selfcare: --week: 2021 has no week 53\n");
}

TEST_CASE("log add refuses typos, bad names, future times and bad ratings") {
    TempDir home;
    const Result typo = sc(home, {"log", "add", "nek-release"});
    CHECK(typo.status == 2);
    CHECK(typo.err ==
          "selfcare: 'nek-release' is not a routine (did you mean 'neck-release'?); to "
          "log another activity, give its length with --minutes\n");
    CHECK(sc(home, {"log", "add", "My Walk", "--minutes", "5"}).status == 2);
    CHECK(sc(home, {"log", "add", "walk", "--minutes", "5", "--at", "tomorrow"}).status == 2);
    CHECK(sc(home, {"log", "add", "walk", "--minutes", "5", "--at", "2026-11-20"}).err ==
          "selfcare: --at: 2026-11-20T12:00:00+01:00 is in the future\n");
    CHECK(sc(home, {"log", "add", "neck-release", "--pain-after", "11"}).status == 2);
    // Dates past 2262 used to wrap round to 1816 and be logged with exit 0.
    const Result far = sc(home, {"log", "add", "walk", "--minutes", "5", "--at", "9999-12-31"});
    CHECK(far.status == 2);
    CHECK(far.err ==
          "selfcare: --at: '9999-12-31' is out of range: a session can be logged from "
          "1970-01-01 to now\n");
    CHECK(sc(home, {"log", "add", "walk", "--minutes", "5", "--at", "1969-07-20"}).status == 2);
    const Result now = run_selfcare(home, {"status"}, {}, {{"SELFCARE_NOW", "9999-12-31T00:00Z"}});
    CHECK(now.status == 2);
    CHECK(now.err ==
          "selfcare: '9999-12-31T00:00Z' is out of range: use a date from 1970 to 2200\n");
    CHECK_FALSE(fs::exists(home / "data/selfcare"));
}

TEST_CASE("damaged lines are skipped with one warning per file, and the next append starts fresh") {
    TempDir home;
    add_week(home);
    const fs::path file = only_log(home);
    std::string text = read_file(file);
    text += "2026-11-17\tI did some stretching\n";  // a hand edit
    text +=
        "2026-11-17\t2026-11-17T07:30:00+01:00\thome-session\tHome session\t600\t509\t659\t22\t"
        "22\t-\t-\ttimer\tx-000001\t00000000000000aa\tcompleted\r\n";  // CRLF
    text += std::string("\0\0\0\0", 4);                                // a NUL tail
    write_file(file, text);
    const Result before = sc(home, {"log"});
    CHECK(before.status == 0);
    CHECK(before.err == "selfcare: warning: " + file.string() +
                            ": skipped 3 damaged lines (8, 9, 10); the rest was read\n");
    CHECK(before.out.find("  Sessions  2 of 3, 1 to go\n") != std::string::npos);

    CHECK(sc(home, {"log", "add", "neck-release"}).status == 0);
    const std::string after = read_file(file);
    CHECK(after.starts_with(text + "\n2026-11-19\t2026-11-19T10:00:00+01:00\tneck-release\t"));
    // status is for a prompt: its one line, and the warning only in `log`.
    const Result status = sc(home, {"status"});
    CHECK(status.out == "3/3 this week, goal met\n");
    CHECK(status.err.empty());
    CHECK(sc(home, {"status", "--json"}).err.empty());
    CHECK(sc(home, {"status", "--format", "{done}"}).err.empty());
    CHECK_FALSE(sc(home, {"log"}).err.empty());
}

TEST_CASE(
    "status keeps the log folder's listing once it settles, and sees a file synced in later") {
    TempDir home;
    CHECK(sc(home, {"log", "add", "home-session", "--at", "2026-11-16 08:00"}).status == 0);
    const fs::path own = only_log(home);
    // A folder's listing is kept once the folder has been left alone for two
    // seconds (kListingSettle), by the real clock: so a real wait.
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    CHECK(sc(home, {"status"}).out == "1/3 this week, 11/30 min\n");
    std::vector<fs::path> kept;
    for (const auto& e : fs::recursive_directory_iterator(home / "cache/selfcare")) {
        if (e.path().filename() == "folder.listing") kept.push_back(e.path());
    }
    REQUIRE(kept.size() == 1);
    const std::string listing = read_file(kept[0]);
    CHECK(listing.find("\n" + own.filename().string() + "\n") != std::string::npos);

    // Another device's month arrives as Syncthing brings files: written
    // under a temporary name, then renamed into place.
    const std::string header = read_file(own).substr(0, read_file(own).find('\n') + 1);
    write_file(home / "data/selfcare/.syncthing.phone.tmp",
               header +
                   "2026-11-17\t2026-11-17T07:30:00+01:00\thome-session\tHome session\t600\t600\t"
                   "659\t22\t22\t-\t-\ttimer\tphone-000001\t00000000000000ab\tcompleted\n");
    fs::rename(home / "data/selfcare/.syncthing.phone.tmp",
               home / "data/selfcare/2026-11.phone-000001.log");
    CHECK(sc(home, {"status"}).out == "2/3 this week, 21/30 min\n");
    CHECK(sc(home, {"log"}).out.find("  Sessions  2 of 3, 1 to go\n") != std::string::npos);
    // The folder changed just now: its listing is not kept again yet.
    CHECK(read_file(kept[0]) == listing);
}

TEST_CASE("status --format and --json, for status bars") {
    TempDir home;
    add_week(home);
    CHECK(sc(home, {"status", "--format", "{done}/{goal} {minutes}m"}).out == "2/3 36m\n");
    CHECK(sc(home, {"status", "--json"}).out ==
          R"({"done": 2, "goal": 3, "left": 1, "sessions": 2, "minutes": 36, "goal_minutes": 30, )"
          R"("minutes_left": 0, "met": false, "week": "2026-W47"})"
          "\n");
    const Result typo = sc(home, {"status", "--format", "{don}"});
    CHECK(typo.status == 2);
    CHECK(typo.err.starts_with("selfcare: --format: no field 'don' (did you mean 'done'?)"));
    CHECK(sc(home, {"status", "--json", "--format", "{done}"}).status == 2);
}

TEST_CASE("log add refuses a name close to a routine's unless it is meant, or was logged before") {
    TempDir home;
    const Result typo = sc(home, {"log", "add", "brething-426", "--minutes", "5"});
    CHECK(typo.status == 2);
    CHECK(typo.err ==
          "selfcare: 'brething-426' is not a routine; did you mean 'breathing-426'? If "
          "'brething-426' is a new activity, add --new\n");
    CHECK_FALSE(fs::exists(home / "data/selfcare"));
    // A name far from every routine needs no flag.
    CHECK(sc(home, {"log", "add", "swim", "--minutes", "30"}).status == 0);
    // With --new it is logged; after that the name is known.
    CHECK(sc(home, {"log", "add", "box-breath", "--minutes", "5"}).status == 2);
    CHECK(sc(home, {"log", "add", "box-breath", "--minutes", "5", "--new"}).status == 0);
    CHECK(sc(home, {"log", "add", "box-breath", "--minutes", "5"}).status == 0);
    CHECK(sc(home, {"log", "--csv"}).out.find(",box-breath,box-breath,300,") != std::string::npos);
}

TEST_CASE("the reports take their width from COLUMNS") {
    TempDir home;
    add_week(home);
    for (const char* columns : {"80", "40"}) {
        CAPTURE(columns);
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"log"}, {"log", "--weeks", "8"}}) {
            const Result r = sc(home, args, {{"COLUMNS", columns}});
            std::istringstream in(r.out);
            for (std::string line; std::getline(in, line);) {
                CAPTURE(line);
                CHECK(selfcare::char_count(line) <= std::stoul(columns));
            }
        }
    }
    CHECK(sc(home, {"log", "--weeks", "2"}, {{"COLUMNS", "40"}}).out ==
          "Goal: 3 sessions and 30 minutes a week\n"
          "\n"
          "Week      Done  Minutes  Goal    Streak\n"
          "2026-W46   3/3   34 min  met          1\n"
          "2026-W47   2/3   36 min  so far       1\n"
          "\n"
          "Streak: 1 week in a row\n");
}

TEST_CASE("a log that cannot be written leaves the file as it was and says so") {
    TempDir home;
    add_week(home);
    const fs::path file = only_log(home);
    const std::string text = read_file(file);
    const fs::path saved = home / "saved.log";
    fs::rename(file, saved);
    fs::create_symlink(saved, file);
    const Result link = sc(home, {"log", "add", "neck-release"});
    CHECK(link.status == 1);
    CHECK(link.err == "selfcare: session NOT saved: " + file.string() +
                          ": is a symbolic link; refusing to write through it\n");
    CHECK(read_file(saved) == text);

    fs::remove(file);
    fs::create_directory(file);
    const Result dir = sc(home, {"log", "add", "neck-release"});
    CHECK(dir.status == 1);
    CHECK(dir.err == "selfcare: session NOT saved: " + file.string() + ": Is a directory\n");
}

TEST_CASE("an unreadable log file is an error, not an empty week") {
    TempDir home;
    fs::create_directories(home / "data/selfcare/2026-11.desk-000001.log");
    const Result r = sc(home, {"log"});
    CHECK(r.status == 1);
    CHECK(r.err == "selfcare: cannot read " +
                       (home / "data/selfcare/2026-11.desk-000001.log").string() +
                       ": Is a directory\n");
}

TEST_CASE("the report is the same with the cache cold, warm or unwritable, warnings included") {
    TempDir home;
    // Good weeks from 19 October on, so the streak reaches into October.
    for (const char* at : {"2026-10-19 08:00", "2026-10-21 08:00", "2026-10-23 08:00",
                           "2026-10-26 08:00", "2026-10-28 08:00", "2026-10-30 08:00",
                           "2026-11-02 08:00", "2026-11-04 08:00", "2026-11-06 08:00"}) {
        CHECK(sc(home, {"log", "add", "home-session", "--at", at}).status == 0);
    }
    add_week(home);
    fs::path october_file;
    for (const auto& e : fs::directory_iterator(home / "data/selfcare")) {
        if (e.path().filename().string().starts_with("2026-10.")) october_file = e.path();
    }
    REQUIRE(!october_file.empty());
    write_file(october_file, read_file(october_file) + "a note without a hash\n");
    const std::string warning = "selfcare: warning: " + october_file.string() +
                                ": skipped 1 damaged line (9); the rest "
                                "was read\n";
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"log"}, {"log", "--weeks", "6"}, {"status"}}) {
        CAPTURE(args[args.size() - 1]);
        fs::remove_all(home / "cache");
        const Result cold = sc(home, args);
        const Result warm = sc(home, args);
        const Result unwritable = sc(home, args, {{"XDG_CACHE_HOME", october_file.string()}});
        CHECK(cold.status == 0);
        CHECK(warm.out == cold.out);
        CHECK(warm.err == cold.err);
        CHECK(unwritable.status == 0);
        CHECK(unwritable.out == cold.out);
        CHECK(unwritable.err == cold.err);
    }
    const Result week = sc(home, {"log"});
    CHECK(week.out.find("  Streak    4 weeks in a row\n") != std::string::npos);
    CHECK(week.err == warning);
    bool cached_october = false;
    for (const auto& e : fs::recursive_directory_iterator(home / "cache/selfcare"))
        cached_october = cached_october || e.path().filename() == "2026-10.summary";
    CHECK(cached_october);
}

TEST_CASE("files are private even under umask 000") {
    TempDir home;
    const mode_t old = ::umask(0);
    const Result r = sc(home, {"log", "add", "neck-release"});
    const Result report = sc(home, {"log"});
    ::umask(old);
    CHECK(r.status == 0);
    CHECK(report.status == 0);
    std::vector<fs::path> summaries;
    for (const auto& e : fs::recursive_directory_iterator(home / "cache"))
        summaries.push_back(e.path());
    REQUIRE(summaries.size() == 3);  // cache/selfcare, its log-... folder, 2026-11.summary
    for (const fs::path& p : summaries) {
        struct stat st {};
        REQUIRE(::stat(p.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == (S_ISDIR(st.st_mode) ? 0700 : 0600));
    }
    struct stat st {};
    REQUIRE(::stat(only_log(home).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(::stat((home / "data/selfcare").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    REQUIRE(::stat((home / "state/selfcare/device").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("empty or relative XDG variables fall back to HOME") {
    TempDir home;
    const Result r = sc(home, {"log", "add", "neck-release"},
                        {{"XDG_DATA_HOME", ""}, {"XDG_STATE_HOME", "rel"}});
    CHECK(r.status == 0);
    CHECK(fs::exists(home / ".local/state/selfcare/device"));
    CHECK(fs::is_directory(home / ".local/share/selfcare"));
    CHECK_FALSE(fs::exists(home / "data"));
}

TEST_CASE("config shows every setting and where it came from") {
    TempDir home;
    write_file(home / "config/selfcare/config.toml",
               "week_start = \"sunday\"\n[goal]\nsessions = 4\n");
    const Result r = sc(home, {"config"});
    CHECK(r.status == 0);
    const std::string file = (home / "config/selfcare/config.toml").string();
    CHECK(r.out ==
          "# " + file + "\n" + "goal.sessions = 4      # " + file + ":3\n" +
              "goal.minutes = 30      # default\n" + "week_start = \"sunday\"  # " + file + ":1\n" +
              "rate_pain = false      # default\n" + "cues.bell = true       # default\n" +
              "cues.say = []          # default\n" + "cues.speech = \"brief\"  # default\n" +
              "cues.count = false     # default\n" + "remind.time = \"18:00\"  # default\n" +
              "remind.days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"]  # "
              "default\n" +
              "remind.quiet = [\"22:00\", \"08:00\"]  # default\n");
    CHECK(sc(home, {"config", "--path"}).out == file + "\n");
    CHECK(sc(home, {"status"}).out == "0/4 this week, 0/30 min\n");

    write_file(home / "config/selfcare/config.toml", "[goal]\nsesions = 4\n");
    const Result bad = sc(home, {"log"});
    CHECK(bad.status == 2);
    CHECK(bad.err == file + ":2:1: unknown key 'sesions' in [goal]; did you mean 'sessions'?\n" +
                         "    sesions = 4\n    ^\n");
}
