#pragma once
// `selfcare status`: this week in one line, for a shell prompt or a status
// bar (waybar, polybar, tmux). Only the line: warnings about the log belong
// to `selfcare log`, not to every prompt.

#include <string>
#include <string_view>

#include "report.hpp"

namespace selfcare {

// "2/3 this week, 20/30 min", or "3/3 this week, goal met". REQUIRES: the
// report holds the current week (it is the last).
std::string render_status(const Report& r);

// The fields a --format may name, in the order `status --help` lists them.
inline constexpr std::string_view kStatusFields[] = {
    "done", "goal", "left", "sessions", "minutes", "goal_minutes", "minutes_left", "met", "week"};

// `format` with each {field} replaced ("{done}/{goal} {minutes}m" gives
// "2/3 20m") and "{{" and "}}" standing for braces, then a newline. Throws
// Error (invalid input) naming an unknown field, with "did you mean", or an
// unmatched brace.
std::string render_status_format(const Report& r, std::string_view format);

// The same fields as one JSON object on one line.
std::string render_status_json(const Report& r);

}  // namespace selfcare
