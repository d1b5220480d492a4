// The week and the history as a person reads them: rounding, marks that
// never break the columns, and lines that fit the terminal.

#include "report_view.hpp"

#include <algorithm>
#include <array>
#include <set>

#include <doctest/doctest.h>
#include <fmt/core.h>

#include "text.hpp"

using namespace selfcare;
using namespace std::chrono;

namespace {

Date on(const char* text) {
    Date d;
    REQUIRE(parse_date(text, d));
    return d;
}

Session session(Date date, int seconds, int id, Outcome outcome = Outcome::completed) {
    Session s;
    s.date = date;
    s.start = format_date(date) + "T08:00:00+01:00";
    s.routine = "neck-release";
    s.title = "Neck release";
    s.active_s = seconds;
    s.planned_min_s = s.planned_max_s = 65;
    s.segments_done = s.segments_total = 3;
    s.device = "desk-000001";
    s.id = static_cast<std::uint64_t>(id);
    s.outcome = outcome;
    return s;
}

// A week starting Monday 16 Nov 2026 with `per_day` sessions of `seconds`
// on each of its first `days_with` days, summed as build_report would.
Report week_of(int per_day, int seconds, int days_with = 7) {
    Report r;
    r.today = on("2026-11-22");
    WeekSummary w;
    w.start = on("2026-11-16");
    w.name = week_name(w.start, WeekStart::monday);
    int id = 1;
    for (int d = 0; d < days_with; ++d) {
        for (int i = 0; i < per_day; ++i) {
            const Outcome o = i % 4 == 3 ? Outcome::stopped : Outcome::completed;
            r.sessions.push_back(
                session(w.start + days(d), o == Outcome::stopped ? 5 : seconds, id++, o));
        }
    }
    for (const Session& s : r.sessions) {
        ++w.sessions;
        w.active_s += s.active_s;
        if (counts_toward_goal(s)) ++w.counted;
    }
    w.met = meets_goal(r.goal, w.counted, w.active_s);
    r.weeks.push_back(w);
    return r;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < text.size()) {
        const size_t nl = text.find('\n', start);
        out.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

// The column (in characters) where `needle` starts in `line`.
size_t column_of(const std::string& line, std::string_view needle) {
    const size_t at = line.find(needle);
    REQUIRE(at != std::string::npos);
    return char_count(line.substr(0, at));
}

}  // namespace

TEST_CASE("minutes are rounded to the nearest, and the goal is judged on the same number") {
    CHECK(round_minutes(0) == 0);
    CHECK(round_minutes(29) == 0);
    CHECK(round_minutes(30) == 1);
    CHECK(round_minutes(35) == 1);
    CHECK(round_minutes(659) == 11);
    CHECK(round_minutes(3 * 659) == 33);  // cut, it was 32
    // 29 min 40 s shows as 30 of 30, so it has met the 30 minutes.
    CHECK(meets_goal(Goal{1, 30}, 1, 29 * 60 + 40));
    CHECK_FALSE(meets_goal(Goal{1, 30}, 1, 29 * 60 + 29));

    Report r = week_of(1, 659, 3);
    const std::string week = render_week(r, Style{false, true});
    CHECK(week.find("  Mon 16  ●       11 min\n") != std::string::npos);
    CHECK(week.find("  Minutes   33 of 30 min, met\n") != std::string::npos);
    const std::string history = render_history(r, Style{false, true});
    CHECK(history.find("   33 min  met") != std::string::npos);
}

TEST_CASE("marks are capped and always take exactly their width") {
    const Style u{false, true};
    CHECK(session_marks(2, 3, 6, u) == "●●○   ");
    CHECK(session_marks(6, 6, 6, u) == "●●●●●●");
    CHECK(session_marks(7, 7, 6, u) == "●●●●+3");
    CHECK(session_marks(10, 10, 6, u) == "●●●●+6");
    CHECK(session_marks(10, 100, 6, u) == "●●●+97");
    CHECK(session_marks(20, 20, 6, u) == "●●●+17");
    CHECK(session_marks(140, 140, 6, u) == "●●+138");
    CHECK(session_marks(5, 12345, 5, u) == "+12345");  // nothing else fits
    CHECK(session_marks(1, 3, 6, Style{false, false}) == "#oo   ");
    for (int all = 0; all < 200; ++all) {
        CAPTURE(all);
        CHECK(char_count(session_marks(all / 2, all, 6, u)) == 6);
        CHECK(char_count(session_marks(all / 2, all, 12, u)) == 12);
    }
}

TEST_CASE("a week of twenty sessions a day keeps its columns at 80 and at 40 columns") {
    const Report r = week_of(20, 900);
    for (const int width : {80, 40}) {
        CAPTURE(width);
        const std::vector<std::string> lines = lines_of(render_week(r, Style{false, true}, width));
        std::set<size_t> minutes_at;
        for (const std::string& line : lines) {
            CAPTURE(line);
            CHECK(static_cast<int>(char_count(line)) <= width);
            if (line.ends_with(" min") && line.starts_with("  ") && line[2] != ' ' &&
                line.find("of") == std::string::npos) {
                minutes_at.insert(column_of(line, " min"));
            }
        }
        CHECK(minutes_at.size() == 1);  // every day's minutes end in the same column
        CHECK(std::ranges::count(lines, "  Tue 17  ●●●+17 225 min") == 1);
    }
    // A day of more than 999 minutes widens the column for every day.
    const Report long_days = week_of(20, 5000, 2);
    const std::string text = render_week(long_days, Style{false, true});
    CHECK(text.find("  Mon 16  ●●●+17 1250 min\n") != std::string::npos);
    CHECK(text.find("  Wed 18  ·\n") != std::string::npos);
}

TEST_CASE("the history keeps its columns for any count, and gives up columns to fit") {
    Report r = week_of(20, 900);
    // Three more weeks: an empty one, a light one and a rated one.
    const std::array<int, 3> counts = {0, 2, 140};
    for (size_t i = 0; i < counts.size(); ++i) {
        WeekSummary w = r.weeks.back();
        w.start += days(7);
        w.name = week_name(w.start, WeekStart::monday);
        w.sessions = w.counted = counts[i];
        w.active_s = counts[i] * 600;
        w.pain = i == 2 ? PainTotals{12, 2, 6, 2, -6, 2} : PainTotals{};
        r.weeks.push_back(w);
    }
    for (const int width : {120, 80, 60, 40}) {
        CAPTURE(width);
        const std::vector<std::string> lines =
            lines_of(render_history(r, Style{false, true}, width));
        std::set<size_t> minutes_end;
        for (const std::string& line : lines) {
            CAPTURE(line);
            CHECK(static_cast<int>(char_count(line)) <= width);
            if (line.starts_with("2026-W")) minutes_end.insert(column_of(line, " min") + 4);
        }
        CHECK(minutes_end.size() == 1);
        CHECK(column_of(lines[2], "Minutes") + 7 == *minutes_end.begin());
        const bool pain = lines[2].find("Pain") != std::string::npos;
        CHECK(pain == (width >= 80));
        CHECK((lines[2].find("Starts") != std::string::npos) == (width >= 80));
        CHECK((lines[2].find("Sessions") != std::string::npos) == (width >= 60));
    }
    const std::string wide = render_history(r, Style{false, true}, 80);
    CHECK(wide.find("6.0 → 3.0 (-3.0)") != std::string::npos);
    CHECK(wide.find("140/3") != std::string::npos);
    CHECK(render_history(r, Style{false, false}, 80).find("6.0 -> 3.0 (-3.0)") !=
          std::string::npos);
}

TEST_CASE("notes are shown on one line each, with anything unsafe for a terminal replaced") {
    Report r = week_of(1, 600, 2);
    r.sessions[0].note = "felt easier\nafter the \x1b[31mwarm\x1b[0m soak";
    const std::string text = render_week(r, Style{false, true});
    CHECK(text.find("  Notes     Mon 16  neck-release: felt easier after the") !=
          std::string::npos);
    CHECK(text.find('\x1b') == std::string::npos);
}

TEST_CASE("pain averages and changes are written the same way everywhere") {
    CHECK(format_pain(std::nullopt) == "-");
    CHECK(format_pain(5.25) == "5.2");
    CHECK(format_change(-2.0) == "-2.0");
    CHECK(format_change(1.5) == "+1.5");
    CHECK(format_change(-0.01) == "0.0");
    const PainTotals p{12, 2, 7, 2, -5, 2};
    CHECK(*p.before() == 6.0);
    CHECK(*p.after() == 3.5);
    CHECK(*p.change() == -2.5);
    CHECK_FALSE(PainTotals{}.before());
}
