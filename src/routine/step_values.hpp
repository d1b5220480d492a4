#pragma once
// The values inside a routine's steps that have a language of their own:
// durations ("45s", "1m30s" or whole seconds), hold ranges ("20s..30s"),
// sides, label templates and breathing patterns. Each reader reports what is
// wrong to the file, at the value, and returns nothing for it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "routine.hpp"
#include "toml_reader.hpp"

namespace selfcare {

class StepValues {
  public:
    explicit StepValues(TomlFile& file) : file_(file) {}

    // The duration under `key` in `table`, if there is one.
    std::optional<Seconds> duration(const TomlValue& table, std::string_view key);
    // `hold`: a fixed duration or "MIN..MAX", into step.min and step.max.
    void hold_range(const TomlValue& value, Step& step);
    // 1 to 4 distinct short names, like ["left", "right"].
    std::vector<std::string> sides(const TomlValue& value);
    // The `label` template, which may use {n}, {count} and {side}.
    std::optional<std::string> label(const TomlValue& table);
    // One breath: ["inhale 4s", "hold 2s", "exhale 6s"], with an inhale and
    // an exhale, no phase twice in a row, and no phase over a minute.
    std::vector<BreathPhase> breath(const TomlValue& value);

  private:
    std::optional<Seconds> duration_value(const TomlValue& value, std::string_view key);
    std::optional<Seconds> duration_text(const TomlValue& value, std::string_view key,
                                         std::string_view text);
    std::optional<BreathPhase> phase(const TomlValue& item);

    TomlFile& file_;
};

}  // namespace selfcare
