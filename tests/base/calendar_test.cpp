#include "calendar.hpp"

#include <doctest/doctest.h>

#include "error.hpp"
#include "tz_guard.hpp"

using namespace selfcare;
using namespace std::chrono;
using selfcare::test::TzGuard;

namespace {
Date date(const char* text) {
    Date d;
    REQUIRE(parse_date(text, d));
    return d;
}
std::string week_of(const char* text) {
    return format_iso_week(iso_week(date(text)));
}
}  // namespace

TEST_CASE("dates are read strictly and printed back the same") {
    Date d;
    CHECK(parse_date("2026-11-16", d));
    CHECK(format_date(d) == "2026-11-16");
    CHECK_FALSE(parse_date("2026-02-30", d));
    CHECK_FALSE(parse_date("2026-1-16", d));
    CHECK_FALSE(parse_date("2026-11-16x", d));
    CHECK_FALSE(parse_date("0000-01-01", d));
}

TEST_CASE("ISO week numbers across year ends") {
    CHECK(week_of("2024-12-30") == "2025-W01");
    CHECK(week_of("2021-01-03") == "2020-W53");
    CHECK(week_of("2020-12-28") == "2020-W53");
    CHECK(week_of("2026-01-01") == "2026-W01");
    CHECK(week_of("2027-01-01") == "2026-W53");
    CHECK(week_of("2026-11-19") == "2026-W47");
}

TEST_CASE("weeks start on Monday or Sunday, and are named for their Monday") {
    const Date thursday = date("2026-11-19");
    CHECK(week_start(thursday, WeekStart::monday) == date("2026-11-16"));
    CHECK(week_start(thursday, WeekStart::sunday) == date("2026-11-15"));
    CHECK(week_start(date("2026-11-15"), WeekStart::monday) == date("2026-11-09"));
    CHECK(week_start(date("2026-11-15"), WeekStart::sunday) == date("2026-11-15"));
    CHECK(week_name(date("2026-11-15"), WeekStart::sunday) == IsoWeek{2026, 47});
    CHECK(week_name(date("2020-12-27"), WeekStart::sunday) == IsoWeek{2020, 53});
}

TEST_CASE("--week accepts dates, last, -N and ISO weeks") {
    const Date today = date("2026-11-19");
    const auto monday = WeekStart::monday;
    CHECK(parse_week("", today, monday) == date("2026-11-16"));
    CHECK(parse_week("this", today, monday) == date("2026-11-16"));
    CHECK(parse_week("last", today, monday) == date("2026-11-09"));
    CHECK(parse_week("-3", today, monday) == date("2026-10-26"));
    CHECK(parse_week("2026-01-01", today, monday) == date("2025-12-29"));
    CHECK(parse_week("2020-W53", today, monday) == date("2020-12-28"));
    CHECK(parse_week("2025-W01", today, monday) == date("2024-12-30"));
    CHECK(parse_week("2020-W02", today, monday) == date("2020-01-06"));
    CHECK(parse_week("2026-W47", today, WeekStart::sunday) == date("2026-11-15"));
    CHECK_THROWS_WITH_AS(parse_week("2021-W53", today, monday), "--week: 2021 has no week 53",
                         Error);
    CHECK_THROWS_WITH_AS(parse_week("lsat", today, monday),
                         "--week: 'lsat' is not a week; use a date (2026-11-18), 'last', '-N' for "
                         "N weeks ago, or an ISO week (2026-W47)",
                         Error);
}

TEST_CASE("local times carry their UTC offset, in winter and in summer") {
    TzGuard tz("Europe/Berlin");
    const WallTime winter = sys_days(date("2026-11-16")) + hours(6) + minutes(30);
    CHECK(format_local_iso(to_local(winter)) == "2026-11-16T07:30:00+01:00");
    const WallTime summer = sys_days(date("2026-07-01")) + hours(22) + minutes(15);
    CHECK(format_local_iso(to_local(summer)) == "2026-07-02T00:15:00+02:00");
    CHECK(to_local(summer).date == date("2026-07-02"));
}

TEST_CASE("west of UTC the offset is negative and the date can be the day before") {
    TzGuard tz("America/New_York");
    const WallTime t = sys_days(date("2026-11-17")) + hours(3);
    CHECK(format_local_iso(to_local(t)) == "2026-11-16T22:00:00-05:00");
}

TEST_CASE("local times on DST nights") {
    TzGuard tz("Europe/Berlin");
    // 02:30 does not exist on 29 March 2026; the clock jumped to 03:30.
    const WallTime spring = from_local(date("2026-03-29"), hours(2) + minutes(30));
    CHECK(format_local_iso(to_local(spring)) == "2026-03-29T03:30:00+02:00");
    // 02:30 happens twice on 25 October; glibc picks the second.
    const WallTime autumn = from_local(date("2026-10-25"), hours(2) + minutes(30));
    CHECK(format_local_iso(to_local(autumn)) == "2026-10-25T02:30:00+01:00");
    // A 23-hour day and a 25-hour day still begin and end on their own dates.
    CHECK(to_local(from_local(date("2026-03-29"), hours(23) + minutes(59))).date ==
          date("2026-03-29"));
    CHECK(to_local(from_local(date("2026-10-25"), minutes(1))).date == date("2026-10-25"));
}

TEST_CASE("--at accepts words, dates and clock times") {
    TzGuard tz("Europe/Berlin");
    const WallTime now = parse_instant("2026-11-19T10:00:00+01:00");
    const auto at = [&](const char* text) {
        return format_local_iso(to_local(parse_when(text, now)));
    };
    CHECK(at("now") == "2026-11-19T10:00:00+01:00");
    CHECK(at("today") == "2026-11-19T12:00:00+01:00");
    CHECK(at("yesterday 18:30") == "2026-11-18T18:30:00+01:00");
    CHECK(at("2026-10-20") == "2026-10-20T12:00:00+02:00");
    CHECK(at("2026-10-20T07:05") == "2026-10-20T07:05:00+02:00");
    CHECK(at("08:15") == "2026-11-19T08:15:00+01:00");
    CHECK_THROWS_AS(parse_when("yesterday at six", now), Error);
    CHECK_THROWS_AS(parse_when("25:00", now), Error);
}

TEST_CASE("instants with an offset do not depend on the zone") {
    TzGuard tz("America/New_York");
    CHECK(parse_instant("2026-11-19T10:00:00+01:00") == sys_days(date("2026-11-19")) + hours(9));
    CHECK(parse_instant("2026-11-19T10:00Z") == sys_days(date("2026-11-19")) + hours(10));
    CHECK(parse_instant("2026-11-19 10:00") == sys_days(date("2026-11-19")) + hours(15));
    CHECK_THROWS_AS(parse_instant("2026-11-19T10:00+1"), Error);
}

TEST_CASE("times outside 1970 to now are refused, never wrapped") {
    TzGuard tz("UTC");
    const WallTime now = parse_instant("2026-11-19T10:00:00+01:00");
    CHECK_THROWS_WITH_AS(
        parse_when("9999-12-31", now),
        "--at: '9999-12-31' is out of range: a session can be logged from 1970-01-01 to now",
        Error);
    CHECK_THROWS_AS(parse_when("1969-12-31", now), Error);
    CHECK(parse_when("1970-01-01 00:00", now) == sys_days(date("1970-01-01")));
    CHECK_THROWS_WITH_AS(parse_instant("9999-12-31T00:00:00Z"),
                         "'9999-12-31T00:00:00Z' is out of range: use a date from 1970 to 2200",
                         Error);
    CHECK_THROWS_AS(parse_instant("1677-01-01T00:00:00Z"), Error);
}
