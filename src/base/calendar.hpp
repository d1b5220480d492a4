#pragma once
// Local calendar dates and weeks, as the log and the weekly report use them.
//
// A session counts for the local date recorded when it started, so every
// week computation here works on plain calendar dates (days since the epoch,
// no time zone). Only the conversions between an instant and local time look
// at TZ, and they use the C library (localtime_r, mktime) so that the process
// time zone, which tests pin, is the one source of truth. "Now" is never read
// here: callers pass it in.

#include <chrono>
#include <string>
#include <string_view>

namespace selfcare {

using Date = std::chrono::sys_days;  // a calendar date, with no time zone
using WallTime = std::chrono::system_clock::time_point;

enum class WeekStart { monday, sunday };

// An instant as a wall clock in the process time zone showed it.
struct LocalTime {
    Date date;
    std::chrono::seconds time_of_day{0};
    std::chrono::seconds utc_offset{0};  // east of UTC is positive
};

LocalTime to_local(WallTime t);

// The instant at which the local wall clock shows `date` and `time_of_day`.
// A time skipped by a DST change is read as the clock before the change would
// have shown it (02:30 on a spring-forward night is 03:30); for a time that
// happens twice the C library picks (glibc: the second, in standard time).
WallTime from_local(Date date, std::chrono::seconds time_of_day);

// "2026-11-16T07:30:12+01:00".
std::string format_local_iso(const LocalTime& t);
// "2026-11-16".
std::string format_date(Date d);
// True when `text` is exactly YYYY-MM-DD and a real date; sets `out`.
bool parse_date(std::string_view text, Date& out);

// The first day of the week that holds `d`.
Date week_start(Date d, WeekStart start);

struct IsoWeek {
    int year = 0;
    int week = 0;
    bool operator==(const IsoWeek&) const = default;
};

// The ISO 8601 week of `d` (weeks start on Monday; week 1 holds the year's
// first Thursday): 2024-12-30 is 2025-W01, 2021-01-03 is 2020-W53.
IsoWeek iso_week(Date d);
// "2026-W47".
std::string format_iso_week(IsoWeek w);

// The name of the week that starts on `start`: the ISO week of the Monday in
// it. A Sunday-start week is named for the Monday that follows its Sunday.
IsoWeek week_name(Date start, WeekStart week_start);

// Resolves what `--week` accepts to the first day of that week. `when` is ""
// or "this" (the week of `today`), "last", "-N" (N weeks back), a date
// "2026-11-18" (its week) or an ISO week "2026-W47" (the week holding that
// ISO week's Monday). Throws Error (invalid input) for anything else,
// including a week number the year does not have.
Date parse_week(std::string_view when, Date today, WeekStart start);

// Resolves what `log add --at` accepts to an instant: "now" (or ""), "today"
// or "yesterday" (at noon), a date "2026-11-18" (at noon), or any of those
// followed by a clock time "18:30" ("yesterday 18:30", "2026-11-18T18:30"),
// or a bare clock time for today. Noon stands for "some time that day" so
// that a date alone never lands on a neighbouring day. Throws Error (invalid
// input) for anything else.
// Refuses (Error, exit status 2) a date outside kFirstYear to kLastYear:
// past 2262 a date cannot even be represented, and would wrap round to the
// past. Whether a time in the future is allowed is the caller's business.
WallTime parse_when(std::string_view when, WallTime now);

// The years an instant selfcare reads may be in. Outside them the clock's
// nanoseconds would wrap (past 2262) or the date would be nonsense.
inline constexpr int kFirstYear = 1970;
inline constexpr int kLastYear = 2200;

// An instant written as "2026-11-19T10:00:00+01:00", "...Z", or without an
// offset (then local time), in the years kFirstYear to kLastYear. Used for
// SELFCARE_NOW. Throws Error.
WallTime parse_instant(std::string_view text);

}  // namespace selfcare
