#include "pace.hpp"

#include <doctest/doctest.h>

using namespace selfcare;
using namespace std::chrono;

namespace {

constexpr Date kMonday = sys_days(year(2026) / November / 16);

WeekSummary week(int counted, int minutes) {
    WeekSummary w;
    w.start = kMonday;
    w.counted = counted;
    w.sessions = counted;
    w.active_s = minutes * 60;
    w.met = meets_goal(Goal{}, counted, w.active_s);
    return w;
}

}  // namespace

TEST_CASE("three a week: one due by Wednesday, two by Friday, three by Sunday") {
    const Goal goal;  // 3 sessions, 30 minutes
    CHECK_FALSE(pace(week(0, 0), goal, kMonday).behind);
    CHECK_FALSE(pace(week(0, 0), goal, kMonday + days(1)).behind);
    CHECK_FALSE(pace(week(1, 5), goal, kMonday + days(1)).behind);
    CHECK(pace(week(1, 5), goal, kMonday + days(2)).behind);  // 5 of the 10 minutes due
    CHECK(pace(week(0, 0), goal, kMonday + days(2)).behind);
    CHECK_FALSE(pace(week(1, 10), goal, kMonday + days(2)).behind);
    CHECK_FALSE(pace(week(1, 10), goal, kMonday + days(3)).behind);
    CHECK(pace(week(1, 10), goal, kMonday + days(4)).behind);
    CHECK(pace(week(2, 20), goal, kMonday + days(6)).behind);
    CHECK_FALSE(pace(week(3, 30), goal, kMonday + days(6)).behind);
}

TEST_CASE("minutes count too, and what is left is rounded up") {
    const Goal goal;
    WeekSummary short_sessions = week(2, 4);
    const Pace p = pace(short_sessions, goal, kMonday + days(4));
    CHECK(p.behind);  // two sessions, but 4 of the 20 minutes due by Friday
    CHECK(p.sessions_left == 1);
    CHECK(p.minutes_left == 26);
    CHECK(p.last_day == kMonday + days(6));
    WeekSummary almost = week(3, 0);
    almost.active_s = 29 * 60 + 1;
    CHECK(pace(almost, goal, kMonday + days(6)).minutes_left == 1);
}

TEST_CASE("a week that met the goal is never behind, even with less than its share") {
    const Goal goal{2, 0};
    WeekSummary w = week(2, 0);
    w.met = true;
    CHECK_FALSE(pace(w, goal, kMonday + days(6)).behind);
    CHECK(pace(w, goal, kMonday + days(6)).sessions_left == 0);
}
