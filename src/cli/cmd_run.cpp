#include "cmd_run.hpp"

#include <cerrno>
#include <cstring>
#include <optional>
#include <unistd.h>

#include <fmt/format.h>

#include "amendment.hpp"
#include "cmd_log.hpp"
#include "cmd_routines.hpp"
#include "config.hpp"
#include "cues.hpp"
#include "error.hpp"
#include "goals.hpp"
#include "output.hpp"
#include "pain_prompt.hpp"
#include "record.hpp"
#include "report.hpp"
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

// How the week stands with `s` in it: "(2 of 3)". Empty when the log cannot
// be read now; the session is saved either way, so that is no reason to fail.
std::string week_progress(const Session& s, const Context& context, const Config& config) {
    try {
        const Report report = week_totals(context, config, s.date);
        const WeekSummary& week = report.weeks.back();
        return fmt::format(" ({} of {})", week.counted, week.goal.sessions);
    } catch (const Error&) {
        return {};
    }
}

// The lines under the summary: whether the run was logged and, in plain
// words, whether it counts toward the week (counts_toward_goal decides).
std::string logged_lines(const RecordResult& r, const FinishedRun& run, const Context& context,
                         const Config& config) {
    if (r.outcome == Recorded::too_short) {
        std::string out = fmt::format("Not logged: stopped before {} of activity.\n",
                                      format_spoken(kMinimumRecorded));
        if (!run.note.empty()) out += "The note was not kept either.\n";
        return out;
    }
    const Session& s = r.session;
    if (counts_toward_goal(s)) {
        return fmt::format("Logged: counts toward this week{}.\n",
                           week_progress(s, context, config));
    }
    const int needed = std::max(kMinimumCountedSeconds, (s.planned_min_s + 1) / 2);
    return fmt::format("Logged, but not counted: {} of {} done (a session counts from {}).\n",
                       format_clock(Seconds(s.active_s)), format_clock(Seconds(s.planned_min_s)),
                       format_clock(Seconds(needed)));
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
        print_error(fmt::format("selfcare: {}: {}\n", what, why_not));
    }
    const bool rate = (o.rate || config.rate_pain) && logging;
    const PainMode pain_mode = options.mode == TerminalMode::screen && context.stdin_terminal
                                   ? PainMode::keys
                                   : PainMode::lines;
    // From here to the end a stop signal (Ctrl-C at a prompt, the terminal
    // closing, kill) ends the command in order: the terminal is given back,
    // what was done is recorded, and the status is 128 + the signal.
    const StopSignals signals;

    FinishedRun run;
    run.routine = schedule.name;
    run.title = schedule.title;
    run.planned_min = schedule.total_min;
    run.planned_max = schedule.total_max;
    run.note = o.note;
    if (rate)
        run.pain_before = ask_pain(STDIN_FILENO, STDOUT_FILENO,
                                   "Pain right now, 0-10 (Enter skips): ", pain_mode);
    if (signals.caught() != 0) return 128 + signals.caught();  // nothing was done yet

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
    if (rate && !totals.interrupted && signals.caught() == 0 && worth_recording(run)) {
        run.pain_after =
            ask_pain(STDIN_FILENO, STDOUT_FILENO, "Pain now, 0-10 (Enter skips): ", pain_mode);
    }
    // Recorded first, then printed: the terminal may be gone (SIGHUP, and
    // every write fails with EIO) and that must not cost the session. A
    // session that cannot be saved is reported after the summary, so that
    // it can still be written down by hand.
    std::optional<Error> not_saved;
    std::string note_problem;
    std::string text = run_summary(schedule, totals, o.speed);
    if (logging) {
        try {
            const RecordResult r = record_run(context.paths, run);
            // The goal in force is recorded as sessions are (goals.hpp).
            if (r.outcome == Recorded::saved) note_goal(context, config.goal);
            note_problem = r.note_problem;
            text += logged_lines(r, run, context, config);
        } catch (const Error& e) {
            not_saved = e;
        }
    }
    const bool printed = print_now(text);
    const int print_errno = errno;
    if (not_saved) throw *not_saved;
    if (!note_problem.empty()) {
        print_error(fmt::format("selfcare: {}; the session itself was saved\n", note_problem));
    }
    if (signals.caught() != 0) return 128 + signals.caught();
    if (!note_problem.empty()) return static_cast<int>(ExitCode::failure);
    if (!printed) {
        throw Error(fmt::format("cannot write the summary: {}", std::strerror(print_errno)),
                    ExitCode::output_failed);
    }
    return 0;
}

}  // namespace selfcare
