#include "report.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "settled_weeks.hpp"

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

// A month read by build_report: where its damage starts in the reader's
// list, and the stamps of its files as counted.
struct MonthRead {
    YearMonth month;
    size_t damage_begin = 0;
    std::vector<FileStamp> files;
};

// The damage of settled weeks that belongs to months before `read_from`
// (the months this report did not read itself), in the record's order.
std::vector<FileDamage> damage_before(const SettledWeeks& s, YearMonth read_from) {
    std::vector<FileDamage> out;
    for (const FileDamage& d : s.damage) {
        if (month_of_file(d.path.filename().string()) < read_from) out.push_back(d);
    }
    return out;
}

// The record of the weeks through `week`, whose streak is `run` and began
// in month `from`, out of the months this report read (`reads`, newest
// first) and, when the streak reaches back to it, the record it started
// from (`chained`, which covers the months before `read_from`).
SettledWeeks make_record(Date week, int run, YearMonth from, const std::vector<MonthRead>& reads,
                         const std::vector<FileDamage>& damage, const SettledWeeks* chained,
                         YearMonth read_from) {
    SettledWeeks out{week, run, from, {}, {}};
    const YearMonth through = settled_through(week);
    if (chained) {
        out.from = chained->from;
        for (const FileStamp& f : chained->files) {
            if (month_of_file(f.name) < read_from) out.files.push_back(f);
        }
    }
    for (auto r = reads.rbegin(); r != reads.rend(); ++r) {
        if (r->month >= out.from && r->month <= through)
            out.files.insert(out.files.end(), r->files.begin(), r->files.end());
    }
    for (size_t i = 0; i < reads.size(); ++i) {
        if (reads[i].month < out.from || reads[i].month > through) continue;
        const size_t stop = i + 1 < reads.size() ? reads[i + 1].damage_begin : damage.size();
        for (size_t d = reads[i].damage_begin; d < stop; ++d) {
            if (!chained || month_of_file(damage[d].path.filename().string()) >= read_from)
                out.damage.push_back(damage[d]);
        }
    }
    if (chained) {
        const std::vector<FileDamage> older = damage_before(*chained, read_from);
        out.damage.insert(out.damage.end(), older.begin(), older.end());
    }
    return out;
}

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

    // The streak as it stood at a week long settled, when the cache holds a
    // current record of one that ended before the range (and before today:
    // a clock set back makes it a week in progress again).
    const std::uint64_t goal_print = streak == Streak::compute ? goals_fingerprint(goals) : 0;
    std::optional<SettledWeeks> settled;
    if (streak == Streak::compute) settled = cache.settled(reader, start, goal_print, end);
    const Date record_week = week_start(first_day(month_of(today)), start) - days(7);
    const bool record_current = settled && settled->week == record_week;
    if (settled && (settled->week + days(7) > first || settled->week + days(7) > current)) {
        settled.reset();
    }

    // Months newest first. Once the months from `first`'s month back to some
    // month m are read, every week starting on or after m's first day is
    // complete; the streak is settled when one of those, at or before the
    // range, is a finished week that missed the goal, or the settled record
    // is reached.
    std::vector<YearMonth> months = reader.months();
    std::ranges::reverse(months);
    const YearMonth last_month = month_of(end - days(1));
    Date settled_back_to = end;  // earliest week start known to be complete
    Date complete_from = Date::min();
    std::vector<MonthRead> reads;
    YearMonth read_from = last_month + std::chrono::months(1);  // the oldest month read
    bool used_record = false;
    for (const YearMonth m : months) {
        if (m > last_month) continue;
        if (settled && m < month_of(settled->week + days(7))) {
            for (FileDamage& d : damage_before(*settled, read_from))
                reader.add_damage(std::move(d));
            used_record = true;
        }
        if (used_record || (m < month_of(first) && streak == Streak::skip)) {
            complete_from = first_day(m + std::chrono::months(1));
            break;
        }
        reads.push_back({m, reader.damage().size(), {}});
        read_from = m;
        if (collector.keeps_sessions_of(m)) {
            reads.back().files =
                cache.read(reader, m, [&](const SessionView& v) { collector.add(v); });
        } else {
            MonthSummary s = cache.summarize(reader, m);
            collector.add_month(s);
            reads.back().files = std::move(s.files);
        }
        if (m > month_of(first)) continue;
        bool settled_here = false;
        const Date floor = first_day(m);
        for (Date w = std::min(first, settled_back_to); w >= floor; w -= days(7)) {
            if (finished_miss(w)) {
                settled_here = true;
                break;
            }
            settled_back_to = w;
        }
        if (settled_here) {
            complete_from = floor;
            break;
        }
    }

    Report report{goals.for_week(end - days(7)), start, today, {}, collector.take_sessions(), 0};
    const auto carry = [&](const WeekSummary& w, int run) {
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
    // The streak after week `last`: back to the last finished week that
    // missed the goal (an empty week misses it), or to the settled record,
    // then forward. With `strict`, nothing when a week it needs was not
    // read; `from` is set to the month where the streak began.
    const auto run_through = [&](Date last, bool strict, YearMonth* from,
                                 bool* chained) -> std::optional<int> {
        Date w = last;
        int run = 0;
        bool on_record = false;
        while (true) {
            if (used_record && w == settled->week) {
                run = settled->run;
                on_record = true;
                break;
            }
            if (strict && w < complete_from) return std::nullopt;
            if (finished_miss(w) || collector.totals(w).sessions == 0) break;
            w -= days(7);
        }
        if (from) *from = month_of(w);
        if (chained) *chained = on_record;
        for (w += days(7); w <= last; w += days(7))
            run = carry(summary(w), run);
        return run;
    };

    int run = 0;
    if (streak == Streak::compute) run = *run_through(first - days(7), false, nullptr, nullptr);
    for (Date w = first; w < end; w += days(7)) {
        WeekSummary s = summary(w);
        run = carry(s, run);
        s.streak = streak == Streak::compute ? run : 0;
        report.weeks.push_back(s);
    }
    report.streak = report.weeks.empty() ? 0 : report.weeks.back().streak;

    // A new record for the last week that ended before this month began, so
    // that the next report reads only this month and the one before; kept
    // unless the streak reaches back to weeks this report did not read.
    if (streak == Streak::compute && cache.enabled() && record_week + days(7) <= end &&
        !record_current) {
        YearMonth from;
        bool chained = false;
        if (const auto r = run_through(record_week, true, &from, &chained)) {
            cache.store_settled(make_record(record_week, *r, from, reads, reader.damage(),
                                            chained ? &*settled : nullptr, read_from),
                                start, goal_print);
        }
    }
    return report;
}

}  // namespace selfcare
