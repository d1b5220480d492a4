#pragma once
// The weekly consistency report: sessions and minutes per week against the
// goal, and the streak of weeks that met it. Built from the log by reading
// only the months it needs; rendering is report_view's job.

#include <vector>

#include "calendar.hpp"
#include "goal.hpp"
#include "log_reader.hpp"
#include "month_cache.hpp"
#include "session.hpp"

namespace selfcare {

struct WeekSummary {
    Date start;  // the first day, by the configured week start
    IsoWeek name;
    int sessions = 0;          // every recorded session
    int counted = 0;           // those that count toward the goal (counts_toward_goal)
    int active_s = 0;          // active time of every recorded session
    bool met = false;          // counted >= goal.sessions and minutes >= goal.minutes
    bool in_progress = false;  // holds today, or is still to come
    int streak = 0;            // weeks in a row that met the goal, up to this one; see below
    PainTotals pain;           // the week's pain ratings, summed
    Goal goal;                 // the goal in force that week (GoalHistory::for_week)
};

// The streak at a week is the number of consecutive weeks, ending with it,
// that met the goal. A week in progress never breaks it: until it meets the
// goal it simply does not add to the streak of the weeks before it.
struct Report {
    Goal goal;  // the goal of the range's last week
    WeekStart week_start = WeekStart::monday;
    Date today;
    std::vector<WeekSummary> weeks;  // the range asked for, oldest first
    std::vector<Session> sessions;   // every session in the range, in order of start
    int streak = 0;                  // at the last week of the range
};

enum class Streak { compute, skip };
// Whether the report keeps the range's sessions (the week view, JSON and CSV
// need them; the history and the status line only need totals).
enum class Sessions { keep, skip };

// Builds the report for `count` weeks starting with the week that starts on
// `first`. With Streak::compute it goes back through older months until the
// streak is settled (a finished week that missed the goal, or the start of
// the log), so a short streak costs little; a current record of settled
// weeks in `cache` (settled_weeks.hpp) ends the search early, and the report
// stores a new record when it has read far enough back for one. With
// Streak::skip it looks only at the months the range touches. Each week is
// judged against the goal in force that week (`goals`). Only the months
// whose sessions the report keeps are read line by line; the others come
// from `cache` when it holds a current summary, and are read (and their
// summary stored) when it does not, so the report is the same with or
// without a cache. Damage is left in `reader` for the caller to report.
// Throws Error when a log file cannot be read.
Report build_report(LogReader& reader, const MonthCache& cache, Date first, int count, Date today,
                    const GoalHistory& goals, WeekStart start, Streak streak,
                    Sessions sessions = Sessions::keep);

}  // namespace selfcare
