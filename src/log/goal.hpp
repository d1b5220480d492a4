#pragma once
// The weekly goal a report measures against. The config sets it
// (docs/config.md); the log and the report only read it.

namespace selfcare {

struct Goal {
    int sessions = 3;  // the seeds' "three times a week"
    int minutes = 30;  // three sessions of about ten minutes
};

// A week meets the goal when it has enough sessions that count and enough
// active minutes.
bool meets_goal(const Goal& goal, int counted, int active_s);

}  // namespace selfcare
