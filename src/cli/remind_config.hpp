#pragma once
// When the reminder timer may nudge: the [remind] table of config.toml.
//
//     [remind]
//     time = "18:00"                      # not before this time of day
//     days = ["mon", "wed", "fri"]         # only on these days (default: every day)
//     quiet = ["22:00", "08:00"]           # never from 22:00 until 08:00; [] for never quiet
//
// The systemd timer (dist/systemd/) wakes `selfcare remind --notify --timer`
// every quarter of an hour; this decides whether that moment is the one.

#include <array>
#include <string>
#include <vector>

#include "calendar.hpp"
#include "toml_reader.hpp"

namespace selfcare {

struct ReminderTimes {
    int time = 18 * 60;  // minutes after midnight
    std::array<bool, 7> days = {true, true, true, true, true, true, true};  // Sunday first
    int quiet_from = 22 * 60;                                               // -1: no quiet hours
    int quiet_until = 8 * 60;

    // The moment `local` falls on one of `days`, at or after `time`, and
    // outside the quiet hours (which may run past midnight).
    bool allows(const LocalTime& local) const;
};

// The settings as `selfcare config` shows them, by name.
std::string reminder_time_text(const ReminderTimes& r);
std::string reminder_days_text(const ReminderTimes& r);
std::string reminder_quiet_text(const ReminderTimes& r);

// Reads the [remind] table into `out`, reporting every problem to `file`.
// `set` is called with each setting's name, the value given and how it
// reads back, so the config can note where it came from.
void read_reminder_times(
    TomlFile& file, const TomlValue& table, ReminderTimes& out,
    const std::function<void(std::string_view, const TomlValue&, std::string)>& set);

}  // namespace selfcare
