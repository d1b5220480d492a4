#pragma once
// How a week in progress stands against the goal, for `selfcare remind`:
// behind pace, and what is left to do by the week's last day.

#include "calendar.hpp"
#include "goal.hpp"
#include "report.hpp"

namespace selfcare {

struct Pace {
    bool behind = false;
    int sessions_left = 0;  // counted sessions still needed this week
    int minutes_left = 0;   // active minutes still needed, rounded up
    Date last_day;          // the week's last day
};

// `week` is the week holding `today`. It is behind when it has fewer
// counted sessions than the goal's share of the days so far, today
// included, rounded down (with three sessions a week: one by the third day,
// two by the fifth, three by the seventh), or fewer minutes than those
// sessions' share of the minutes (10 of 30 by the third day). A week that
// met the goal is never behind.
Pace pace(const WeekSummary& week, const Goal& goal, Date today);

}  // namespace selfcare
