#pragma once
// What the person sees: full-screen frames for a terminal that can draw, and
// one plain line per event for anything else (a pipe, a screen reader, CI).
// Pure functions of the sequencer's view; the runner writes their output.

#include <string>
#include <vector>

#include "sequencer.hpp"
#include "style.hpp"

namespace selfcare {

struct Frame {
    const Schedule* schedule = nullptr;
    View view;
    int width = 80;
    int height = 24;
    bool show_help = false;
    int first = 0;       // the segment the run starts at (--resume, --from)
    std::string notice;  // shown in the banner line when not paused (the time left)
    Style style;
};

// The lines of the screen, top to bottom, each fitted to the width and
// coloured as the style says; as many as the terminal is high.
std::vector<std::string> frame_lines(const Frame& frame);

// What to write to turn a screen showing `before` into one showing `after`:
// only the lines that differ, each moved to and cleared to its end, so a
// countdown second costs a line or two. When the number of lines differs
// (the first frame, a resize) the whole screen is drawn from the top-left
// corner over what was there, so it never flickers.
std::string screen_update(const std::vector<std::string>& before,
                          const std::vector<std::string>& after);

// The whole screen: screen_update from nothing.
std::string render_frame(const Frame& frame);

// How full the breathing bar is, 0 to 1: filling on an in-breath, full or
// empty on a hold (whichever the breath before it left), emptying on an
// out-breath.
double breath_level(const Segment& segment, int phase, double phase_elapsed, double phase_length);

// `text` broken into lines of at most `width` characters at spaces.
std::vector<std::string> wrap(std::string_view text, int width);

}  // namespace selfcare
