#pragma once
// Schedule expansion: a routine, with its includes, flattened into the timed
// segments the sequencer plays. A pure function; it is the one source of
// truth for `show`, `run` and the planned time that the log records.

#include <string>
#include <string_view>
#include <vector>

#include "routine.hpp"

namespace selfcare {

enum class SegmentKind {
    work,     // a timed step, or one repeat or side of it
    hold,     // like work, but may end early after `min` and ends itself at `max`
    between,  // the gap between repeats or sides: moving the ball, switching sides
    rest,
    breathe,  // `cycles` of the `breath` pattern
};
std::string_view to_string(SegmentKind kind);

struct Segment {
    int step = 0;         // 1-based, counting the steps of included routines
    std::string routine;  // the routine the step was written in
    std::string title;
    std::string label;  // the step's label with {n}, {count} and {side} filled in
    std::string cue;
    std::string side;  // empty when the step has no sides
    int repeat = 1;
    int repeat_count = 1;
    SegmentKind kind = SegmentKind::work;
    Seconds min{0};  // equal to max except for a hold
    Seconds max{0};
    std::vector<BreathPhase> breath;  // breathe: one cycle
    int cycles = 0;
};

struct Schedule {
    std::string name;
    std::string title;
    std::string summary;
    std::vector<std::string> cautions;  // the routine's, then each included one's, once each
    int step_count = 0;
    std::vector<Segment> segments;
    Seconds total_min{0};
    Seconds total_max{0};
};

// No routine may expand to more segments than this, or last longer than
// kMaxRoutineLength; expansion stops with an error as soon as it would.
inline constexpr size_t kMaxSegments = 10'000;
inline constexpr Seconds kMaxRoutineLength = std::chrono::hours(24);

// A routine played out into segments, or the limit it passed.
struct Expansion {
    Schedule schedule;
    std::string problem;  // when not empty, `schedule` stopped short and must not be used
};

// REQUIRES: `routine` loaded through the catalog (includes resolved, no
// problems). Expansion stops at the first limit above that it would pass.
Expansion expand(const Routine& routine);

// The label template filled in: "spot {n} of {count}" -> "spot 2 of 4".
std::string fill_label(std::string_view label, int n, int count, std::string_view side);

}  // namespace selfcare
