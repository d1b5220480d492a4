#pragma once
// The words printed about a run, outside the full screen: one plain line per
// event, the answer to "how long is left?", and the summary at the end.
// Pure functions of the schedule and what the sequencer reports.

#include <optional>
#include <string>

#include "sequencer.hpp"

namespace selfcare {

// Seconds as a countdown shows them: whole seconds rounded up, so it reads
// 0:01 in its last second and 0:00 only when it is over.
Seconds shown_seconds(double seconds);

// The line printed for an event in plain mode, or nothing for events a
// listener does not need. `elapsed` is schedule time done so far, and
// `speed` the --speed the run is played at.
std::optional<std::string> plain_line(const Event& e, const Schedule& schedule, Seconds elapsed,
                                      double speed);

// The time left, for the screen and plain mode: "Left: 0:42 in this step,
// 6:10 in all" (a hold range shows "0:12-0:22").
std::string time_left_line(const View& view);

// The summary printed when the run ends.
std::string run_summary(const Schedule& schedule, const RunTotals& totals, double speed);

}  // namespace selfcare
