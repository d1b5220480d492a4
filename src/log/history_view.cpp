// render_history (report_view.hpp): the weeks as a table whose columns line
// up for any count and which gives up its least needed columns to fit.

#include <algorithm>

#include <fmt/core.h>

#include "report_view.hpp"
#include "text.hpp"

namespace selfcare {
namespace {

constexpr int kMostMarks = 12;
constexpr int kFewestMarks = 8;  // as wide as "Sessions" above them, and room for "+9999"
constexpr std::string_view kGap = "  ";

struct Column {
    std::string header;
    bool right = false;  // aligned to the right
    std::vector<std::string> cells;
    int width() const {
        int w = static_cast<int>(char_count(header));
        for (const std::string& c : cells)
            w = std::max(w, static_cast<int>(char_count(c)));
        return w;
    }
};

std::string pad(const std::string& text, int width, bool right) {
    const auto fill = static_cast<size_t>(std::max(0, width - static_cast<int>(char_count(text))));
    return right ? std::string(fill, ' ') + text : text + std::string(fill, ' ');
}

int total_width(const std::vector<Column>& columns) {
    int w = 0;
    for (const Column& c : columns)
        w += c.width();
    return w + static_cast<int>(kGap.size()) * (static_cast<int>(columns.size()) - 1);
}

std::string week_state(const WeekSummary& w) {
    return w.met ? "met" : w.in_progress ? "so far" : "missed";
}

// "6.0 → 4.0 (-2.0)": before, after and the change; "->" without Unicode.
std::string pain_cell(const PainTotals& p, Style style) {
    if (!p.rated()) return "-";
    return fmt::format("{} {} {} ({})", format_pain(p.before()), style.unicode ? "→" : "->",
                       format_pain(p.after()), format_change(p.change()));
}

}  // namespace

std::string render_history(const Report& r, Style style, int width) {
    width = std::max(width, kNarrowest);
    Column week{"Week", false, {}}, starts{"Starts", false, {}}, count{"Done", true, {}};
    Column minutes{"Minutes", true, {}}, state{"Goal", false, {}}, streak{"Streak", true, {}};
    Column pain{"Pain", false, {}};
    bool any_pain = false;
    for (const WeekSummary& w : r.weeks) {
        week.cells.push_back(format_iso_week(w.name));
        starts.cells.push_back(short_date(w.start));
        count.cells.push_back(fmt::format("{}/{}", w.counted, w.goal.sessions));
        minutes.cells.push_back(fmt::format("{} min", round_minutes(w.active_s)));
        state.cells.push_back(week_state(w));
        streak.cells.push_back(std::to_string(w.streak));
        pain.cells.push_back(pain_cell(w.pain, style));
        any_pain = any_pain || w.pain.rated();
    }
    // The first of these layouts that fits is drawn: the start dates go
    // first, then the pain, then the marks (which narrow before they go).
    struct Layout {
        bool starts, marks, pain;
    };
    constexpr Layout kLayouts[] = {{true, true, true},   {false, true, true},
                                   {true, true, false},  {false, true, false},
                                   {false, false, true}, {false, false, false}};
    std::vector<Column> cols;
    for (const Layout& l : kLayouts) {
        if (l.pain && !any_pain) continue;
        cols = {week};
        if (l.starts) cols.push_back(starts);
        const size_t marks_at = cols.size();
        cols.insert(cols.end(), {count, minutes, state, streak});
        if (l.pain) cols.push_back(pain);
        const int rest = total_width(cols);
        if (!l.marks) {
            if (rest <= width) break;
            continue;
        }
        const int marks = std::min(kMostMarks, width - rest - static_cast<int>(kGap.size()));
        if (marks < kFewestMarks) continue;
        Column m{"Sessions", false, {}};
        for (const WeekSummary& w : r.weeks)
            m.cells.push_back(session_marks(w.counted, w.sessions, marks, style));
        cols.insert(cols.begin() + static_cast<std::ptrdiff_t>(marks_at), m);
        break;
    }

    std::vector<int> widths;
    widths.reserve(cols.size());
    for (const Column& c : cols)
        widths.push_back(c.width());
    const auto row = [&](const auto& cell) {
        std::string line;
        for (size_t i = 0; i < cols.size(); ++i) {
            if (i > 0) line += kGap;
            line += cell(i);
        }
        while (line.ends_with(' '))
            line.pop_back();
        return line + "\n";
    };
    const bool color = style.color;
    std::string out = wrap_after("Goal: ", describe_goals(r), width) + "\n";
    const std::string header =
        row([&](size_t i) { return pad(cols[i].header, widths[i], cols[i].right); });
    out += color ? fmt::format("\x1b[1m{}\x1b[0m\n", header.substr(0, header.size() - 1)) : header;
    for (size_t w = 0; w < r.weeks.size(); ++w) {
        out += row([&](size_t i) {
            std::string cell = pad(cols[i].cells[w], widths[i], cols[i].right);
            if (color && cols[i].header == "Goal" && r.weeks[w].met) {
                cell = fmt::format("\x1b[32m{}\x1b[0m", cell);
            }
            return cell;
        });
    }
    out += fmt::format("\nStreak: {} in a row\n", plural(r.streak, "week"));
    return out;
}

}  // namespace selfcare
