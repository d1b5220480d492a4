#pragma once
// How `show` and `list` present routines: text for people, JSON for scripts.

#include <string>
#include <vector>

#include "schedule.hpp"

namespace selfcare {

// "1:30", or "1:20-1:50" when min and max differ.
std::string format_span(Seconds min, Seconds max);

// {"min": 90, "max": 90}: a length in seconds, for JSON.
std::string seconds_json(Seconds min, Seconds max);

// What one segment is, in a few words: "Neck release, left side",
// "Get ready: spot 2 of 4", "4-2-6 breathing: 25 breaths (inhale 4 hold 2 exhale 6)".
std::string describe(const Segment& s);

// The plan `selfcare show` prints: header, caution, one row per segment with
// its start offset and length, and the total.
std::string render_plan(const Schedule& schedule);
std::string render_plan_json(const Schedule& schedule);

}  // namespace selfcare
