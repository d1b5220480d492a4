#pragma once
// The weekly report for scripts and spreadsheets: JSON and CSV, with every
// field and no rounding but the minutes'.

#include <string>

#include "report.hpp"

namespace selfcare {

// {"week" or "weeks", "week_start", "today", "goal", "streak", "sessions":
// [every session, every field, its note]}: the week form when the report
// holds one week. Each week carries its totals and its pain averages.
std::string render_json(const Report& r);

// A header and one row per session with every field, its note last
// (RFC 4180 quoting, CRLF line ends).
std::string render_csv(const Report& r);

// A header and one row per week: totals, goal, met, streak and the pain
// averages and change. What `log --weeks N --csv` prints.
std::string render_weeks_csv(const Report& r);

}  // namespace selfcare
