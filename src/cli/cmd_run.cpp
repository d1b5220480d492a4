#include "cmd_run.hpp"

#include <cerrno>
#include <cstring>
#include <unistd.h>

#include <fmt/format.h>

#include "amendment.hpp"
#include "cmd_routines.hpp"
#include "config.hpp"
#include "cues.hpp"
#include "error.hpp"
#include "goals.hpp"
#include "pain_prompt.hpp"
#include "record.hpp"
#include "runner.hpp"

namespace selfcare {
namespace {

// Opens the --events destination: "-" is standard output, which only plain
// mode leaves free.
std::FILE* open_events(const std::string& path, TerminalMode mode) {
    if (path.empty()) return nullptr;
    if (path == "-") {
        if (mode == TerminalMode::screen) {
            throw invalid_input(
                "--events - needs --plain (or output that is not a terminal): the "
                "screen is on standard output");
        }
        return stdout;
    }
    std::FILE* f = std::fopen(path.c_str(), "we");
    if (!f) throw Error(fmt::format("cannot write events to {}: {}", path, std::strerror(errno)));
    return f;
}

RunOptions run_options(const RunCommandOptions& o, const Context& context, const Config& config) {
    RunOptions options;
    options.speed = o.speed;
    options.mode = o.plain || !context.smart_terminal ? TerminalMode::plain : TerminalMode::screen;
    options.style = context.style;
    options.style.color = context.style.color && !o.no_color;
    options.bell = config.bell && !o.quiet && context.stdout_terminal;
    if (o.quiet) return options;
    if (o.say) {
        options.say = find_speech_command(context.path_variable);
        if (options.say.empty()) {
            throw invalid_input("--say needs espeak-ng, spd-say or say on PATH; none was found");
        }
    } else {
        options.say = config.say;
    }
    return options;
}

int record(const Context& context, const Goal& goal, const FinishedRun& run) {
    const RecordResult r = record_run(context.paths, run);
    // The goal in force is recorded as sessions are (goals.hpp).
    if (r.outcome == Recorded::saved) note_goal(context, goal);
    if (r.outcome == Recorded::too_short) {
        fmt::print("Not logged: stopped before {} of activity.\n", format_spoken(kMinimumRecorded));
        if (!run.note.empty()) fmt::print("The note was not kept either.\n");
    } else {
        fmt::print("Logged in {}.\n", r.file.string());
    }
    if (r.note_problem.empty()) return 0;
    std::fflush(stdout);
    fmt::print(stderr, "selfcare: {}; the session itself was saved\n", r.note_problem);
    return static_cast<int>(ExitCode::failure);
}

// Why nothing the person types for this run would be kept, or "" when it
// would be.
std::string not_kept(const RunCommandOptions& o) {
    if (o.no_log) return "with --no-log nothing is kept";
    if (o.speed != 1.0) return fmt::format("a preview at --speed {} is not logged", o.speed);
    return {};
}

}  // namespace

int cmd_run(const RunCommandOptions& o, const Context& context) {
    const Config config = load_config(context.paths.config_file());
    const Schedule schedule = load_schedule(context, o.target);
    const RunOptions options = run_options(o, context, config);
    const std::string why_not = not_kept(o);
    const bool logging = why_not.empty();
    if (std::string bad = validate_note(o.note); !o.note.empty() && !bad.empty()) {
        throw invalid_input(fmt::format("--note: {}", bad));
    }
    // Questions whose answers would be thrown away are not asked, and the
    // person is told why rather than left wondering.
    if (!logging && (o.rate || !o.note.empty())) {
        const std::string_view what = !o.rate          ? "the note will not be kept"
                                      : o.note.empty() ? "not asking for pain ratings"
                                                       : "not asking for pain ratings, and the "
                                                         "note will not be kept";
        fmt::print(stderr, "selfcare: {}: {}\n", what, why_not);
    }
    const bool rate = (o.rate || config.rate_pain) && logging;
    const PainMode pain_mode = options.mode == TerminalMode::screen && context.stdin_terminal
                                   ? PainMode::keys
                                   : PainMode::lines;

    FinishedRun run;
    run.routine = schedule.name;
    run.title = schedule.title;
    run.planned_min = schedule.total_min;
    run.planned_max = schedule.total_max;
    run.note = o.note;
    if (rate)
        run.pain_before = ask_pain(STDIN_FILENO, STDOUT_FILENO,
                                   "Pain right now, 0-10 (Enter skips): ", pain_mode);

    std::FILE* events = open_events(o.events, options.mode);
    run.started = context.now;
    const SteadyClock clock;
    RunTotals totals;
    {
        PosixTerminal terminal(clock, options.mode);
        RunOptions with_events = options;
        with_events.events = events;
        totals = run_schedule(schedule, with_events, clock, terminal);
    }
    if (events && events != stdout) std::fclose(events);

    run.active = std::chrono::duration_cast<std::chrono::milliseconds>(totals.active);
    run.completed = totals.completed;
    run.segments_done = totals.segments_done;
    run.segments_total = totals.segments_total;
    // Ask how it went only if someone is there to answer and it will be kept.
    if (rate && !totals.interrupted && worth_recording(run)) {
        run.pain_after =
            ask_pain(STDIN_FILENO, STDOUT_FILENO, "Pain now, 0-10 (Enter skips): ", pain_mode);
    }
    // The summary comes first, so that a session that cannot be saved can
    // still be written down by hand.
    fmt::print("{}", run_summary(schedule, totals, o.speed));
    return logging ? record(context, config.goal, run) : 0;
}

}  // namespace selfcare
