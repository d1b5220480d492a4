#include "report_view.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

#include "text.hpp"

namespace selfcare {
namespace {

using std::chrono::days;

constexpr std::array kDayNames = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array kMonthNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr int kDayMarks = 6;        // marks in a day's row of the week
constexpr size_t kLabelWidth = 12;  // "  Sessions  "

int width_of(std::string_view s) {
    return static_cast<int>(char_count(s));
}

// "Mon 16" and "Mon 16 Nov".
std::string day_label(Date d) {
    const std::chrono::year_month_day ymd(d);
    return fmt::format("{} {:2}", kDayNames[std::chrono::weekday(d).c_encoding()],
                       static_cast<unsigned>(ymd.day()));
}

class Painter {
  public:
    explicit Painter(Style s) : s_(s) {}
    std::string green(std::string_view t) const { return wrap("\x1b[32m", t); }
    std::string dim(std::string_view t) const { return wrap("\x1b[2m", t); }
    std::string bold(std::string_view t) const { return wrap("\x1b[1m", t); }
    std::string_view nothing() const { return s_.unicode ? "·" : "."; }

  private:
    std::string wrap(std::string_view code, std::string_view t) const {
        return s_.color ? fmt::format("{}{}\x1b[0m", code, t) : std::string(t);
    }
    Style s_;
};

// `text` after `label` (padded to kLabelWidth), wrapped as wrap_after does.
std::string labelled(std::string_view label, std::string_view text, int width) {
    return wrap_after(fmt::format("  {:<{}}", label, kLabelWidth - 2), text, width);
}

// "3 of 3, met", "2 of 3, 1 to go", "1 of 3, missed".
std::string against(int have, int want, const WeekSummary& w, std::string_view unit,
                    const Painter& p) {
    if (have >= want) return p.green(fmt::format("{} of {}{}, met", have, want, unit));
    if (!w.in_progress) return fmt::format("{} of {}{}, missed", have, want, unit);
    return fmt::format("{} of {}{}, {}{} to go", have, want, unit, want - have, unit);
}

std::string routines_text(const std::vector<Session>& sessions, bool unicode) {
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

std::string pain_text(const PainTotals& pain, int rated) {
    if (rated == 0) return {};
    std::string out =
        fmt::format("{} before, {} after, on average ({} rated)", format_pain(pain.before()),
                    format_pain(pain.after()), plural(rated, "session"));
    return out;
}

std::string day_rows(const Report& r, const Painter& p, Style style) {
    const WeekSummary& w = r.weeks.front();
    struct Day {
        int all = 0, counted = 0, seconds = 0;
    };
    std::array<Day, 7> week{};
    for (const Session& s : r.sessions) {
        const auto i = (s.date - w.start).count();
        if (i < 0 || i >= 7) continue;
        Day& d = week[static_cast<size_t>(i)];
        ++d.all;
        d.seconds += s.active_s;
        if (counts_toward_goal(s)) ++d.counted;
    }
    // The minutes column is as wide as the week's widest number.
    int digits = 3;
    for (const Day& d : week)
        digits = std::max(digits, width_of(std::to_string(round_minutes(d.seconds))));
    std::string out;
    for (int i = 0; i < 7; ++i) {
        const Date date = w.start + days(i);
        const Day& d = week[static_cast<size_t>(i)];
        std::string row = fmt::format("  {}  ", day_label(date));
        if (d.all > 0) {
            row += session_marks(d.counted, d.all, kDayMarks, style) +
                   fmt::format(" {:>{}} min", round_minutes(d.seconds), digits);
        } else if (date <= r.today) {
            row += p.dim(p.nothing());
        }
        if (date == r.today) {
            row +=
                d.all > 0 ? "  today" : std::string(static_cast<size_t>(digits + 9), ' ') + "today";
        }
        while (row.ends_with(' '))
            row.pop_back();
        out += row + "\n";
    }
    return out;
}

// "Mon 16  neck-release: felt easier", one per session with a note.
std::string notes_rows(const Report& r, int width) {
    std::string out;
    std::string_view label = "Notes";
    for (const Session& s : r.sessions) {
        if (s.note.empty()) continue;
        out += labelled(label,
                        fmt::format("{}  {}: {}", day_label(s.date), s.routine, one_line(s.note)),
                        width);
        label = "";
    }
    return out;
}

}  // namespace

std::string wrap_after(std::string_view lead, std::string_view text, int width) {
    const int indent = width_of(lead);
    const int room = std::max(width - indent, 10);
    std::string out(lead);
    int used = 0;
    while (!text.empty()) {
        const size_t space = text.find(' ');
        const std::string_view word = text.substr(0, space);
        if (used > 0 && used + 1 + width_of(word) > room) {
            out += "\n" + std::string(static_cast<size_t>(indent), ' ');
            used = 0;
        } else if (used > 0) {
            out += ' ';
            ++used;
        }
        out += word;
        used += width_of(word);
        text = space == std::string_view::npos ? std::string_view{} : text.substr(space + 1);
    }
    return out + "\n";
}

std::string plural(int n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string describe_goal(const Goal& goal) {
    return fmt::format("{} and {}", plural(goal.sessions, "session"),
                       plural(goal.minutes, "minute"));
}

std::string describe_goals(const Report& r) {
    std::vector<std::string> parts;
    for (size_t i = 0; i < r.weeks.size(); ++i) {
        const Goal& g = r.weeks[i].goal;
        if (i > 0 && g == r.weeks[i - 1].goal) continue;
        parts.push_back(
            i == 0 ? describe_goal(g) + " a week"
                   : fmt::format("{} from {}", describe_goal(g), format_iso_week(r.weeks[i].name)));
    }
    if (parts.empty()) parts.push_back(describe_goal(r.goal) + " a week");
    return fmt::format("{}", fmt::join(parts, "; "));
}

std::string short_date(Date d) {
    const std::chrono::year_month_day ymd(d);
    return fmt::format("{} {} {}", kDayNames[std::chrono::weekday(d).c_encoding()],
                       static_cast<unsigned>(ymd.day()),
                       kMonthNames[static_cast<unsigned>(ymd.month()) - 1]);
}

std::string format_pain(const std::optional<double>& v) {
    return v ? fmt::format("{:.1f}", *v) : std::string("-");
}

std::string format_change(const std::optional<double>& v) {
    if (!v) return "-";
    const std::string text = fmt::format("{:+.1f}", *v);
    return text == "+0.0" || text == "-0.0" ? "0.0" : text;
}

std::string one_line(std::string_view text) {
    std::string flat(text);
    std::ranges::replace(flat, '\n', ' ');
    std::ranges::replace(flat, '\t', ' ');
    return printable(flat);
}

std::string session_marks(int counted, int all, int width, Style style) {
    const std::string_view filled = style.unicode ? "●" : "#";
    const std::string_view hollow = style.unicode ? "○" : "o";
    int shown = std::min(all, width);
    std::string more;
    if (shown < all) {
        // Give up marks until "+N" fits beside the rest.
        while (shown > 0 && shown + 1 + width_of(std::to_string(all - shown)) > width)
            --shown;
        more = fmt::format("+{}", all - shown);
    }
    std::string out;
    for (int i = 0; i < shown; ++i)
        out += i < counted ? filled : hollow;
    out += more;
    const int used = shown + width_of(more);
    return out + std::string(static_cast<size_t>(std::max(0, width - used)), ' ');
}

std::string render_week(const Report& r, Style style, int width) {
    width = std::max(width, kNarrowest);
    const Painter p(style);
    const WeekSummary& w = r.weeks.front();
    const std::string title = fmt::format("Week {} of {}:", w.name.week, w.name.year);
    const std::string dates =
        fmt::format("{} to {}", short_date(w.start), short_date(w.start + days(6)));
    const bool fits = width_of(title) + 1 + width_of(dates) <= width;
    std::string out = p.bold(title) + (fits ? " " : "\n") + p.bold(dates);
    out += "\n\n" + day_rows(r, p, style) + "\n";
    out += labelled("Goal", describe_goal(w.goal) + " a week", width);
    out += labelled("Sessions", against(w.counted, w.goal.sessions, w, "", p), width);
    if (w.sessions > w.counted) {
        out += labelled("", fmt::format("({} stopped early, not counted)", w.sessions - w.counted),
                        width);
    }
    out += labelled("Minutes", against(round_minutes(w.active_s), w.goal.minutes, w, " min", p),
                    width);
    out += labelled("Streak", fmt::format("{} in a row", plural(r.streak, "week")), width);
    if (!r.sessions.empty()) {
        out += labelled("Routines", routines_text(r.sessions, style.unicode), width);
    }
    int rated = 0;
    for (const Session& s : r.sessions)
        rated += s.pain_before || s.pain_after ? 1 : 0;
    if (rated > 0) out += labelled("Pain", pain_text(w.pain, rated), width);
    return out + notes_rows(r, width);
}

}  // namespace selfcare
