#include "report_html.hpp"

#include <algorithm>
#include <map>

#include <fmt/core.h>

#include "report_view.hpp"
#include "text.hpp"

namespace selfcare {
namespace {

using std::chrono::days;

// The charts' drawing area, in SVG user units (about 0.26 mm each once the
// page scales them to its width).
constexpr int kChartWidth = 680;
constexpr int kLeft = 34, kRight = 8;

constexpr std::string_view kStyle = R"(
@page { size: A4; margin: 14mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.35 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #000;
       background: #fff; margin: 0 auto; max-width: 182mm; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 5mm 0 1.5mm; border-bottom: 0.4pt solid #000; }
p { margin: 1mm 0; }
.meta { margin-bottom: 2mm; }
svg { width: 100%; height: auto; display: block; }
svg text { font-family: inherit; font-size: 10px; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border-bottom: 0.3pt solid #777; padding: 0.5mm 1.2mm; text-align: right;
         white-space: nowrap; }
th:first-child, td:first-child, td.text, th.text { text-align: left; }
thead th { border-bottom: 0.8pt solid #000; }
.keep { break-inside: avoid; }
.legend { font-size: 9pt; }
footer { margin-top: 4mm; font-size: 8.5pt; color: #333; }
)";

std::string number(const std::optional<double>& v) {
    return v ? fmt::format("{:.1f}", *v) : std::string("–");
}

std::string period(const Report& r) {
    const WeekSummary& first = r.weeks.front();
    const WeekSummary& last = r.weeks.back();
    const std::string weeks =
        r.weeks.size() == 1
            ? format_iso_week(first.name)
            : fmt::format("{} to {}", format_iso_week(first.name), format_iso_week(last.name));
    return fmt::format("{} ({} to {})", weeks, short_date(first.start),
                       short_date(last.start + days(6)));
}

// A bar per week: its height the sessions that counted, a dashed line at
// the goal, solid when the goal was met and hatched when not (or hollow
// while the week is in progress), the count above and the minutes below.
std::string sessions_chart(const Report& r) {
    const int n = static_cast<int>(r.weeks.size());
    int top = 1;
    for (const WeekSummary& w : r.weeks)
        top = std::max({top, w.counted, w.goal.sessions});
    const int plot_h = 150, base = 20 + plot_h;
    const double slot = static_cast<double>(kChartWidth - kLeft - kRight) / n;
    const auto y = [&](double v) { return base - v * plot_h / top; };
    const int label_every = std::max(1, (n + 15) / 16);
    std::string out = fmt::format(
        R"(<svg viewBox="0 0 {} {}" role="img" aria-label="Sessions a week against the goal">)"
        R"(<defs><pattern id="hatch" width="5" height="5" patternUnits="userSpaceOnUse" )"
        R"x(patternTransform="rotate(45)"><rect width="5" height="5" fill="#fff"/>)x"
        R"(<line x1="0" y1="0" x2="0" y2="5" stroke="#000" stroke-width="1.6"/></pattern></defs>)",
        kChartWidth, base + 34);
    out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#000"/>)", kLeft, base,
                       kChartWidth - kRight, base);
    for (int v = 0; v <= top; v += std::max(1, top / 5)) {
        out += fmt::format(R"(<text x="{}" y="{:.1f}" text-anchor="end">{}</text>)", kLeft - 4,
                           y(v) + 3, v);
    }
    for (int i = 0; i < n; ++i) {
        const WeekSummary& w = r.weeks[static_cast<size_t>(i)];
        const double x = kLeft + i * slot, bar = slot * 0.62, bx = x + (slot - bar) / 2;
        const std::string fill = w.met ? "#000" : w.in_progress ? "#fff" : "url(#hatch)";
        if (w.counted > 0) {
            out += fmt::format(
                R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}" )"
                R"(stroke="#000" stroke-width="0.8"/>)",
                bx, y(w.counted), bar, base - y(w.counted), fill);
        }
        out += fmt::format(R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#000" )"
                           R"(stroke-width="1.2" stroke-dasharray="3 2"/>)",
                           x + 1, y(w.goal.sessions), x + slot - 1, y(w.goal.sessions));
        out += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)",
                           x + slot / 2, std::min(y(w.counted), y(w.goal.sessions)) - 3, w.counted);
        if (i % label_every == 0) {
            out += fmt::format(R"(<text x="{:.1f}" y="{}" text-anchor="middle">W{:02}</text>)"
                               R"(<text x="{:.1f}" y="{}" text-anchor="middle">{}m</text>)",
                               x + slot / 2, base + 13, w.name.week, x + slot / 2, base + 26,
                               round_minutes(w.active_s));
        }
    }
    return out + "</svg>\n";
}

// Average pain before (solid, circles) and after (dashed, squares) per
// week, on a 0-10 scale; a week without ratings leaves a gap.
std::string pain_chart(const Report& r) {
    const int n = static_cast<int>(r.weeks.size());
    const int plot_h = 120, base = 12 + plot_h;
    const double slot = static_cast<double>(kChartWidth - kLeft - kRight) / n;
    const auto y = [&](double v) { return base - v * plot_h / 10; };
    std::string out = fmt::format(
        R"(<svg viewBox="0 0 {} {}" role="img" aria-label="Average pain before and after">)",
        kChartWidth, base + 18);
    for (int v = 0; v <= 10; v += 2) {
        out += fmt::format(
            R"(<line x1="{}" y1="{:.1f}" x2="{}" y2="{:.1f}" stroke="#bbb" stroke-width="0.5"/>)"
            R"(<text x="{}" y="{:.1f}" text-anchor="end">{}</text>)",
            kLeft, y(v), kChartWidth - kRight, y(v), kLeft - 4, y(v) + 3, v);
    }
    const auto series = [&](auto value, std::string_view dash, bool square) {
        std::string path, marks;
        bool pen_down = false;
        for (int i = 0; i < n; ++i) {
            const std::optional<double> v = value(r.weeks[static_cast<size_t>(i)].pain);
            if (!v) {
                pen_down = false;
                continue;
            }
            const double x = kLeft + (i + 0.5) * slot, yy = y(*v);
            path += fmt::format("{}{:.1f} {:.1f} ", pen_down ? "L" : "M", x, yy);
            pen_down = true;
            marks += square ? fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="6" height="6" )"
                                          R"(fill="#fff" stroke="#000"/>)",
                                          x - 3, yy - 3)
                            : fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="3.2"/>)", x, yy);
        }
        if (path.empty()) return std::string();
        return fmt::format(
            R"(<path d="{}" fill="none" stroke="#000" stroke-width="1.6" stroke-dasharray="{}"/>{})",
            path, dash, marks);
    };
    out += series([](const PainTotals& p) { return p.before(); }, "none", false);
    out += series([](const PainTotals& p) { return p.after(); }, "5 3", true);
    const int label_every = std::max(1, (n + 15) / 16);
    for (int i = 0; i < n; i += label_every) {
        out += fmt::format(R"(<text x="{:.1f}" y="{}" text-anchor="middle">W{:02}</text>)",
                           kLeft + (i + 0.5) * slot, base + 13,
                           r.weeks[static_cast<size_t>(i)].name.week);
    }
    return out + "</svg>\n";
}

std::string weeks_table(const Report& r) {
    std::string out =
        "<table><thead><tr><th>Week</th><th class=\"text\">Starts</th><th>Sessions</th>"
        "<th>Goal</th><th>Minutes</th><th class=\"text\">Result</th><th>Pain<br>before</th>"
        "<th>Pain<br>after</th><th>Change</th></tr></thead><tbody>\n";
    for (const WeekSummary& w : r.weeks) {
        const std::string_view result = w.met ? "met" : w.in_progress ? "in progress" : "missed";
        out += fmt::format(
            "<tr><td>{}</td><td class=\"text\">{}</td><td>{}</td><td>{} / {} min</td>"
            "<td>{}</td><td class=\"text\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            format_iso_week(w.name), short_date(w.start), w.counted, w.goal.sessions,
            w.goal.minutes, round_minutes(w.active_s), result, number(w.pain.before()),
            number(w.pain.after()), format_change(w.pain.change()));
    }
    return out + "</tbody></table>\n";
}

std::string routines_table(const Report& r) {
    std::map<std::string, std::pair<int, int>> done;  // routine: sessions, seconds
    for (const Session& s : r.sessions) {
        auto& [count, seconds] = done[s.routine];
        ++count;
        seconds += s.active_s;
    }
    if (done.empty()) return "<p>No sessions in this period.</p>\n";
    std::vector<std::pair<std::string, std::pair<int, int>>> rows(done.begin(), done.end());
    std::ranges::stable_sort(
        rows, [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
    std::string out =
        "<table><thead><tr><th class=\"text\">Routine</th><th>Times</th>"
        "<th>Minutes</th></tr></thead><tbody>\n";
    for (const auto& [name, totals] : rows) {
        out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", html_escape(name),
                           totals.first, round_minutes(totals.second));
    }
    return out + "</tbody></table>\n";
}

std::string notes_list(const Report& r) {
    std::string out;
    for (const Session& s : r.sessions) {
        if (s.note.empty()) continue;
        out += fmt::format("<li><strong>{}</strong>, {}: {}</li>\n", short_date(s.date),
                           html_escape(s.routine), html_escape(one_line(s.note)));
    }
    return out.empty() ? "<p>No notes in this period.</p>\n" : "<ul>\n" + out + "</ul>\n";
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string render_html(const Report& r) {
    int met = 0, finished = 0, sessions = 0, seconds = 0;
    for (const WeekSummary& w : r.weeks) {
        finished += w.in_progress ? 0 : 1;
        met += w.met && !w.in_progress ? 1 : 0;
        sessions += w.counted;
        seconds += w.active_s;
    }
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width\">\n"
        "<title>Self-care record, {}</title>\n<style>{}</style></head><body>\n",
        html_escape(period(r)), kStyle);
    out += fmt::format("<h1>Self-care record</h1>\n<p class=\"meta\"><strong>{}</strong></p>\n",
                       html_escape(period(r)));
    out += fmt::format("<p>Goal: {}.</p>\n", html_escape(describe_goals(r)));
    out += fmt::format(
        "<p>{} of {} finished weeks met the goal. {} sessions counted, {} minutes in all. "
        "Streak at the end: {}.</p>\n",
        met, finished, sessions, round_minutes(seconds), plural(r.streak, "week"));
    out += "<div class=\"keep\"><h2>Sessions a week</h2>\n" + sessions_chart(r);
    out +=
        "<p class=\"legend\">Bars: sessions that counted. Solid bar: goal met. Hatched bar: "
        "goal missed. White bar: week in progress. Dashed line: the goal that week. Below "
        "each week: minutes.</p></div>\n";
    out += "<div class=\"keep\"><h2>Pain, 0 to 10, average per week</h2>\n" + pain_chart(r);
    out +=
        "<p class=\"legend\">Solid line with dots: before a session. Dashed line with "
        "squares: after. Change: after minus before, for sessions rated both times.</p>"
        "</div>\n";
    out += "<h2>Week by week</h2>\n" + weeks_table(r);
    out += "<div class=\"keep\"><h2>Routines</h2>\n" + routines_table(r) + "</div>\n";
    out += "<h2>Notes</h2>\n" + notes_list(r);
    out += fmt::format(
        "<footer>Made by selfcare on {} from the log kept on this computer. A session counts "
        "when it was completed or reached half of its planned time.</footer>\n</body></html>\n",
        format_date(r.today));
    return out;
}

}  // namespace selfcare
