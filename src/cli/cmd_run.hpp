#pragma once
// `selfcare run`: play a routine to the person, then record it in the log.

#include <string>

#include "context.hpp"

namespace selfcare {

struct RunCommandOptions {
    std::string target;  // a routine name or a path
    double speed = 1.0;  // anything but 1 is a preview and is not logged
    std::string events;  // --events PATH, "-" for standard output
    bool plain = false;
    bool no_color = false;
    bool quiet = false;  // no bells, no speech
    bool say = false;    // speak through the first speech program found
    bool rate = false;   // ask for pain before and after
    bool no_log = false;
    std::string note;  // --note: kept with the session as an amendment
};

// Runs the routine, prints a summary and records the session (see
// record_run). Throws Error for a routine with problems (exit 2) and for a
// session that could not be saved (exit 1, after the summary).
int cmd_run(const RunCommandOptions& options, const Context& context);

}  // namespace selfcare
