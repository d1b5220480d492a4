#include "cmd_run.hpp"

#include <cerrno>
#include <cstring>
#include <optional>
#include <unistd.h>

#include <fmt/core.h>

#include "amendment.hpp"
#include "announcer.hpp"
#include "cmd_log.hpp"
#include "cmd_routines.hpp"
#include "config.hpp"
#include "cues.hpp"
#include "error.hpp"
#include "goals.hpp"
#include "output.hpp"
#include "pain_prompt.hpp"
#include "place.hpp"
#include "record.hpp"
#include "report.hpp"
#include "run_text.hpp"
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
    options.speech.level =
        speech_level_from(o.speech.empty() ? config.speech : o.speech).value_or(SpeechLevel::brief);
    options.speech.count = o.count || config.count;
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

// A terminal for a CuePlayer that only speaks (no bells): the pain
// questions are asked outside the run's screen.
class SpeechOnly final : public Terminal {
  public:
    Input wait(TimePoint /*deadline*/) override { return {}; }
    void write(std::string_view /*text*/) override {}
    int width() const override { return 80; }
    int height() const override { return 24; }
    void suspend() override {}
};

// Asks for a pain rating; with full speech the question is also said, and
// cut off once it is answered.
std::optional<int> ask_pain_aloud(const RunOptions& options, std::string_view question,
                                  std::string_view spoken, PainMode mode) {
    if (options.say.empty() || options.speech.level != SpeechLevel::full)
        return ask_pain(STDIN_FILENO, STDOUT_FILENO, question, mode);
    const SteadyClock clock;
    SpeechOnly quiet;
    CuePlayer voice(quiet, clock, false, options.say);
    voice.play(Cue{"", std::string(spoken)}, clock.now());
    return ask_pain(STDIN_FILENO, STDOUT_FILENO, question, mode);
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
    RunOptions options = run_options(o, context, config);
    if (!options.say.empty()) options.get_ready = get_ready_time(schedule, options.speech);
    std::optional<Place> resumed;
    if (o.resume && o.from > 0)
        throw invalid_input("--resume and --from each choose where to start: give one of them");
    if (o.resume) {
        resumed = place_to_resume(context.paths.state, schedule, to_local(context.now).date);
        options.start_segment = resumed->segment;
        options.start_left = resumed->left;
    } else if (o.from > 0) {
        options.start_segment = first_segment_of(schedule, o.from);
    }
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
    if (resumed)
        run.pain_before = resumed->pain_before;  // asked when the session began
    else if (rate)
        run.pain_before = ask_pain_aloud(options, "Pain right now, 0-10 (Enter skips): ",
                                         "How is your pain right now, from 0 to 10?", pain_mode);
    if (signals.caught() != 0) return 128 + signals.caught();  // nothing was done yet

    std::FILE* events = open_events(o.events, options.mode);
    run.started = resumed ? resumed->started : context.now;
    const SteadyClock clock;
    RunTotals totals;
    {
        PosixTerminal terminal(clock, options.mode);
        RunOptions with_events = options;
        with_events.events = events;
        totals = run_schedule(schedule, with_events, clock, terminal);
    }
    if (events && events != stdout) std::fclose(events);

    // A resumed run and the part it goes on from are one session.
    run.active = std::chrono::duration_cast<std::chrono::milliseconds>(totals.active) +
                 (resumed ? resumed->active : std::chrono::milliseconds(0));
    run.completed = totals.completed;
    run.segments_done = totals.segments_done + (resumed ? resumed->segments_done : 0);
    run.segments_total = totals.segments_total;
    // Ask how it went only if someone is there to answer and it will be kept.
    if (rate && !totals.interrupted && signals.caught() == 0 && worth_recording(run)) {
        run.pain_after = ask_pain_aloud(options, "Pain now, 0-10 (Enter skips): ",
                                        "How is your pain now, from 0 to 10?", pain_mode);
    }
    // Recorded first, then printed: the terminal may be gone (SIGHUP, and
    // every write fails with EIO) and that must not cost the session. A
    // session that cannot be saved is reported after the summary, so that
    // it can still be written down by hand.
    std::optional<Error> not_saved;
    std::string note_problem;
    std::string resume_problem;
    std::string text = run_summary(schedule, totals, o.speed);
    if (logging) {
        try {
            const RecordResult r = record_run(context.paths, run);
            // The goal in force is recorded as sessions are (goals.hpp).
            if (r.outcome == Recorded::saved) note_goal(context, config.goal);
            note_problem = r.note_problem;
            text += logged_lines(r, run, context, config);
            const std::uint64_t id = r.outcome == Recorded::saved ? r.session.id : 0;
            // A resumed run replaces the part it goes on from (place.hpp).
            if (id != 0 && resumed && resumed->session != 0)
                resume_problem = replace_part(context.paths.data, context.now, r.session, *resumed);
            if (totals.completed)
                forget_place(context.paths.state, schedule.name);
            else
                text += keep_place(context.paths.state, schedule, run, totals, id);
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
    if (!resume_problem.empty()) print_error(fmt::format("selfcare: {}\n", resume_problem));
    if (signals.caught() != 0) return 128 + signals.caught();
    if (!note_problem.empty() || !resume_problem.empty())
        return static_cast<int>(ExitCode::failure);
    if (!printed) {
        throw Error(fmt::format("cannot write the summary: {}", std::strerror(print_errno)),
                    ExitCode::output_failed);
    }
    return 0;
}

}  // namespace selfcare
