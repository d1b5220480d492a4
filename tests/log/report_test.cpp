#include "report.hpp"

#include <doctest/doctest.h>
#include <fmt/core.h>

#include "record.hpp"
#include "report_export.hpp"
#include "report_view.hpp"
#include "session_log.hpp"
#include "support.hpp"
#include "tz_guard.hpp"

using namespace selfcare;
using namespace selfcare::test;
using namespace std::chrono;

namespace {

Date on(const char* text) {
    Date d;
    REQUIRE(parse_date(text, d));
    return d;
}

// Everything a report shows, in every form, and the warnings it gives.
std::string everything(const Report& r, const LogReader& reader) {
    std::string out = render_history(r, Style{true, true}) + render_json(r) + render_csv(r);
    if (r.weeks.size() == 1) out += render_week(r, Style{true, true});
    for (const FileDamage& d : reader.damage())
        out += format_damage(d);
    return out;
}

// A log in a temporary folder, written through the real append path.
struct Log {
    TempDir dir;
    TempDir cache_root;  // kept for the whole test, so appends meet old summaries
    std::uint64_t next_id = 1;

    Session add(const char* date, int minutes = 10, Outcome outcome = Outcome::completed,
                const char* routine = "home-session", const char* device = "desk-000001") {
        Session s;
        s.date = on(date);
        s.start = fmt::format("{}T08:00:00+01:00", date);
        s.routine = routine;
        s.title = "Home session";
        s.active_s = minutes * 60;
        s.planned_min_s = s.planned_max_s = 600;
        s.segments_done = s.segments_total = 8;
        s.device = device;
        s.id = next_id++;
        s.outcome = outcome;
        append_session(dir.path(), s);
        return s;
    }
    // Three ten-minute sessions in the week that starts on `monday`.
    void good_week(Date monday) {
        for (int i = 0; i < 3; ++i) {
            add(format_date(monday + days(i)).c_str());
        }
    }
    // The report built without a cache. Every call also builds it twice
    // through the test's cache (as it stands, then with the summaries just
    // stored) and checks that all three print the same, warnings included.
    Report report(const char* today, const char* week = "", int count = 1,
                  WeekStart start = WeekStart::monday) {
        const Date first = parse_week(week, on(today), start) - days(7 * (count - 1));
        const auto build = [&](const MonthCache& cache, std::string& printed) {
            LogReader reader(dir.path());
            Report r = build_report(reader, cache, first, count, on(today), Goal{}, start,
                                    Streak::compute);
            printed = everything(r, reader);
            return r;
        };
        std::string plain, first_cached, second_cached;
        const MonthCache cache(cache_root.path(), dir.path());
        Report r = build(MonthCache(), plain);
        build(cache, first_cached);
        build(cache, second_cached);
        CHECK(first_cached == plain);
        CHECK(second_cached == plain);
        return r;
    }
};

}  // namespace

TEST_CASE("an empty log is an empty week, not an error") {
    Log log;
    const Report r = log.report("2026-11-19");
    REQUIRE(r.weeks.size() == 1);
    CHECK(r.weeks[0].sessions == 0);
    CHECK(r.streak == 0);
    CHECK(r.sessions.empty());
}

TEST_CASE(
    "the streak counts finished weeks that met the goal; the week in progress never breaks it") {
    Log log;
    for (const char* monday : {"2026-10-26", "2026-11-02", "2026-11-09"})
        log.good_week(on(monday));
    log.add("2026-11-16");
    // Thursday of a week with one session so far: the three weeks before stand.
    CHECK(log.report("2026-11-19").streak == 3);
    // The week is over and missed the goal: the streak is broken.
    CHECK(log.report("2026-11-23").streak == 0);
    // Meeting the goal mid-week adds the week at once.
    log.add("2026-11-17");
    log.add("2026-11-18");
    CHECK(log.report("2026-11-19").streak == 4);
    // Looking at a past week gives the streak as it stood then.
    CHECK(log.report("2026-11-19", "2026-W45").streak == 2);
}

TEST_CASE("a week with sessions but too few minutes, or stopped runs, misses the goal") {
    Log log;
    log.add("2026-11-02", 10);
    log.add("2026-11-03", 10);
    log.add("2026-11-04", 9);  // 29 minutes in all
    log.add("2026-11-09", 20);
    log.add("2026-11-10", 20);
    log.add("2026-11-11", 4, Outcome::stopped);  // under half of the planned 10 minutes
    const Report r = log.report("2026-11-19", "2026-W46", 2);
    CHECK_FALSE(r.weeks[0].met);
    CHECK(r.weeks[1].counted == 2);
    CHECK(r.weeks[1].sessions == 3);
    CHECK_FALSE(r.weeks[1].met);
    CHECK(r.streak == 0);
}

TEST_CASE("an empty week between good ones breaks the streak") {
    Log log;
    log.good_week(on("2026-10-19"));
    log.good_week(on("2026-11-02"));
    log.good_week(on("2026-11-09"));
    const Report r = log.report("2026-11-16", "", 5);
    CHECK(r.streak == 2);
    std::vector<int> streaks;
    for (const WeekSummary& w : r.weeks)
        streaks.push_back(w.streak);
    CHECK(streaks == std::vector<int>{1, 0, 1, 2, 2});
}

TEST_CASE("a long streak reaches back across months and years") {
    Log log;
    for (Date m = on("2024-12-30"); m < on("2026-11-16"); m += days(7))
        log.good_week(m);
    CHECK(log.report("2026-11-18").streak == 98);
}

TEST_CASE("two device files and a conflict copy count each session once") {
    Log log;
    log.add("2026-11-16", 10, Outcome::completed, "home-session", "desk-000001");
    log.add("2026-11-17", 10, Outcome::completed, "neck-release", "lap-000002");
    const std::string original = read_file(log.dir / "2026-11.desk-000001.log");
    write_file(log.dir / "2026-11.desk-000001.sync-conflict-20261117-120000-ABCDEFG.log", original);
    const Report r = log.report("2026-11-19");
    CHECK(r.weeks[0].sessions == 2);
    CHECK(r.sessions.size() == 2);
}

TEST_CASE("with weeks starting on Sunday, Sunday sessions open the next week") {
    Log log;
    log.add("2026-11-15");  // a Sunday
    log.add("2026-11-16");
    const Report sunday = log.report("2026-11-19", "", 1, WeekStart::sunday);
    CHECK(sunday.weeks[0].start == on("2026-11-15"));
    CHECK(sunday.weeks[0].sessions == 2);
    CHECK(format_iso_week(sunday.weeks[0].name) == "2026-W47");
    const Report monday = log.report("2026-11-19");
    CHECK(monday.weeks[0].sessions == 1);
}

TEST_CASE("ISO weeks across year ends read both months' files") {
    Log log;
    log.add("2020-12-28");
    log.add("2021-01-03");
    log.add("2021-01-04");
    const Report r = log.report("2021-01-20", "2020-W53");
    CHECK(format_iso_week(r.weeks[0].name) == "2020-W53");
    CHECK(r.weeks[0].sessions == 2);
    const Report r2 = log.report("2025-01-01", "2024-12-31");
    CHECK(format_iso_week(r2.weeks[0].name) == "2025-W01");
}

TEST_CASE("DST weeks keep every session on the date it was recorded, wherever it is read") {
    Log log;
    const Paths paths{log.dir / "c", log.dir.path(), log.dir / "s", {}};
    {
        TzGuard berlin("Europe/Berlin");
        // Just after midnight on the 23-hour day, and late on the 25-hour day.
        for (const char* start :
             {"2026-03-29T00:30:00+01:00", "2026-03-29T23:30:00+02:00", "2026-10-25T23:30:00+01:00",
              "2026-10-25T01:30:00+02:00", "2026-10-25T02:30:00+01:00"}) {
            FinishedRun run;
            run.routine = "neck-release";
            run.title = "Neck release";
            run.planned_min = run.planned_max = Seconds(65);
            run.active = seconds(65);
            run.completed = true;
            run.started = parse_instant(start);
            record_run(paths, run);
        }
    }
    TzGuard new_york("America/New_York");
    const Report march = log.report("2026-11-19", "2026-03-29");
    CHECK(march.weeks[0].start == on("2026-03-23"));
    CHECK(march.weeks[0].sessions == 2);
    const Report october = log.report("2026-11-19", "2026-10-25");
    CHECK(october.weeks[0].sessions == 3);
    for (const Session& s : october.sessions)
        CHECK(s.date == on("2026-10-25"));
}

TEST_CASE("the week as printed, for a fixed log and a fixed today") {
    Log log;
    log.good_week(on("2026-11-09"));
    Session a = log.add("2026-11-16", 12);
    log.add("2026-11-16", 5, Outcome::stopped, "neck-release");
    log.add("2026-11-18", 11, Outcome::completed, "breathing-426");
    (void)a;
    const Report r = log.report("2026-11-19");
    CHECK(render_week(r, Style{false, true}) ==
          "Week 47 of 2026: Mon 16 Nov to Sun 22 Nov\n"
          "\n"
          "  Mon 16  ●●      17 min\n"
          "  Tue 17  ·\n"
          "  Wed 18  ●       11 min\n"
          "  Thu 19  ·            today\n"
          "  Fri 20\n"
          "  Sat 21\n"
          "  Sun 22\n"
          "\n"
          "  Goal      3 sessions and 30 minutes a week\n"
          "  Sessions  3 of 3, met\n"
          "  Minutes   28 of 30 min, 2 min to go\n"
          "  Streak    1 week in a row\n"
          "  Routines  breathing-426, home-session, neck-release\n");
}

TEST_CASE("a goal change on the night DST ends applies from its own week, in both week modes") {
    Log log;
    TzGuard new_york("America/New_York");  // summer time ends on Sunday 1 Nov 2026
    for (const char* day : {"2026-10-19", "2026-10-21", "2026-10-23", "2026-10-27", "2026-10-29",
                            "2026-11-01", "2026-11-03", "2026-11-05", "2026-11-07"}) {
        log.add(day, 11);
    }
    // Raised to 4 sessions at 01:30 on 1 Nov, an hour that happens twice.
    const GoalHistory goals(
        {GoalChange{on("2026-10-01"), Goal{3, 30}, "2026-10-01T08:00:00-04:00"},
         GoalChange{on("2026-11-01"), Goal{4, 30}, "2026-11-01T01:30:00-05:00"}},
        Goal{4, 30}, on("2026-11-19"));
    const auto weeks = [&](WeekStart start) {
        LogReader reader(log.dir.path());
        return build_report(reader, MonthCache(), week_start(on("2026-10-19"), start), 4,
                            on("2026-11-19"), goals, start, Streak::compute);
    };
    // Monday weeks: 26 Oct - 1 Nov holds the change, so it needs 4 and
    // misses with 3; the week before keeps its 3 and its verdict.
    const Report monday = weeks(WeekStart::monday);
    CHECK(monday.weeks[0].goal.sessions == 3);
    CHECK(monday.weeks[0].met);
    CHECK(monday.weeks[1].goal.sessions == 4);
    CHECK_FALSE(monday.weeks[1].met);
    CHECK(monday.weeks[2].goal.sessions == 4);
    CHECK_FALSE(monday.weeks[2].met);
    // Sunday weeks: 25 - 31 Oct ended before the change and keeps 3.
    const Report sunday = weeks(WeekStart::sunday);
    CHECK(sunday.weeks[1].start == on("2026-10-25"));
    CHECK(sunday.weeks[1].goal.sessions == 3);
    CHECK_FALSE(sunday.weeks[1].met);  // two sessions: 27 and 29 Oct
    CHECK(sunday.weeks[2].start == on("2026-11-01"));
    CHECK(sunday.weeks[2].goal.sessions == 4);
    CHECK(sunday.weeks[2].sessions == 4);
    CHECK(sunday.weeks[2].met);
    CHECK(sunday.streak == 0);  // the week of 8 Nov is finished and empty
    // A past week's streak is the one it had at its end.
    CHECK(monday.weeks[0].streak == 1);
}
