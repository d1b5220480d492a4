#include "plan_view.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "json.hpp"

namespace selfcare {

std::string format_span(Seconds min, Seconds max) {
    if (min == max) return format_clock(min);
    return fmt::format("{}-{}", format_clock(min), format_clock(max));
}

std::string seconds_json(Seconds min, Seconds max) {
    return fmt::format(R"({{"min": {}, "max": {}}})", min.count(), max.count());
}

namespace {

std::string breath_pattern(const Segment& s) {
    std::vector<std::string> parts;
    for (const BreathPhase& p : s.breath) {
        parts.push_back(fmt::format("{} {}", to_string(p.kind), p.length.count()));
    }
    return fmt::format("{}", fmt::join(parts, " "));
}

// "left side", "spot 2 of 4", "spot 2 of 4, left side".
std::string where_in_step(const Segment& s) {
    std::string out = s.label;
    if (!s.side.empty() && s.label.find(s.side) == std::string::npos) {
        if (!out.empty()) out += ", ";
        out += fmt::format("{} side", s.side);
    }
    return out;
}

std::string plural(long long n, std::string_view word) {
    return n == 1 ? std::string(word) : fmt::format("{}s", word);
}

}  // namespace

std::string describe(const Segment& s) {
    const std::string where = where_in_step(s);
    switch (s.kind) {
        case SegmentKind::between:
            return fmt::format("Get ready: {}", where.empty() ? s.title : where);
        case SegmentKind::breathe:
            return fmt::format("{}: {} {} ({})", s.title, s.cycles, plural(s.cycles, "breath"),
                               breath_pattern(s));
        case SegmentKind::hold:
        case SegmentKind::work:
        case SegmentKind::rest:
            break;
    }
    return where.empty() ? s.title : fmt::format("{}, {}", s.title, where);
}

std::string render_plan(const Schedule& schedule) {
    std::string out = fmt::format("{} ({})\n", schedule.title, schedule.name);
    if (!schedule.summary.empty()) out += schedule.summary + "\n";
    for (const std::string& caution : schedule.cautions)
        out += fmt::format("Caution: {}\n", caution);

    struct Row {
        std::string start, length, step, what;
    };
    std::vector<Row> rows;
    Seconds at_min{0}, at_max{0};
    for (const Segment& s : schedule.segments) {
        rows.push_back({format_span(at_min, at_max), format_span(s.min, s.max),
                        fmt::format("{}/{}", s.step, schedule.step_count), describe(s)});
        at_min += s.min;
        at_max += s.max;
    }
    size_t w_start = 5, w_length = 6, w_step = 4;
    for (const Row& r : rows) {
        w_start = std::max(w_start, r.start.size());
        w_length = std::max(w_length, r.length.size());
        w_step = std::max(w_step, r.step.size());
    }
    out += fmt::format("\n{:>{}}  {:>{}}  {:>{}}  {}\n", "start", w_start, "length", w_length,
                       "step", w_step, "what");
    for (const Row& r : rows) {
        out += fmt::format("{:>{}}  {:>{}}  {:>{}}  {}\n", r.start, w_start, r.length, w_length,
                           r.step, w_step, r.what);
    }
    out += fmt::format("\nTotal {} in {} {}\n", format_span(schedule.total_min, schedule.total_max),
                       schedule.step_count, plural(schedule.step_count, "step"));
    return out;
}

std::string render_plan_json(const Schedule& schedule) {
    std::vector<std::string> cautions;
    for (const std::string& c : schedule.cautions)
        cautions.push_back(json_string(c));
    std::vector<std::string> segments;
    Seconds at_min{0}, at_max{0};
    for (const Segment& s : schedule.segments) {
        std::vector<std::string> breath;
        for (const BreathPhase& p : s.breath) {
            breath.push_back(fmt::format(R"({{"phase": {}, "seconds": {}}})",
                                         json_string(to_string(p.kind)), p.length.count()));
        }
        segments.push_back(fmt::format(
            R"(    {{"step": {}, "routine": {}, "title": {}, "label": {}, "side": {}, "kind": {}, )"
            R"("repeat": {}, "repeat_count": {}, "cue": {}, "seconds": {}, "start_seconds": {}, )"
            R"("cycles": {}, "breath": [{}]}})",
            s.step, json_string(s.routine), json_string(s.title), json_string(s.label),
            json_string(s.side), json_string(to_string(s.kind)), s.repeat, s.repeat_count,
            json_string(s.cue), seconds_json(s.min, s.max), seconds_json(at_min, at_max), s.cycles,
            fmt::join(breath, ", ")));
        at_min += s.min;
        at_max += s.max;
    }
    return fmt::format(
        "{{\n  \"name\": {},\n  \"title\": {},\n  \"summary\": {},\n  \"cautions\": [{}],\n"
        "  \"step_count\": {},\n  \"total_seconds\": {},\n  \"segments\": [\n{}\n  ]\n}}\n",
        json_string(schedule.name), json_string(schedule.title), json_string(schedule.summary),
        fmt::join(cautions, ", "), schedule.step_count,
        seconds_json(schedule.total_min, schedule.total_max), fmt::join(segments, ",\n"));
}

}  // namespace selfcare
