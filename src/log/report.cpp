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
    // Oldest first. (clang 14 cannot compile libstdc++ 12's views::reverse.)
    for (size_t i = reads.size(); i-- > 0;) {
        const MonthRead& r = reads[i];
        if (r.month >= out.from && r.month <= through)
            out.files.insert(out.files.end(), r.files.begin(), r.files.end());
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

// One report being built: the months read so far, newest first, and how
// far back they settle the streak.
class ReportBuilder {
  public:
    ReportBuilder(LogReader& reader, const MonthCache& cache, Date first, int count, Date today,
                  const GoalHistory& goals, WeekStart start, Streak streak, Sessions sessions)
        : reader_(reader),
          cache_(cache),
          goals_(goals),
          first_(first),
          end_(first + days(7 * count)),
          today_(today),
          current_(week_start(today, start)),
          record_week_(week_start(first_day(month_of(today)), start) - days(7)),
          start_(start),
          streak_(streak),
          collector_(first, end_, start, sessions) {}

    Report build() {
        load_settled();
        read_months();
        Report report{goals_.for_week(end_ - days(7)), start_, today_, {},
                      collector_.take_sessions(),      0};
        const bool compute = streak_ == Streak::compute;
        int run = compute ? *run_through(first_ - days(7), false, nullptr, nullptr) : 0;
        for (Date w = first_; w < end_; w += days(7)) {
            WeekSummary s = summary(w);
            run = carry(s, run);
            s.streak = compute ? run : 0;
            report.weeks.push_back(s);
        }
        report.streak = report.weeks.empty() ? 0 : report.weeks.back().streak;
        store_record();
        return report;
    }

  private:
    // The streak as it stood at a week long settled, when the cache holds a
    // current record of one that ended before the range (and before today:
    // a clock set back makes it a week in progress again).
    void load_settled() {
        if (streak_ != Streak::compute) return;
        goal_print_ = goals_fingerprint(goals_);
        settled_ = cache_.settled(reader_, start_, goal_print_, end_);
        record_current_ = settled_ && settled_->week == record_week_;
        const bool too_late =
            settled_ && (settled_->week + days(7) > first_ || settled_->week + days(7) > current_);
        if (too_late) settled_.reset();
    }

    // Months newest first. Once the months from `first`'s month back to some
    // month m are read, every week starting on or after m's first day is
    // complete; the streak is settled when one of those, at or before the
    // range, is a finished week that missed the goal, or the settled record
    // is reached.
    void read_months() {
        std::vector<YearMonth> months = reader_.months();
        std::ranges::reverse(months);
        const YearMonth last_month = month_of(end_ - days(1));
        read_from_ = last_month + std::chrono::months(1);
        for (const YearMonth m : months) {
            if (m > last_month) continue;
            if (reaches_record(m) || (m < month_of(first_) && streak_ == Streak::skip)) {
                complete_from_ = first_day(m + std::chrono::months(1));
                return;
            }
            read_month(m);
            if (m <= month_of(first_) && misses_in(m)) {
                complete_from_ = first_day(m);
                return;
            }
        }
    }

    // Whether month m is covered by the settled record; the first time it
    // is, the record's damage in the months not read is reported.
    bool reaches_record(YearMonth m) {
        if (used_record_ || !settled_ || m >= month_of(settled_->week + days(7)))
            return used_record_;
        for (FileDamage& d : damage_before(*settled_, read_from_))
            reader_.add_damage(std::move(d));
        used_record_ = true;
        return true;
    }

    void read_month(YearMonth m) {
        reads_.push_back({m, reader_.damage().size(), {}});
        read_from_ = m;
        if (collector_.keeps_sessions_of(m)) {
            reads_.back().files =
                cache_.read(reader_, m, [&](const SessionView& v) { collector_.add(v); });
            return;
        }
        MonthSummary s = cache_.summarize(reader_, m);
        collector_.add_month(s);
        reads_.back().files = std::move(s.files);
    }

    // Whether a finished week that missed the goal starts in month m or
    // later, at or before the range; the weeks found not to miss are
    // remembered so that the next month goes on from there.
    bool misses_in(YearMonth m) {
        const Date floor = first_day(m);
        for (Date w = std::min(first_, settled_back_to_); w >= floor; w -= days(7)) {
            if (finished_miss(w)) return true;
            settled_back_to_ = w;
        }
        return false;
    }

    bool finished_miss(Date week) const {
        if (week >= current_) return false;
        const Totals t = collector_.totals(week);
        return !meets_goal(goals_.for_week(week), t.counted, t.active_s);
    }

    static int carry(const WeekSummary& w, int run) {
        if (w.met) return run + 1;
        return w.in_progress ? run : 0;
    }

    WeekSummary summary(Date w) const {
        const Totals t = collector_.totals(w);
        return WeekSummary{w,
                           week_name(w, start_),
                           t.sessions,
                           t.counted,
                           t.active_s,
                           meets_goal(goals_.for_week(w), t.counted, t.active_s),
                           w >= current_,
                           0,
                           t.pain,
                           goals_.for_week(w)};
    }

    // The streak after week `last`: back to the last finished week that
    // missed the goal (an empty week misses it), or to the settled record,
    // then forward. With `strict`, nothing when a week it needs was not
    // read; `from` is set to the month where the streak began.
    std::optional<int> run_through(Date last, bool strict, YearMonth* from, bool* chained) const {
        Date w = last;
        int run = 0;
        bool on_record = false;
        while (true) {
            if (used_record_ && w == settled_->week) {
                run = settled_->run;
                on_record = true;
                break;
            }
            if (strict && w < complete_from_) return std::nullopt;
            if (finished_miss(w) || collector_.totals(w).sessions == 0) break;
            w -= days(7);
        }
        if (from) *from = month_of(w);
        if (chained) *chained = on_record;
        for (w += days(7); w <= last; w += days(7))
            run = carry(summary(w), run);
        return run;
    }

    // A new record for the last week that ended before this month began, so
    // that the next report reads only this month and the one before; kept
    // unless the streak reaches back to weeks this report did not read.
    void store_record() const {
        if (streak_ != Streak::compute || !cache_.enabled() || record_week_ + days(7) > end_ ||
            record_current_)
            return;
        YearMonth from;
        bool chained = false;
        if (const auto r = run_through(record_week_, true, &from, &chained)) {
            cache_.store_settled(make_record(record_week_, *r, from, reads_, reader_.damage(),
                                             chained ? &*settled_ : nullptr, read_from_),
                                 start_, goal_print_);
        }
    }

    LogReader& reader_;
    const MonthCache& cache_;
    const GoalHistory& goals_;
    Date first_, end_, today_;
    Date current_;      // the week in progress
    Date record_week_;  // the last week that ended before this month began
    WeekStart start_;
    Streak streak_;
    Collector collector_;
    std::uint64_t goal_print_ = 0;
    std::optional<SettledWeeks> settled_;
    bool record_current_ = false;  // the cache's record is already of record_week_
    bool used_record_ = false;     // the months read reached the record
    Date settled_back_to_ = end_;  // the earliest week start known to be complete
    Date complete_from_ = Date::min();
    std::vector<MonthRead> reads_;
    YearMonth read_from_;  // the oldest month read
};

}  // namespace

Report build_report(LogReader& reader, const MonthCache& cache, Date first, int count, Date today,
                    const GoalHistory& goals, WeekStart start, Streak streak, Sessions sessions) {
    return ReportBuilder(reader, cache, first, count, today, goals, start, streak, sessions)
        .build();
}

}  // namespace selfcare
