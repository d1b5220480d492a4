#include "settled_weeks.hpp"

#include <algorithm>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "corrections.hpp"
#include "report.hpp"
#include "report_export.hpp"
#include "session_log.hpp"
#include "support.hpp"

using namespace selfcare;
using namespace selfcare::test;
using namespace std::chrono;
namespace fs = std::filesystem;

namespace {

Date on(const char* text) {
    Date d;
    REQUIRE(parse_date(text, d));
    return d;
}

// Today, in every test below: the record is then kept for the week of
// 2026-10-19, the last one that ended before November began.
constexpr const char* kToday = "2026-11-18";

SettledWeeks sample() {
    return SettledWeeks{on("2026-10-19"),
                        41,
                        year(2025) / 12,
                        {FileStamp{"2025-12.desk-000001.log", 900, 11, 12, 13, 14, 0100600},
                         FileStamp{"2026-10.desk-000001.log", 1200, 21, 22, 23, 14, 0100600}},
                        {FileDamage{"/data/2026-10.desk-000001.log", 2, {4, 7}, ""}}};
}

// A log with a streak of weekly sessions, and a cache, both temporary.
struct Log {
    TempDir dir, cache_root;
    std::uint64_t next_id = 1;
    std::vector<Session> added;

    Session add(Date date, const char* device = "desk-000001") {
        Session s;
        s.date = date;
        s.start = fmt::format("{}T08:00:00+01:00", format_date(date));
        s.routine = "home-session";
        s.title = "Home session";
        s.active_s = 600;
        s.planned_min_s = s.planned_max_s = 600;
        s.segments_done = s.segments_total = 8;
        s.device = device;
        s.id = next_id++;
        s.outcome = Outcome::completed;
        append_session(dir.path(), s);
        added.push_back(s);
        return s;
    }
    // Every week from `monday` to the week of today meets the default goal
    // (three ten-minute sessions), except `short_week`, which has two.
    void streak_from(Date monday, Date short_week = {}) {
        for (Date w = monday; w <= on(kToday); w += days(7)) {
            for (int i = 0; i < (w == short_week ? 2 : 3); ++i)
                add(w + days(i));
        }
    }
    MonthCache cache() const { return MonthCache(cache_root.path(), dir.path()); }
    fs::path record() const { return cache().settled_file(WeekStart::monday); }

    // The current week as JSON (streak included) and its warnings, built
    // with `cache`.
    std::string week(const MonthCache& cache, const GoalHistory& goals = Goal{}) const {
        LogReader reader(dir.path());
        const Report r = build_report(reader, cache, week_start(on(kToday), WeekStart::monday), 1,
                                      on(kToday), goals, WeekStart::monday, Streak::compute);
        std::string out = fmt::format("streak {}\n", r.streak) + render_json(r);
        for (const FileDamage& d : reader.damage())
            out += format_damage(d);
        return out;
    }
    // The week through the cache, checked against the week read without one.
    std::string checked(const GoalHistory& goals = Goal{}) const {
        const std::string cached = week(cache(), goals);
        CHECK(cached == week(MonthCache(), goals));
        return cached.substr(0, cached.find('\n'));
    }
};

}  // namespace

TEST_CASE(
    "settled weeks read back exactly as written, and only for their folder, start and goals") {
    const SettledWeeks s = sample();
    const auto text = encode_settled(s, "/data", WeekStart::monday, 7);
    REQUIRE(text);
    CHECK(decode_settled(*text, "/data", WeekStart::monday, 7) == s);
    CHECK_FALSE(decode_settled(*text, "/other", WeekStart::monday, 7));
    CHECK_FALSE(decode_settled(*text, "/data", WeekStart::sunday, 7));
    CHECK_FALSE(decode_settled(*text, "/data", WeekStart::monday, 8));
}

TEST_CASE("settled weeks that are truncated or altered in any byte are not used") {
    const std::string text = *encode_settled(sample(), "/data", WeekStart::monday, 7);
    for (size_t i = 0; i < text.size(); ++i) {
        std::string altered = text;
        altered[i] = altered[i] == '1' ? '2' : '1';
        CHECK_FALSE(decode_settled(altered, "/data", WeekStart::monday, 7));
        CHECK_FALSE(decode_settled(text.substr(0, i), "/data", WeekStart::monday, 7));
    }
}

TEST_CASE("a goal change gives another goals fingerprint") {
    const GoalHistory plain(Goal{3, 30});
    const GoalHistory raised(Goal{4, 30});
    const GoalHistory changed(
        {GoalChange{on("2026-03-02"), Goal{4, 30}, "2026-03-02T09:00:00+01:00"}}, Goal{3, 30},
        on(kToday));
    CHECK(goals_fingerprint(plain) == goals_fingerprint(GoalHistory(Goal{3, 30})));
    CHECK(goals_fingerprint(plain) != goals_fingerprint(raised));
    CHECK(goals_fingerprint(plain) != goals_fingerprint(changed));
}

TEST_CASE("a long streak is kept as settled weeks, and the next report reads only recent months") {
    Log log;
    log.streak_from(on("2025-01-06"));
    CHECK(log.checked() == "streak 98");
    REQUIRE(fs::exists(log.record()));
    const auto stored = decode_settled(read_file(log.record()), log.dir.path(), WeekStart::monday,
                                       goals_fingerprint(Goal{}));
    REQUIRE(stored);
    CHECK(stored->week == on("2026-10-19"));
    CHECK(stored->run == 94);
    CHECK(stored->from == year(2024) / 12);  // the empty week before the streak began
    // The summary of a month the record covers is not needed any more: one
    // deleted is not made again.
    const fs::path march = log.cache().file_for(year(2025) / 3);
    REQUIRE(fs::remove(march));
    CHECK(log.checked() == "streak 98");
    CHECK_FALSE(fs::exists(march));
}

TEST_CASE("another device's log appearing, then growing, in a settled month is counted") {
    Log log;
    log.streak_from(on("2025-01-06"), on("2025-06-02"));  // two sessions that week: a miss
    CHECK(log.checked() == "streak 76");
    REQUIRE(fs::exists(log.record()));
    // The laptop's June arrives by sync, with a session of another week:
    // the miss stays, but the record's months now have another file.
    log.add(on("2025-06-20"), "lap-000002");
    CHECK(log.checked() == "streak 76");
    // The laptop's file grows with the third session of the short week,
    // which then meets the goal: the streak reaches back to January.
    log.add(on("2025-06-05"), "lap-000002");
    CHECK(log.checked() == "streak 98");
}

TEST_CASE("a removal appended in a settled month is counted") {
    Log log;
    log.streak_from(on("2025-01-06"));
    REQUIRE(log.checked() == "streak 98");
    REQUIRE(fs::exists(log.record()));
    // Removing one of the three sessions of the week of 2025-06-02 makes it
    // a miss: the streak now starts after it.
    const auto june = std::ranges::find(log.added, on("2025-06-03"), &Session::date);
    REQUIRE(june != log.added.end());
    remove_session(log.dir.path(), "desk-000001", *june, from_local(on(kToday), hours(9)));
    CHECK(log.checked() == "streak 76");
}

TEST_CASE("a goal change, and settled weeks that are damaged, leave every verdict as read") {
    Log log;
    log.streak_from(on("2025-01-06"));
    REQUIRE(log.checked() == "streak 98");
    // Four sessions a week in March 2025, long before the settled week:
    // those weeks miss, and the streak starts in April.
    const GoalHistory raised(
        {GoalChange{on("2024-12-30"), Goal{3, 30}, "2024-12-30T09:00:00+01:00"},
         GoalChange{on("2025-03-03"), Goal{4, 30}, "2025-03-03T09:00:00+01:00"},
         GoalChange{on("2025-04-07"), Goal{3, 30}, "2025-04-07T09:00:00+01:00"}},
        Goal{3, 30}, on(kToday));
    CHECK(log.checked(raised) == "streak 85");
    CHECK(log.checked() == "streak 98");
    // A record whose count was changed by hand, checksum and all, is not used.
    std::string text = read_file(log.record());
    const size_t run = text.find("\nrun\t");
    REQUIRE(run != std::string::npos);
    text.replace(run + 5, 2, "12");
    write_file(log.record(), text);
    CHECK(log.checked() == "streak 98");
}
