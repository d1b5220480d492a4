#pragma once
// The routine model: what a routine file says, checked and typed, before it is
// expanded into a timed schedule (schedule.hpp).

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "duration.hpp"
#include "error.hpp"

namespace selfcare {

struct Routine;

enum class BreathKind { inhale, hold, exhale };
std::string_view to_string(BreathKind kind);

struct BreathPhase {
    BreathKind kind;
    Seconds length;
    bool operator==(const BreathPhase&) const = default;
};

enum class StepKind {
    timed,    // `duration`, or `hold` as a fixed length or a range
    rest,     // `rest`
    breathe,  // `breathe` with `duration` or `cycles`
    include,  // `include`: another routine's steps spliced in
};

struct Step {
    StepKind kind = StepKind::timed;
    std::string title;
    std::string cue;
    std::string label;  // template with {n}, {count} and {side}; may be empty
    Seconds min{0};     // timed and rest: the length; a hold range's minimum
    Seconds max{0};     // equal to min except for a hold range
    int repeat = 1;
    Seconds between{0};  // gap between repeats, and between sides unless set below
    std::optional<Seconds> between_sides;  // gap between sides, when it differs
    std::string between_cue;               // what to do in the gaps: "roll the ball higher"
    Seconds prepare{0};                    // a get-ready before the step; 0 for none
    std::vector<std::string> sides;        // empty: the step has no sides
    std::vector<BreathPhase> breath;       // breathe: one cycle
    int cycles = 0;                        // breathe: how many cycles

    // include: what was written (a routine's name, or a path from this
    // file's folder), where it was written (for errors), and, once the
    // catalog has resolved it, the routine itself.
    std::string include;
    Diagnostic include_site;
    std::shared_ptr<const Routine> included;

    bool is_range() const { return min != max; }
};

struct Routine {
    std::string name;  // the file's stem: "neck-release"
    std::string path;  // where it was read from, as shown in messages
    std::string title;
    std::string summary;
    std::string caution;
    std::vector<Step> steps;
};

}  // namespace selfcare
