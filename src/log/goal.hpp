#pragma once
// The weekly goal a report measures against, and its history. The config
// sets the goal (docs/config.md); goal_log keeps the record of its changes
// beside the log; the report reads both.

#include <string>
#include <vector>

#include "calendar.hpp"

namespace selfcare {

struct Goal {
    int sessions = 3;  // the seeds' "three times a week"
    int minutes = 30;  // three sessions of about ten minutes

    bool operator==(const Goal&) const = default;
};

// Seconds as whole minutes, rounded to the nearest (30 s and up round up).
// Every view shows minutes this way, and the goal is judged on the same
// number, so a week shown as "30 of 30 min" has met it.
constexpr int round_minutes(int seconds) {
    return (seconds + 30) / 60;
}

// A week meets the goal when it has enough sessions that count and enough
// active minutes, rounded as shown.
bool meets_goal(const Goal& goal, int counted, int active_s);

// A goal as it was set: from the local date `from` (the day selfcare first
// saw it in the config), `set` being that moment in local ISO 8601.
struct GoalChange {
    Date from;
    Goal goal;
    std::string set;

    bool operator==(const GoalChange&) const = default;
};

// Which goal was in force in which week. A change applies from the week in
// which it was made, whatever day that week starts on, and never to a week
// that ended before it, so a finished week keeps the verdict it had.
class GoalHistory {
  public:
    // No history: `current` in every week.
    GoalHistory(Goal current) : current_(current) {}  // NOLINT: a goal is its own history
    // `changes` in any order, and `current` (the config's goal now), which
    // holds from the week of `today` on.
    GoalHistory(std::vector<GoalChange> changes, Goal current, Date today);

    // The goal for the week of seven days starting on `start`: the current
    // goal for the week of today and after; else the last change made on or
    // before that week's last day; for a week older than every change, the
    // earliest change; with no changes, the current goal.
    Goal for_week(Date start) const;

    const Goal& current() const { return current_; }
    // Every change, oldest first.
    const std::vector<GoalChange>& changes() const { return changes_; }

  private:
    std::vector<GoalChange> changes_;  // sorted by (from, set)
    Goal current_;
    Date today_{};
    bool dated_ = false;  // today_ is set
};

}  // namespace selfcare
