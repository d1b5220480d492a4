#include "status_line.hpp"

#include <doctest/doctest.h>

#include "error.hpp"

using namespace selfcare;

namespace {

Report this_week(int counted, int sessions, int active_s) {
    Report r;
    parse_date("2026-11-19", r.today);
    WeekSummary w;
    parse_date("2026-11-16", w.start);
    w.name = week_name(w.start, WeekStart::monday);
    w.counted = counted;
    w.sessions = sessions;
    w.active_s = active_s;
    w.met = meets_goal(r.goal, counted, active_s);
    w.in_progress = true;
    r.weeks.push_back(w);
    return r;
}

}  // namespace

TEST_CASE("the status line rounds minutes like every other view") {
    CHECK(render_status(this_week(2, 3, 1199)) == "2/3 this week, 20/30 min\n");
    CHECK(render_status(this_week(3, 3, 1790)) == "3/3 this week, goal met\n");
}

TEST_CASE("--format fills in every field, keeps other text and doubles braces") {
    const Report r = this_week(2, 3, 1199);
    CHECK(render_status_format(r, "{done}/{goal} {minutes}m") == "2/3 20m\n");
    CHECK(render_status_format(r, "{left} left, {minutes_left} min to go ({week}, {met})") ==
          "1 left, 10 min to go (2026-W47, no)\n");
    CHECK(render_status_format(r, "{sessions} logged of {goal_minutes}") == "3 logged of 30\n");
    CHECK(render_status_format(r, "{{done}} }}") == "{done} }\n");
    CHECK(render_status_format(r, "") == "\n");
    CHECK(render_status_format(this_week(4, 4, 2400), "{left} {minutes_left} {met}") ==
          "0 0 yes\n");
}

TEST_CASE("--format names the field it does not know, and a stray brace") {
    const Report r = this_week(2, 3, 1199);
    const auto message = [&](std::string_view format) {
        try {
            render_status_format(r, format);
        } catch (const Error& e) {
            CHECK(e.code() == ExitCode::invalid_input);
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(message("{dne}") ==
          "--format: no field 'dne' (did you mean 'done'?); the fields are done, goal, left, "
          "sessions, minutes, goal_minutes, minutes_left, met, week");
    CHECK(message("{done") == "--format: a '{' with no '}' after it (write '{{' for a brace)");
    CHECK(message("done}") == "--format: a '}' with no '{' before it (write '}}' for a brace)");
    CHECK(message("{$(touch pwned)}").starts_with("--format: no field '$(touch pwned)'; "));
}

TEST_CASE("--json has every field, as numbers, a boolean and a string") {
    CHECK(render_status_json(this_week(2, 3, 1199)) ==
          R"({"done": 2, "goal": 3, "left": 1, "sessions": 3, "minutes": 20, "goal_minutes": 30, )"
          R"("minutes_left": 10, "met": false, "week": "2026-W47"})"
          "\n");
}
