#pragma once
// `selfcare remind`: one line when the week is behind pace for the goal,
// nothing when it is on track, so that it can sit in a shell's start-up
// file, in cron, or behind the systemd timer in dist/systemd/.

#include "context.hpp"

namespace selfcare {

struct RemindOptions {
    bool notify = false;  // a desktop notification instead of a line
    // Called by the timer: only at the moment config.toml's [remind] allows,
    // and at most once a day.
    bool timer = false;
};

// Returns 0 whether or not there was something to say, and when the
// notification could not be shown (no notify-send, no notification
// service). Throws Error for a config with mistakes or a log that cannot be
// read.
int cmd_remind(const RemindOptions& options, const Context& context);

}  // namespace selfcare
