#pragma once
// The --events stream: one JSON object per line for every public event, for
// scripts, status bars and the benchmark. docs/events.md is its contract.

#include <string>

#include "sequencer.hpp"

namespace selfcare {

// One line of the stream, without its newline. `start` is when the routine
// started; `totals` is read for routine_end.
// `get_ready` is the schedule time before the first segment.
std::string event_json(const Event& e, const Schedule& schedule, double speed, Seconds get_ready,
                       TimePoint start, const RunTotals& totals);

}  // namespace selfcare
