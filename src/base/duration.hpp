#pragma once
// Durations as people write them in routines ("45s", "1m30s", "5m") and as
// selfcare prints them ("1:30", "1 min 30 s").

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace selfcare {

using Seconds = std::chrono::seconds;

// Longest duration any single value may have.
inline constexpr Seconds kMaxDuration = std::chrono::hours(24);

// A parse outcome: the value, or why the text is not a duration.
struct DurationParse {
    std::optional<Seconds> value;
    std::string error;
};

// Parses "45s", "1m30s", "5m", "1h", "1h15m" (units h, m, s in that order,
// each at most once). Plain numbers are refused: units are required in text,
// a bare integer is given as a TOML integer instead. The result is not range
// checked; see check_duration_range.
DurationParse parse_duration(std::string_view text);

// Empty when 1 s <= d <= 24 h, otherwise a sentence saying what is wrong.
std::string check_duration_range(Seconds d);

// "0:05", "1:30", "12:00", "1:05:00".
std::string format_clock(Seconds d);

// "30 s", "1 min 30 s", "5 min", "1 h 5 min": for cues and prose.
std::string format_spoken(Seconds d);

}  // namespace selfcare
