#include "duration.hpp"

#include <doctest/doctest.h>

using namespace selfcare;
using std::chrono::hours;
using std::chrono::minutes;

TEST_CASE("durations parse in every written form") {
    CHECK(parse_duration("45s").value == Seconds(45));
    CHECK(parse_duration("5m").value == minutes(5));
    CHECK(parse_duration("1m30s").value == Seconds(90));
    CHECK(parse_duration("1h").value == hours(1));
    CHECK(parse_duration("1h15m").value == minutes(75));
    CHECK(parse_duration("2h0m5s").value == Seconds(7205));
}

TEST_CASE("malformed durations say what is wrong") {
    CHECK(parse_duration("").error == "empty duration; write it like \"45s\" or \"1m30s\"");
    CHECK(parse_duration("30").error == "\"30\" needs a unit (h, m or s), like \"30s\"");
    CHECK(parse_duration("1m30").error ==
          "\"1m30\" needs a unit after 30; did you mean \"1m30s\"?");
    CHECK(parse_duration("1h30").error ==
          "\"1h30\" needs a unit after 30; did you mean \"1h30m\"?");
    CHECK(parse_duration("5 min").error ==
          "\"5 min\" is not a duration; use h, m and s in that order, like \"1m30s\"");
    CHECK(parse_duration("30s1m").error ==
          "\"30s1m\" is not a duration; use h, m and s in that order, like \"1m30s\"");
    CHECK(parse_duration("1m1m").error ==
          "\"1m1m\" is not a duration; use h, m and s in that order, like \"1m30s\"");
    CHECK(parse_duration("-5s").error ==
          "\"-5s\" is not a duration; write it like \"45s\" or \"1m30s\"");
    CHECK_FALSE(parse_duration("1.5s").value.has_value());
}

TEST_CASE("absurdly long numbers are refused without overflow") {
    const DurationParse p = parse_duration("1000000000000000000000000000000s");
    CHECK_FALSE(p.value.has_value());
    CHECK(p.error == "\"1000000000000000000000000000000s\" is far too long");
}

TEST_CASE("a duration must be between 1 second and 24 hours") {
    CHECK(check_duration_range(Seconds(1)).empty());
    CHECK(check_duration_range(hours(24)).empty());
    CHECK(check_duration_range(Seconds(0)) == "a duration must be at least 1 second");
    CHECK(check_duration_range(hours(25)) == "a duration must be at most 24 hours, not 25 h");
}

TEST_CASE("durations print as a clock and as words") {
    CHECK(format_clock(Seconds(5)) == "0:05");
    CHECK(format_clock(Seconds(90)) == "1:30");
    CHECK(format_clock(minutes(12)) == "12:00");
    CHECK(format_clock(Seconds(3900)) == "1:05:00");
    CHECK(format_clock(Seconds(-7)) == "-0:07");
    CHECK(format_spoken(Seconds(30)) == "30 s");
    CHECK(format_spoken(Seconds(90)) == "1 min 30 s");
    CHECK(format_spoken(minutes(65)) == "1 h 5 min");
    CHECK(format_spoken(Seconds(0)) == "0 s");
}
