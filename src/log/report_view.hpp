#pragma once
// How the weekly report looks: a glanceable week for people, a history of
// weeks, JSON and CSV for scripts and spreadsheets, and one status line.

#include <string>

#include "report.hpp"
#include "style.hpp"

namespace selfcare {

// The week: a heading with the ISO week and dates, one row per day with a
// mark per session, then sessions and minutes against the goal, the streak,
// the routines done and the average pain ratings. REQUIRES: one week.
std::string render_week(const Report& r, Style style);

// One row per week, oldest first: sessions as marks, minutes, met or not,
// and the streak at that week.
std::string render_history(const Report& r, Style style);

// {"week" or "weeks", "goal", "streak", "sessions": [every session, every
// field]}: the week form when the report holds one week.
std::string render_json(const Report& r);

// A header and one row per session with every field (RFC 4180 quoting).
std::string render_csv(const Report& r);

// "2/3 this week, 20/30 min", or "3/3 this week, goal met". REQUIRES: the
// report holds the current week.
std::string render_status(const Report& r);

}  // namespace selfcare
