#include "report_export.hpp"

#include <fmt/format.h>

#include "json.hpp"

namespace selfcare {
namespace {

using std::chrono::days;

// A pain average with one decimal, or null / an empty CSV field.
std::string json_number(const std::optional<double>& v) {
    return v ? fmt::format("{:.1f}", *v) : std::string("null");
}
std::string csv_number(const std::optional<double>& v) {
    return v ? fmt::format("{:.1f}", *v) : std::string();
}

std::string session_json(const Session& s) {
    const auto pain = [](const std::optional<int>& v) {
        return v ? std::to_string(*v) : std::string("null");
    };
    return fmt::format(
        R"({{"id": "{}", "date": "{}", "start": {}, "routine": {}, "title": {}, )"
        R"("active_seconds": {}, "planned_seconds": {{"min": {}, "max": {}}}, )"
        R"("segments_done": {}, "segments_total": {}, "pain_before": {}, "pain_after": {}, )"
        R"("outcome": "{}", "counts": {}, "source": "{}", "device": {}, "note": {}}})",
        format_id(s.id), format_date(s.date), json_string(s.start), json_string(s.routine),
        json_string(s.title), s.active_s, s.planned_min_s, s.planned_max_s, s.segments_done,
        s.segments_total, pain(s.pain_before), pain(s.pain_after), to_string(s.outcome),
        counts_toward_goal(s), to_string(s.source), json_string(s.device),
        s.note.empty() ? std::string("null") : json_string(s.note));
}

std::string week_json(const WeekSummary& w) {
    return fmt::format(
        R"({{"week": "{}", "from": "{}", "to": "{}", "sessions": {}, "counted": {}, )"
        R"("minutes": {}, "met": {}, "in_progress": {}, "streak": {}, )"
        R"("goal": {{"sessions": {}, "minutes": {}}}, )"
        R"("pain_before": {}, "pain_after": {}, "pain_change": {}}})",
        format_iso_week(w.name), format_date(w.start), format_date(w.start + days(6)), w.sessions,
        w.counted, round_minutes(w.active_s), w.met, w.in_progress, w.streak, w.goal.sessions,
        w.goal.minutes, json_number(w.pain.before()), json_number(w.pain.after()),
        json_number(w.pain.change()));
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
        "segments_total,pain_before,pain_after,outcome,counts,source,device,note\r\n";
    const auto pain = [](const std::optional<int>& v) { return v ? std::to_string(*v) : ""; };
    for (const Session& s : r.sessions) {
        out += fmt::format(
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n", format_id(s.id),
            format_date(s.date), s.start, s.routine, csv_field(s.title), s.active_s,
            s.planned_min_s, s.planned_max_s, s.segments_done, s.segments_total,
            pain(s.pain_before), pain(s.pain_after), to_string(s.outcome),
            counts_toward_goal(s) ? "yes" : "no", to_string(s.source), s.device, csv_field(s.note));
    }
    return out;
}

std::string render_weeks_csv(const Report& r) {
    std::string out =
        "week,from,to,sessions,counted,minutes,goal_sessions,goal_minutes,met,in_progress,"
        "streak,pain_before,pain_after,pain_change\r\n";
    for (const WeekSummary& w : r.weeks) {
        out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n", format_iso_week(w.name),
                           format_date(w.start), format_date(w.start + days(6)), w.sessions,
                           w.counted, round_minutes(w.active_s), w.goal.sessions, w.goal.minutes,
                           w.met ? "yes" : "no", w.in_progress ? "yes" : "no", w.streak,
                           csv_number(w.pain.before()), csv_number(w.pain.after()),
                           csv_number(w.pain.change()));
    }
    return out;
}

}  // namespace selfcare
