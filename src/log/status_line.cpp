#include "status_line.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "error.hpp"
#include "suggest.hpp"

namespace selfcare {
namespace {

// A field's value, as text and as JSON.
struct Value {
    std::string text;
    std::string json;
};

Value field(const Report& r, std::string_view name) {
    const WeekSummary& w = r.weeks.back();
    const int minutes = round_minutes(w.active_s);
    const auto number = [](int n) { return Value{std::to_string(n), std::to_string(n)}; };
    if (name == "done") return number(w.counted);
    if (name == "goal") return number(w.goal.sessions);
    if (name == "left") return number(std::max(0, w.goal.sessions - w.counted));
    if (name == "sessions") return number(w.sessions);
    if (name == "minutes") return number(minutes);
    if (name == "goal_minutes") return number(w.goal.minutes);
    if (name == "minutes_left") return number(std::max(0, w.goal.minutes - minutes));
    if (name == "met") return Value{w.met ? "yes" : "no", w.met ? "true" : "false"};
    const std::string week = format_iso_week(w.name);
    return Value{week, fmt::format("\"{}\"", week)};
}

bool known(std::string_view name) {
    return std::ranges::find(kStatusFields, name) != std::end(kStatusFields);
}

Error bad_format(std::string_view why) {
    return invalid_input(fmt::format("--format: {}", why));
}

}  // namespace

std::string render_status(const Report& r) {
    const WeekSummary& w = r.weeks.back();
    if (w.met) return fmt::format("{}/{} this week, goal met\n", w.counted, w.goal.sessions);
    return fmt::format("{}/{} this week, {}/{} min\n", w.counted, w.goal.sessions,
                       round_minutes(w.active_s), w.goal.minutes);
}

std::string render_status_format(const Report& r, std::string_view format) {
    std::string out;
    for (size_t i = 0; i < format.size(); ++i) {
        const char c = format[i];
        if (c == '}') {
            if (i + 1 < format.size() && format[i + 1] == '}') {
                out += '}';
                ++i;
                continue;
            }
            throw bad_format("a '}' with no '{' before it (write '}}' for a brace)");
        }
        if (c != '{') {
            out += c;
            continue;
        }
        if (i + 1 < format.size() && format[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        const size_t close = format.find('}', i);
        if (close == std::string_view::npos) {
            throw bad_format("a '{' with no '}' after it (write '{{' for a brace)");
        }
        const std::string_view name = format.substr(i + 1, close - i - 1);
        if (!known(name)) {
            const std::vector<std::string_view> names(std::begin(kStatusFields),
                                                      std::end(kStatusFields));
            const std::string near = closest_match(name, names);
            throw bad_format(
                fmt::format("no field '{}'{}; the fields are {}", name,
                            near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near),
                            fmt::join(kStatusFields, ", ")));
        }
        out += field(r, name).text;
        i = close;
    }
    return out + "\n";
}

std::string render_status_json(const Report& r) {
    std::vector<std::string> parts;
    for (const std::string_view name : kStatusFields)
        parts.push_back(fmt::format("\"{}\": {}", name, field(r, name).json));
    return fmt::format("{{{}}}\n", fmt::join(parts, ", "));
}

}  // namespace selfcare
