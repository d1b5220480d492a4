#pragma once
// The log commands: `log` (the weekly report), `log add` and `status`. Each
// takes its parsed options; the CLI reads the clock and the environment once
// and passes them in, so tests can fix "now".

#include <optional>
#include <string>

#include "config.hpp"
#include "context.hpp"
#include "report.hpp"

namespace selfcare {

struct LogOptions {
    std::optional<std::string> week;  // --week [WHEN]; "" when given without a value
    int weeks = 0;                    // --weeks N: a history of N weeks; 0 for one week
    bool json = false;
    // --csv [sessions|weeks]: one row per session (the default), or per week.
    std::optional<std::string> csv;
    std::string html;  // --html FILE, or "-" for standard output; "" for none
};

// Prints the report; warnings about damaged lines go to stderr after it.
int cmd_log(const LogOptions& options, const Context& context);

struct LogAddOptions {
    std::string routine;  // a routine name, or any name for another activity
    std::string at;       // --at WHEN; "" for now
    std::optional<int> minutes;
    std::optional<int> pain_before;
    std::optional<int> pain_after;
    std::string note;           // --note TEXT
    bool new_activity = false;  // --new: a name close to a routine's is meant as it is
};

// Records a session done away from the timer through the same append path
// as `run`. A known routine gives the title, planned time and, by default,
// the length; any other activity needs --minutes. A name that is not a
// routine but is close to one is refused as a likely typo, unless it was
// logged before or --new says it is meant.
int cmd_log_add(const LogAddOptions& options, const Context& context);

// Removes the session with this id (or id prefix) by appending a removal.
int cmd_log_remove(const std::string& id, const Context& context);

// Removes the last session this device recorded, the same way.
int cmd_log_undo(const Context& context);

struct StatusOptions {
    std::string format;  // --format TEXT with {fields}; "" for the usual line
    bool json = false;
};

// One short line about this week: "2/3 this week, 20/30 min". Never warns:
// it is meant for a prompt, and `log` tells what is wrong with the log.
int cmd_status(const StatusOptions& options, const Context& context);

// The week that holds `day`, totals only (no sessions kept, no streak),
// judged against the goal in `config`: what `status`, `remind`, the front
// door and a run's summary show. Throws Error when the log cannot be read.
Report week_totals(const Context& context, const Config& config, Date day);

}  // namespace selfcare
