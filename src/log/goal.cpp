#include "goal.hpp"

#include <algorithm>
#include <tuple>

namespace selfcare {

bool meets_goal(const Goal& goal, int counted, int active_s) {
    return counted >= goal.sessions && round_minutes(active_s) >= goal.minutes;
}

GoalHistory::GoalHistory(std::vector<GoalChange> changes, Goal current, Date today)
    : changes_(std::move(changes)), current_(current), today_(today), dated_(true) {
    std::ranges::sort(changes_, [](const GoalChange& a, const GoalChange& b) {
        return std::tie(a.from, a.set) < std::tie(b.from, b.set);
    });
}

Goal GoalHistory::for_week(Date start) const {
    const Date last = start + std::chrono::days(6);
    if (changes_.empty() || (dated_ && last >= today_)) return current_;
    // The last change whose day is on or before the week's last day.
    const auto after = std::ranges::upper_bound(changes_, last, {}, &GoalChange::from);
    if (after == changes_.begin()) return changes_.front().goal;
    return std::prev(after)->goal;
}

}  // namespace selfcare
