#pragma once
// The goal history as the commands use it: the config's goal now, and the
// record of earlier goals kept beside the log (goal_log.hpp).

#include <string>
#include <vector>

#include "context.hpp"
#include "goal.hpp"
#include "log_reader.hpp"

namespace selfcare {

struct Goals {
    GoalHistory history;
    std::vector<FileDamage> damage;  // damaged lines in goals files, for `log` to warn about
    std::string problem;             // set when a change could not be recorded: why
};

// Reads the goal history and, when this device last recorded a goal other
// than `current` (or none at all), records `current` as set today: a goal
// edited in config.toml applies from the week selfcare first sees it. With
// no log folder there are no past weeks to judge, and nothing is written.
// Throws Error when a goals file cannot be read.
Goals load_goals(const Context& context, const Goal& current);

// load_goals for its side effect only, after a session was saved: records
// `current` if it is new, and says nothing when that cannot be done (the
// next command tries again; the session is what had to be saved).
void note_goal(const Context& context, const Goal& current) noexcept;

}  // namespace selfcare
