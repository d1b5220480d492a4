#pragma once
// The weekly goal a report measures against. The config sets it
// (docs/config.md); the log and the report only read it.

namespace selfcare {

struct Goal {
    int sessions = 3;  // the seeds' "three times a week"
    int minutes = 30;  // three sessions of about ten minutes
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

}  // namespace selfcare
