#include "remind_config.hpp"

#include <fmt/format.h>

#include "suggest.hpp"

namespace selfcare {
namespace {

using namespace std::string_view_literals;

constexpr std::array kRemindKeys = {"time"sv, "days"sv, "quiet"sv};
constexpr std::array kDayNames = {"sun"sv, "mon"sv, "tue"sv, "wed"sv, "thu"sv, "fri"sv, "sat"sv};

std::string clock_text(int minutes) {
    return fmt::format("\"{:02}:{:02}\"", minutes / 60, minutes % 60);
}

// "18:00" or "8:30", or -1.
int parse_clock(std::string_view text) {
    const size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() != colon + 3)
        return -1;
    int hours = 0, minutes = 0;
    for (const char c : text.substr(0, colon)) {
        if (c < '0' || c > '9') return -1;
        hours = hours * 10 + (c - '0');
    }
    for (const char c : text.substr(colon + 1)) {
        if (c < '0' || c > '9') return -1;
        minutes = minutes * 10 + (c - '0');
    }
    return hours < 24 && minutes < 60 ? hours * 60 + minutes : -1;
}

std::optional<int> clock(TomlFile& file, const TomlValue& value, std::string_view what) {
    const int minutes = value.type == TomlType::string ? parse_clock(value.text) : -1;
    if (minutes >= 0) return minutes;
    file.problem(value.at, fmt::format("{} must be a time of day like \"18:30\"", what));
    return std::nullopt;
}

void read_days(TomlFile& file, const TomlValue& value, ReminderTimes& out) {
    if (value.type != TomlType::array || value.items.empty()) {
        file.problem(value.at, "'days' must be a list of days like [\"mon\", \"wed\", \"fri\"]");
        return;
    }
    std::array<bool, 7> days{};
    for (const TomlValue& item : value.items) {
        const auto it = item.type == TomlType::string
                            ? std::find(kDayNames.begin(), kDayNames.end(), item.text)
                            : kDayNames.end();
        if (it == kDayNames.end()) {
            const std::string near =
                item.type == TomlType::string ? closest_match(item.text, kDayNames) : "";
            file.problem(
                item.at,
                fmt::format("a day is one of \"mon\", \"tue\", ... \"sun\"{}",
                            near.empty() ? "" : fmt::format("; did you mean \"{}\"?", near)));
            return;
        }
        days[static_cast<size_t>(it - kDayNames.begin())] = true;
    }
    out.days = days;
}

void read_quiet(TomlFile& file, const TomlValue& value, ReminderTimes& out) {
    if (value.type != TomlType::array || (value.items.size() != 2 && !value.items.empty())) {
        file.problem(value.at,
                     "'quiet' must be [\"FROM\", \"UNTIL\"] like [\"22:00\", \"08:00\"], or []");
        return;
    }
    if (value.items.empty()) {
        out.quiet_from = out.quiet_until = -1;
        return;
    }
    const auto from = clock(file, value.items[0], "the start of the quiet hours");
    const auto until = clock(file, value.items[1], "the end of the quiet hours");
    if (from && until) {
        out.quiet_from = *from;
        out.quiet_until = *until;
    }
}

}  // namespace

bool ReminderTimes::allows(const LocalTime& local) const {
    const unsigned weekday = std::chrono::weekday(local.date).c_encoding();
    const int now = static_cast<int>(local.time_of_day.count() / 60);
    if (!days[weekday] || now < time) return false;
    if (quiet_from < 0 || quiet_from == quiet_until) return true;
    const bool quiet = quiet_from < quiet_until ? now >= quiet_from && now < quiet_until
                                                : now >= quiet_from || now < quiet_until;
    return !quiet;
}

std::string reminder_time_text(const ReminderTimes& r) {
    return clock_text(r.time);
}

std::string reminder_days_text(const ReminderTimes& r) {
    std::vector<std::string> names;
    for (size_t i = 1; i <= 7; ++i) {  // Monday first, as people list them
        if (r.days[i % 7]) names.push_back(fmt::format("\"{}\"", kDayNames[i % 7]));
    }
    return fmt::format("[{}]", fmt::join(names, ", "));
}

std::string reminder_quiet_text(const ReminderTimes& r) {
    if (r.quiet_from < 0) return "[]";
    return fmt::format("[{}, {}]", clock_text(r.quiet_from), clock_text(r.quiet_until));
}

void read_reminder_times(
    TomlFile& file, const TomlValue& table, ReminderTimes& out,
    const std::function<void(std::string_view, const TomlValue&, std::string)>& set) {
    file.check_keys(table, kRemindKeys, "[remind]");
    if (const TomlValue* v = table.get("time")) {
        if (const auto minutes = clock(file, *v, "'time'")) {
            out.time = *minutes;
            set("remind.time", *v, reminder_time_text(out));
        }
    }
    if (const TomlValue* v = table.get("days")) {
        read_days(file, *v, out);
        set("remind.days", *v, reminder_days_text(out));
    }
    if (const TomlValue* v = table.get("quiet")) {
        read_quiet(file, *v, out);
        set("remind.quiet", *v, reminder_quiet_text(out));
    }
}

}  // namespace selfcare
