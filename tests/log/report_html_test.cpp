#include "report_html.hpp"

#include <doctest/doctest.h>

using namespace selfcare;
using namespace std::chrono;

namespace {

// Two weeks: a met one with ratings and a note, and one in progress.
Report two_weeks() {
    Report r;
    parse_date("2026-11-19", r.today);
    for (const char* start : {"2026-11-09", "2026-11-16"}) {
        WeekSummary w;
        parse_date(start, w.start);
        w.name = week_name(w.start, WeekStart::monday);
        r.weeks.push_back(w);
    }
    r.weeks[0].counted = r.weeks[0].sessions = 3;
    r.weeks[0].active_s = 1980;
    r.weeks[0].met = true;
    r.weeks[0].pain = PainTotals{18, 3, 9, 3, -9, 3};
    r.weeks[1].in_progress = true;
    r.weeks[1].goal = Goal{2, 20};
    Session s;
    s.date = r.weeks[0].start;
    s.routine = "neck-release";
    s.active_s = 660;
    s.note = "<img src=x onerror=alert(1)> & \"quotes\"";
    r.sessions = {s, s, s};
    r.sessions[1].note.clear();
    r.sessions[2].note.clear();
    r.goal = r.weeks[1].goal;
    return r;
}

}  // namespace

TEST_CASE("html_escape leaves no markup") {
    CHECK(html_escape("<a href='x'>\"&\"</a>") ==
          "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
    CHECK(html_escape("plain ünïcode") == "plain ünïcode");
}

TEST_CASE("the page holds the period, the goals, every week, the routines and the notes") {
    const std::string page = render_html(two_weeks());
    CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"));
    CHECK(page.find("2026-W46 to 2026-W47 (Mon 9 Nov to Sun 22 Nov)") != std::string::npos);
    CHECK(page.find("Goal: 3 sessions and 30 minutes a week; 2 sessions and 20 minutes from "
                    "2026-W47.") != std::string::npos);
    CHECK(page.find("1 of 1 finished weeks met the goal. 3 sessions counted, 33 minutes") !=
          std::string::npos);
    CHECK(page.find("<td>2026-W46</td><td class=\"text\">Mon 9 Nov</td><td>3</td><td>3 / 30 "
                    "min</td><td>33</td><td class=\"text\">met</td><td>6.0</td><td>3.0</td>"
                    "<td>-3.0</td>") != std::string::npos);
    CHECK(page.find("<td class=\"text\">in progress</td><td>–</td>") != std::string::npos);
    CHECK(page.find("<tr><td>neck-release</td><td>3</td><td>33</td></tr>") != std::string::npos);
    CHECK(page.find("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;") !=
          std::string::npos);
    // Nothing runs and nothing is fetched.
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("<img") == std::string::npos);
    CHECK(page.find("http") == std::string::npos);
    // The met week is a solid bar, and a bar never relies on colour.
    CHECK(page.find("fill=\"#000\"") != std::string::npos);
    CHECK(page.find("url(#hatch)") == std::string::npos);  // no missed week here
    CHECK(page.find("@page { size: A4;") != std::string::npos);
}

TEST_CASE("a week without ratings leaves a gap in the pain lines, and none at all no line") {
    Report r = two_weeks();
    const std::string page = render_html(r);
    CHECK(page.find("<path d=\"M") != std::string::npos);
    r.weeks[0].pain = {};
    CHECK(render_html(r).find("<path d=\"M") == std::string::npos);
}
