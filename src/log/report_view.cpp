#include "report_view.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

#include "json.hpp"

namespace selfcare {
namespace {

using std::chrono::days;

constexpr std::array kDayNames = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array kMonthNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr int kMostMarks = 12;

// Whole minutes, rounded down, so "30 of 30" is never shown for 29 min 40 s.
int minutes(int seconds) {
    return seconds / 60;
}

std::string plural(int n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// "Mon 16" and "16 Nov".
std::string day_label(Date d) {
    const std::chrono::year_month_day ymd(d);
    return fmt::format("{} {:2}", kDayNames[std::chrono::weekday(d).c_encoding()],
                       static_cast<unsigned>(ymd.day()));
}
std::string short_date(Date d) {
    const std::chrono::year_month_day ymd(d);
    return fmt::format("{} {} {}", kDayNames[std::chrono::weekday(d).c_encoding()],
                       static_cast<unsigned>(ymd.day()),
                       kMonthNames[static_cast<unsigned>(ymd.month()) - 1]);
}

class Painter {
  public:
    explicit Painter(Style s) : s_(s) {}
    std::string green(std::string_view t) const { return wrap("\x1b[32m", t); }
    std::string dim(std::string_view t) const { return wrap("\x1b[2m", t); }
    std::string bold(std::string_view t) const { return wrap("\x1b[1m", t); }
    std::string_view counted() const { return s_.unicode ? "●" : "#"; }
    std::string_view short_one() const { return s_.unicode ? "○" : "o"; }
    std::string_view nothing() const { return s_.unicode ? "·" : "."; }

    // One mark per session: filled for those that count, hollow for the
    // rest, then "+N" past kMostMarks. Padded to `width` marks.
    std::string marks(int counted, int all, int width) const {
        std::string out;
        const int shown = std::min(all, kMostMarks);
        for (int i = 0; i < shown; ++i)
            out += i < counted ? counted_mark() : short_one();
        std::string more = all > kMostMarks ? fmt::format("+{}", all - kMostMarks) : "";
        out += more;
        const int used = shown + static_cast<int>(more.size());
        return out + std::string(static_cast<size_t>(std::max(0, width - used)), ' ');
    }

  private:
    std::string counted_mark() const { return std::string(counted()); }
    std::string wrap(std::string_view code, std::string_view t) const {
        return s_.color ? fmt::format("{}{}\x1b[0m", code, t) : std::string(t);
    }
    Style s_;
};

// "3 of 3, met", "2 of 3, 1 to go", "1 of 3, missed".
std::string against(int have, int want, const WeekSummary& w, std::string_view unit,
                    const Painter& p) {
    if (have >= want) return p.green(fmt::format("{} of {}{}, met", have, want, unit));
    if (!w.in_progress) return fmt::format("{} of {}{}, missed", have, want, unit);
    return fmt::format("{} of {}{}, {}{} to go", have, want, unit, want - have, unit);
}

std::string routines_line(const std::vector<Session>& sessions, bool unicode) {
    std::map<std::string, int> counts;
    for (const Session& s : sessions)
        ++counts[s.routine];
    std::vector<std::pair<std::string, int>> sorted(counts.begin(), counts.end());
    std::ranges::stable_sort(sorted,
                             [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> parts;
    parts.reserve(sorted.size());
    for (const auto& [name, n] : sorted) {
        parts.push_back(n == 1 ? name : fmt::format("{} {}{}", name, unicode ? "×" : "x", n));
    }
    return fmt::format("{}", fmt::join(parts, ", "));
}

std::string pain_line(const std::vector<Session>& sessions) {
    int before_n = 0, after_n = 0, before_sum = 0, after_sum = 0, rated = 0;
    for (const Session& s : sessions) {
        if (s.pain_before) before_sum += *s.pain_before, ++before_n;
        if (s.pain_after) after_sum += *s.pain_after, ++after_n;
        if (s.pain_before || s.pain_after) ++rated;
    }
    if (rated == 0) return {};
    const auto avg = [](int sum, int n) {
        return n == 0 ? std::string("-") : fmt::format("{:.1f}", static_cast<double>(sum) / n);
    };
    return fmt::format("{} before, {} after, on average ({} rated)", avg(before_sum, before_n),
                       avg(after_sum, after_n), plural(rated, "session"));
}

std::string day_rows(const Report& r, const Painter& p) {
    const WeekSummary& w = r.weeks.front();
    std::string out;
    for (int i = 0; i < 7; ++i) {
        const Date d = w.start + days(i);
        int all = 0, counted = 0, seconds = 0;
        for (const Session& s : r.sessions) {
            if (s.date != d) continue;
            ++all;
            seconds += s.active_s;
            if (counts_toward_goal(s)) ++counted;
        }
        std::string row = fmt::format("  {}  ", day_label(d));
        if (all > 0) {
            row += p.marks(counted, all, 6) + fmt::format(" {:>3} min", minutes(seconds));
        } else if (d <= r.today) {
            row += p.dim(p.nothing());
        }
        if (d == r.today) row += all > 0 ? "  today" : "            today";
        while (row.ends_with(' '))
            row.pop_back();
        out += row + "\n";
    }
    return out;
}

std::string session_json(const Session& s) {
    const auto pain = [](const std::optional<int>& v) {
        return v ? std::to_string(*v) : std::string("null");
    };
    return fmt::format(
        R"({{"id": "{}", "date": "{}", "start": {}, "routine": {}, "title": {}, )"
        R"("active_seconds": {}, "planned_seconds": {{"min": {}, "max": {}}}, )"
        R"("segments_done": {}, "segments_total": {}, "pain_before": {}, "pain_after": {}, )"
        R"("outcome": "{}", "counts": {}, "source": "{}", "device": {}}})",
        format_id(s.id), format_date(s.date), json_string(s.start), json_string(s.routine),
        json_string(s.title), s.active_s, s.planned_min_s, s.planned_max_s, s.segments_done,
        s.segments_total, pain(s.pain_before), pain(s.pain_after), to_string(s.outcome),
        counts_toward_goal(s), to_string(s.source), json_string(s.device));
}

std::string week_json(const WeekSummary& w) {
    return fmt::format(
        R"({{"week": "{}", "from": "{}", "to": "{}", "sessions": {}, "counted": {}, )"
        R"("minutes": {}, "met": {}, "in_progress": {}, "streak": {}}})",
        format_iso_week(w.name), format_date(w.start), format_date(w.start + days(6)), w.sessions,
        w.counted, minutes(w.active_s), w.met, w.in_progress, w.streak);
}

std::string csv_field(std::string_view v) {
    if (v.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(v);
    std::string out = "\"";
    for (const char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

std::string render_week(const Report& r, Style style) {
    const Painter p(style);
    const WeekSummary& w = r.weeks.front();
    std::string out = p.bold(fmt::format("Week {} of {}: {} to {}", w.name.week, w.name.year,
                                         short_date(w.start), short_date(w.start + days(6))));
    out += "\n\n" + day_rows(r, p) + "\n";
    out += fmt::format("  Goal      {} and {} a week\n", plural(r.goal.sessions, "session"),
                       plural(r.goal.minutes, "minute"));
    out += fmt::format("  Sessions  {}\n", against(w.counted, r.goal.sessions, w, "", p));
    if (w.sessions > w.counted) {
        out += fmt::format("            ({} stopped early, not counted)\n", w.sessions - w.counted);
    }
    out +=
        fmt::format("  Minutes   {}\n", against(minutes(w.active_s), r.goal.minutes, w, " min", p));
    out += fmt::format("  Streak    {} in a row\n", plural(r.streak, "week"));
    if (!r.sessions.empty()) {
        out += fmt::format("  Routines  {}\n", routines_line(r.sessions, style.unicode));
    }
    if (std::string pain = pain_line(r.sessions); !pain.empty()) {
        out += fmt::format("  Pain      {}\n", pain);
    }
    return out;
}

std::string render_history(const Report& r, Style style) {
    const Painter p(style);
    std::string out = fmt::format("Goal: {} and {} a week\n\n", plural(r.goal.sessions, "session"),
                                  plural(r.goal.minutes, "minute"));
    out += p.bold("Week      Starts        Sessions            Minutes  Goal      Streak") + "\n";
    for (const WeekSummary& w : r.weeks) {
        const std::string state = w.met ? p.green("met   ") : w.in_progress ? "so far" : "missed";
        out += fmt::format("{}  {:<12}  {} {:>2}/{:<2}  {:>7}  {}  {:>6}\n",
                           format_iso_week(w.name), short_date(w.start),
                           p.marks(w.counted, w.sessions, kMostMarks), w.counted, r.goal.sessions,
                           fmt::format("{} min", minutes(w.active_s)), state, w.streak);
    }
    out += fmt::format("\nStreak: {} in a row\n", plural(r.streak, "week"));
    return out;
}

std::string render_json(const Report& r) {
    std::vector<std::string> sessions;
    for (const Session& s : r.sessions)
        sessions.push_back("    " + session_json(s));
    const std::string list =
        sessions.empty() ? "[]" : fmt::format("[\n{}\n  ]", fmt::join(sessions, ",\n"));
    const std::string goal =
        fmt::format(R"({{"sessions": {}, "minutes": {}}})", r.goal.sessions, r.goal.minutes);
    const std::string_view start = r.week_start == WeekStart::monday ? "monday" : "sunday";
    if (r.weeks.size() == 1) {
        return fmt::format(
            "{{\n  \"week\": {},\n  \"week_start\": \"{}\",\n  \"today\": \"{}\",\n  \"goal\": "
            "{},\n  \"streak\": {},\n  \"sessions\": {}\n}}\n",
            week_json(r.weeks.front()), start, format_date(r.today), goal, r.streak, list);
    }
    std::vector<std::string> weeks;
    for (const WeekSummary& w : r.weeks)
        weeks.push_back("    " + week_json(w));
    return fmt::format(
        "{{\n  \"weeks\": [\n{}\n  ],\n  \"week_start\": \"{}\",\n  \"today\": \"{}\",\n  "
        "\"goal\": {},\n  \"streak\": {},\n  \"sessions\": {}\n}}\n",
        fmt::join(weeks, ",\n"), start, format_date(r.today), goal, r.streak, list);
}

std::string render_csv(const Report& r) {
    std::string out =
        "id,date,start,routine,title,active_s,planned_min_s,planned_max_s,segments_done,"
        "segments_total,pain_before,pain_after,outcome,counts,source,device\r\n";
    const auto pain = [](const std::optional<int>& v) { return v ? std::to_string(*v) : ""; };
    for (const Session& s : r.sessions) {
        out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n", format_id(s.id),
                           format_date(s.date), s.start, s.routine, csv_field(s.title), s.active_s,
                           s.planned_min_s, s.planned_max_s, s.segments_done, s.segments_total,
                           pain(s.pain_before), pain(s.pain_after), to_string(s.outcome),
                           counts_toward_goal(s) ? "yes" : "no", to_string(s.source), s.device);
    }
    return out;
}

std::string render_status(const Report& r) {
    const WeekSummary& w = r.weeks.back();
    if (w.met) return fmt::format("{}/{} this week, goal met\n", w.counted, r.goal.sessions);
    return fmt::format("{}/{} this week, {}/{} min\n", w.counted, r.goal.sessions,
                       minutes(w.active_s), r.goal.minutes);
}

}  // namespace selfcare
