#include "cmd_run.hpp"

#include <cerrno>
#include <cstring>
#include <unistd.h>

#include <fmt/format.h>

#include "amendment.hpp"
#include "announcer.hpp"
#include "cmd_routines.hpp"
#include "config.hpp"
#include "cues.hpp"
#include "error.hpp"
#include "goals.hpp"
#include "pain_prompt.hpp"
#include "place.hpp"
#include "record.hpp"
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

// Records the run; for a resumed run, the part it goes on from is then
// removed, so that the two are one session. Sets `id` to the id it was
// logged with (0: too short to log). Returns the exit status.
int record(const Context& context, const Goal& goal, const FinishedRun& run,
           const std::optional<Place>& resumed, std::uint64_t& id) {
    const RecordResult r = record_run(context.paths, run);
    id = r.outcome == Recorded::saved ? r.session.id : 0;
    // The goal in force is recorded as sessions are (goals.hpp).
    if (r.outcome == Recorded::saved) note_goal(context, goal);
    if (r.outcome == Recorded::too_short) {
        fmt::print("Not logged: stopped before {} of activity.\n", format_spoken(kMinimumRecorded));
        if (!run.note.empty()) fmt::print("The note was not kept either.\n");
    } else {
        fmt::print("Logged in {}.\n", r.file.string());
    }
    int status = 0;
    if (id != 0 && resumed && resumed->session != 0) {
        const std::string problem =
            replace_part(context.paths.data, context.now, r.session, *resumed);
        if (!problem.empty()) {
            std::fflush(stdout);
            fmt::print(stderr, "selfcare: {}\n", problem);
            status = static_cast<int>(ExitCode::failure);
        }
    }
    if (r.note_problem.empty()) return status;
    std::fflush(stdout);
    fmt::print(stderr, "selfcare: {}; the session itself was saved\n", r.note_problem);
    return static_cast<int>(ExitCode::failure);
}

// A terminal for a CuePlayer that only speaks (no bells): the pain
// questions are asked outside the run's screen.
class SpeechOnly final : public Terminal {
  public:
    Input wait(TimePoint) override { return {}; }
    void write(std::string_view) override {}
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
    if (resumed)
        run.pain_before = resumed->pain_before;  // asked when the session began
    else if (rate)
        run.pain_before = ask_pain_aloud(options, "Pain right now, 0-10 (Enter skips): ",
                                         "How is your pain right now, from 0 to 10?", pain_mode);

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
    if (rate && !totals.interrupted && worth_recording(run)) {
        run.pain_after = ask_pain_aloud(options, "Pain now, 0-10 (Enter skips): ",
                                        "How is your pain now, from 0 to 10?", pain_mode);
    }
    // The summary comes first, so that a session that cannot be saved can
    // still be written down by hand.
    fmt::print("{}", run_summary(schedule, totals, o.speed));
    if (!logging) return 0;
    std::uint64_t id = 0;
    const int status = record(context, config.goal, run, resumed, id);
    if (totals.completed)
        forget_place(context.paths.state, schedule.name);
    else
        keep_place(context.paths.state, schedule, run, totals, id);
    return status;
}

}  // namespace selfcare
