#pragma once
// The runner: plays a schedule to a person. It sleeps until the next thing
// to do, turns keys and signals into sequencer commands, draws the screen or
// prints plain lines, plays cues and writes the event stream. It returns what
// happened; recording it is the caller's business.

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "announcer.hpp"
#include "clock.hpp"
#include "screen.hpp"
#include "sequencer.hpp"
#include "terminal.hpp"

namespace selfcare {

struct RunOptions {
    double speed = 1.0;    // 0.1 to 1000
    Seconds get_ready{5};  // before the first segment, in schedule time
    TerminalMode mode = TerminalMode::screen;
    Style style;
    bool bell = true;
    std::vector<std::string> say;           // speech command with "{text}"; empty: silent
    SpeechOptions speech;                   // how much is said, and counting aloud
    std::function<void(const Cue&)> heard;  // told every cue played; for tests
    std::FILE* events = nullptr;            // --events; not owned
    // Where to begin: a segment, and the schedule time left in it (zero:
    // all of it). --resume and --from.
    int start_segment = 0;
    std::chrono::milliseconds start_left{0};
};

// REQUIRES: schedule has at least one segment. Runs until the routine ends,
// the person quits or a stop signal arrives.
RunTotals run_schedule(const Schedule& schedule, const RunOptions& options, const Clock& clock,
                       Terminal& terminal);

}  // namespace selfcare
