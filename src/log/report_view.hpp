#pragma once
// How the weekly report looks to a person: a glanceable week and a history
// of weeks, laid out for the width of their terminal. Exports for scripts
// are report_export's; the one-line status is status_line's.

#include <string>
#include <string_view>

#include "report.hpp"
#include "style.hpp"

namespace selfcare {

// Narrowest width the views lay themselves out for; narrower is drawn as
// this and left to the terminal to wrap.
inline constexpr int kNarrowest = 40;

// The week: a heading with the ISO week and dates, one row per day with a
// mark per session, then sessions and minutes against the goal, the streak,
// the routines done, the average pain ratings and the notes. Every line
// fits in `width` columns (at least kNarrowest); long lists wrap under their
// label. REQUIRES: one week.
std::string render_week(const Report& r, Style style, int width = 80);

// One row per week, oldest first: sessions as marks, sessions against the
// goal, minutes, met or not, the streak at that week and the pain ratings.
// The columns line up for any count; to fit `width`, the marks narrow, then
// the pain, the marks and the start dates are left out, in that order.
std::string render_history(const Report& r, Style style, int width = 80);

// One mark per session, filled for those that count and hollow for the
// rest, in exactly `width` columns: past what fits, the last marks give way
// to "+N". REQUIRES: width >= 5.
std::string session_marks(int counted, int all, int width, Style style);

// `lead`, then `text` wrapped at spaces so that no line passes `width`
// columns, the lines after the first indented as wide as `lead`; ends in a
// newline. A word longer than a line is left whole.
std::string wrap_after(std::string_view lead, std::string_view text, int width);

// "3 sessions", "1 minute".
std::string plural(int n, std::string_view word);
// "3 sessions and 30 minutes".
std::string describe_goal(const Goal& goal);
// The goals in force over the report's weeks: "3 sessions and 30 minutes
// a week", or "3 sessions and 30 minutes a week; 4 sessions and 30 minutes
// from 2026-W47" when it changed.
std::string describe_goals(const Report& r);
// "Mon 16 Nov".
std::string short_date(Date d);

// "6.0", or "-" for no ratings.
std::string format_pain(const std::optional<double>& v);
// "-2.0", "+1.5", "0.0", or "-".
std::string format_change(const std::optional<double>& v);

// `text` with tabs and newlines as spaces and anything else unsafe for a
// terminal replaced (text.hpp, printable): for notes in one-line views.
std::string one_line(std::string_view text);

}  // namespace selfcare
