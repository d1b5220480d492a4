#pragma once
// The user's settings: $XDG_CONFIG_HOME/selfcare/config.toml (docs/config.md).
//
//     week_start = "monday"        # or "sunday"
//     rate_pain = false            # ask for pain 0-10 before and after a run
//     [goal]
//     sessions = 3                 # sessions a week that count
//     minutes = 30                 # minutes a week
//     [cues]
//     bell = true                  # the terminal bell at transitions
//     say = ["espeak-ng", "{text}"]  # a speech command, run without a shell
//     [remind]                     # when the reminder timer may nudge (remind_config.hpp)
//     time = "18:00"
//
// A missing file means every default. Mistakes are reported like a routine's:
// "path:line:col: message" with the line and a caret, and "did you mean" for a
// misspelt key.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "calendar.hpp"
#include "goal.hpp"
#include "remind_config.hpp"

namespace selfcare {

// Where a setting's value came from: "default", or "path:line".
struct Setting {
    std::string name;   // "goal.sessions"
    std::string value;  // as TOML: 3, "monday", ["espeak-ng", "{text}"]
    std::string origin;
};

struct Config {
    Goal goal;
    WeekStart week_start = WeekStart::monday;
    bool rate_pain = false;
    bool bell = true;
    // The speech command as an argument list; "{text}" in any argument is
    // replaced by what to say. Empty: no spoken cues.
    std::vector<std::string> say;
    ReminderTimes remind;

    // Every setting with its value and origin, in the order `selfcare config`
    // prints them.
    std::vector<Setting> settings;
};

// The defaults, with every origin "default".
Config default_config();

// Parses config text. `path` is used in messages and origins. Throws Error
// (invalid input) listing every problem found.
Config parse_config(std::string_view text, const std::string& path);

// Reads `path` when it exists, else returns the defaults. Throws Error when
// the file exists but cannot be read or has problems.
Config load_config(const std::filesystem::path& path);

// Limits on the speech command.
inline constexpr size_t kMaxSayArgs = 16;
inline constexpr size_t kMaxSayArgLength = 200;

}  // namespace selfcare
