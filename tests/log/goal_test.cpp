#include "goal.hpp"

#include <doctest/doctest.h>

using namespace selfcare;
using namespace std::chrono;

namespace {

Date on(const char* text) {
    Date d;
    REQUIRE(parse_date(text, d));
    return d;
}

GoalChange change(const char* from, int sessions, const char* set) {
    return GoalChange{on(from), Goal{sessions, 30}, set};
}

}  // namespace

TEST_CASE("without changes every week has the current goal") {
    const GoalHistory h(Goal{4, 40});
    CHECK(h.for_week(on("2020-01-06")) == Goal{4, 40});
    CHECK(h.for_week(on("2026-11-16")) == Goal{4, 40});
}

TEST_CASE("a change applies from the week it was made in, whichever day weeks start on") {
    // First seen on Tue 27 Oct (3 sessions), changed on Thu 19 Nov (4).
    const GoalHistory h({change("2026-11-19", 4, "2026-11-19T10:00:00+01:00"),
                         change("2026-10-27", 3, "2026-10-27T09:00:00+01:00")},
                        Goal{4, 30}, on("2026-11-19"));
    // Monday weeks.
    CHECK(h.for_week(on("2026-11-09")).sessions == 3);  // finished before the change
    CHECK(h.for_week(on("2026-11-16")).sessions == 4);  // the week of the change
    CHECK(h.for_week(on("2026-10-26")).sessions == 3);
    CHECK(h.for_week(on("2026-10-19")).sessions == 3);  // older than every change
    CHECK(h.for_week(on("2026-11-23")).sessions == 4);  // to come
    // Sunday weeks: 15-21 Nov holds the Thursday of the change.
    CHECK(h.for_week(on("2026-11-15")).sessions == 4);
    CHECK(h.for_week(on("2026-11-08")).sessions == 3);
}

TEST_CASE("the last of several changes in one week wins; the current goal rules today's week") {
    const GoalHistory h({change("2026-11-10", 5, "2026-11-10T08:00:00+01:00"),
                         change("2026-11-10", 2, "2026-11-10T20:00:00+01:00"),
                         change("2026-11-12", 6, "2026-11-12T08:00:00+01:00"),
                         change("2026-11-01", 3, "2026-11-01T08:00:00+01:00")},
                        Goal{7, 30}, on("2026-11-19"));
    CHECK(h.for_week(on("2026-11-09")).sessions == 6);
    CHECK(h.for_week(on("2026-11-02")).sessions == 3);
    CHECK(h.for_week(on("2026-11-16")).sessions == 7);
    CHECK(h.changes().front().goal.sessions == 3);
}
