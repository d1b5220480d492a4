#include "pace.hpp"

#include <algorithm>

namespace selfcare {

Pace pace(const WeekSummary& week, const Goal& goal, Date today) {
    Pace p;
    p.last_day = week.start + std::chrono::days(6);
    p.sessions_left = std::max(0, goal.sessions - week.counted);
    p.minutes_left = std::max(0, (goal.minutes * 60 - week.active_s + 59) / 60);
    if (week.met) return p;
    const int days = std::clamp(static_cast<int>((today - week.start).count()) + 1, 1, 7);
    const int sessions_due = goal.sessions * days / 7;
    // Minutes are due with the sessions, so a week is not behind on its first
    // day for minutes alone.
    const int minutes_due = goal.minutes * sessions_due / std::max(goal.sessions, 1);
    p.behind = week.counted < sessions_due || week.active_s < minutes_due * 60;
    return p;
}

}  // namespace selfcare
