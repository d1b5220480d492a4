#pragma once
// The log commands: `log` (the weekly report), `log add` and `status`. Each
// takes its parsed options; the CLI reads the clock and the environment once
// and passes them in, so tests can fix "now".

#include <optional>
#include <string>

#include "context.hpp"

namespace selfcare {

struct LogOptions {
    std::optional<std::string> week;  // --week [WHEN]; "" when given without a value
    int weeks = 0;                    // --weeks N: a history of N weeks; 0 for one week
    bool json = false;
    bool csv = false;
};

// Prints the report; warnings about damaged lines go to stderr after it.
int cmd_log(const LogOptions& options, const Context& context);

struct LogAddOptions {
    std::string routine;  // a routine name, or any name for another activity
    std::string at;       // --at WHEN; "" for now
    std::optional<int> minutes;
    std::optional<int> pain_before;
    std::optional<int> pain_after;
};

// Records a session done away from the timer through the same append path
// as `run`. A known routine gives the title, planned time and, by default,
// the length; any other activity needs --minutes.
int cmd_log_add(const LogAddOptions& options, const Context& context);

// One short line about this week: "2/3 this week, 20/30 min".
int cmd_status(const Context& context);

}  // namespace selfcare
