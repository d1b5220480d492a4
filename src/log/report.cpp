#include "report.hpp"

#include <algorithm>
#include <map>

namespace selfcare {
namespace {

using std::chrono::days;

YearMonth month_of(Date d) {
    const std::chrono::year_month_day ymd(d);
    return ymd.year() / ymd.month();
}

Date first_day(YearMonth m) {
    return Date(m / 1);
}

// Collects what the report needs while the months stream past, newest first.
class Collector {
  public:
    Collector(Date first, Date end, WeekStart start, Sessions keep)
        : first_(first), end_(end), start_(start), keep_(keep) {}

    // Whether the sessions of `m` are needed one by one, not just its totals.
    bool keeps_sessions_of(YearMonth m) const {
        return keep_ == Sessions::keep && first_day(m) < end_ &&
               first_day(m + std::chrono::months(1)) > first_;
    }

    void add(const SessionView& v) {
        add_day(v.date, totals_of(v));
        if (keep_ == Sessions::keep && v.date >= first_ && v.date < end_) {
            sessions_.push_back(to_session(v));
        }
    }

    void add_month(const MonthSummary& s) {
        for (size_t i = 0; i < s.days.size(); ++i) {
            if (s.days[i].sessions > 0)
                add_day(first_day(s.month) + days(static_cast<int>(i)), s.days[i]);
        }
    }

    Totals totals(Date week) const {
        const auto it = weeks_.find(week);
        return it == weeks_.end() ? Totals{} : it->second;
    }

    std::vector<Session> take_sessions() {
        std::ranges::sort(sessions_, [](const Session& a, const Session& b) {
            return std::tie(a.date, a.start, a.id) < std::tie(b.date, b.start, b.id);
        });
        return std::move(sessions_);
    }

  private:
    void add_day(Date d, const Totals& t) {
        if (d >= end_) return;  // after the range: a clock set wrong, or a later week
        // Days come in date order within a month, so the week is nearly
        // always the one before: skip the map search then.
        if (!last_ || d < last_start_ || d >= last_start_ + days(7)) {
            last_start_ = week_start(d, start_);
            last_ = &weeks_[last_start_];
        }
        *last_ += t;
    }

    Date first_, end_;
    WeekStart start_;
    Sessions keep_;
    std::map<Date, Totals> weeks_;  // nodes never move, so last_ stays valid
    Totals* last_ = nullptr;
    Date last_start_;
    std::vector<Session> sessions_;
};

}  // namespace

Report build_report(LogReader& reader, const MonthCache& cache, Date first, int count, Date today,
                    const GoalHistory& goals, WeekStart start, Streak streak, Sessions sessions) {
    const Date end = first + days(7 * count);
    const Date current = week_start(today, start);
    Collector collector(first, end, start, sessions);
    const auto finished_miss = [&](Date week) {
        if (week >= current) return false;
        const Totals t = collector.totals(week);
        return !meets_goal(goals.for_week(week), t.counted, t.active_s);
    };

    // Months newest first. Once the months from `first`'s month back to some
    // month m are read, every week starting on or after m's first day is
    // complete; the streak is settled when one of those, at or before the
    // range, is a finished week that missed the goal.
    std::vector<YearMonth> months = reader.months();
    std::ranges::reverse(months);
    const YearMonth last_month = month_of(end - days(1));
    Date settled_back_to = end;  // earliest week start known to be complete
    for (const YearMonth m : months) {
        if (m > last_month) continue;
        if (m < month_of(first) && streak == Streak::skip) break;
        if (collector.keeps_sessions_of(m)) {
            cache.read(reader, m, [&](const SessionView& v) { collector.add(v); });
        } else {
            collector.add_month(cache.summarize(reader, m));
        }
        if (m > month_of(first)) continue;
        bool settled = false;
        const Date floor = first_day(m);
        for (Date w = std::min(first, settled_back_to); w >= floor; w -= days(7)) {
            if (finished_miss(w)) {
                settled = true;
                break;
            }
            settled_back_to = w;
        }
        if (settled) break;
    }

    Report report{goals.for_week(end - days(7)), start, today, {}, collector.take_sessions(), 0};
    int run = 0;
    const auto carry = [&](const WeekSummary& w) {
        if (w.met) return run + 1;
        return w.in_progress ? run : 0;
    };
    const auto summary = [&](Date w) {
        const Totals t = collector.totals(w);
        return WeekSummary{w,
                           week_name(w, start),
                           t.sessions,
                           t.counted,
                           t.active_s,
                           meets_goal(goals.for_week(w), t.counted, t.active_s),
                           w >= current,
                           0,
                           t.pain,
                           goals.for_week(w)};
    };
    if (streak == Streak::compute) {
        // Back to the last finished week before the range that missed the
        // goal (an empty week misses it), then forward to the range.
        Date w = first - days(7);
        while (!finished_miss(w) && collector.totals(w).sessions > 0)
            w -= days(7);
        for (w += days(7); w < first; w += days(7))
            run = carry(summary(w));
    }
    for (Date w = first; w < end; w += days(7)) {
        WeekSummary s = summary(w);
        run = carry(s);
        s.streak = streak == Streak::compute ? run : 0;
        report.weeks.push_back(s);
    }
    report.streak = report.weeks.empty() ? 0 : report.weeks.back().streak;
    return report;
}

}  // namespace selfcare
