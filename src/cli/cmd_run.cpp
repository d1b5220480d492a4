#include "cmd_run.hpp"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <unistd.h>

#include <fmt/format.h>

#include "announcer.hpp"
#include "cmd_routines.hpp"
#include "config.hpp"
#include "cues.hpp"
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

// The id the run was logged with, or 0 when it was too short to log.
std::uint64_t record(const Paths& paths, const FinishedRun& run) {
    const RecordResult r = record_run(paths, run);
    if (r.outcome == Recorded::too_short) {
        fmt::print("Not logged: stopped before {} of activity.\n", format_spoken(kMinimumRecorded));
        return 0;
    }
    fmt::print("Logged in {}.\n", r.file.string());
    return r.session.id;
}

// The first segment of step `step` (1-based), for --from.
int first_segment_of(const Schedule& schedule, int step) {
    for (size_t i = 0; i < schedule.segments.size(); ++i) {
        if (schedule.segments[i].step == step) return static_cast<int>(i);
    }
    throw invalid_input(
        fmt::format("--from {}: {} has steps 1 to {}", step, schedule.name, schedule.step_count));
}

// Where a stopped run left off, kept so that --resume can go on from there.
void keep_place(const Context& context, const Schedule& schedule, const FinishedRun& run,
                const RunTotals& totals, std::uint64_t session) {
    if (totals.segment < 0) return;  // stopped before the first step: nothing to go on with
    const Segment& seg = schedule.segments[static_cast<size_t>(totals.segment)];
    Place place;
    place.routine = schedule.name;
    place.hash = schedule_hash(schedule);
    place.date = to_local(run.started).date;
    place.started = run.started;
    place.segment = totals.segment;
    place.left = std::chrono::milliseconds(std::max<long long>(
        0, std::llround((static_cast<double>(seg.max.count()) - totals.segment_done) * 1000)));
    place.active = run.active;
    place.segments_done = run.segments_done;
    place.session = session;
    place.pain_before = run.pain_before;
    if (std::string error = save_place(context.paths.state, place); !error.empty())
        fmt::print(stderr, "selfcare: warning: cannot keep the place to resume from: {}\n", error);
    else
        fmt::print("Go on later today with: selfcare run {} --resume\n", schedule.name);
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
    const bool logging = !o.no_log && o.speed == 1.0;
    const bool rate = (o.rate || config.rate_pain) && logging;
    const PainMode pain_mode = options.mode == TerminalMode::screen && context.stdin_terminal
                                   ? PainMode::keys
                                   : PainMode::lines;

    FinishedRun run;
    run.routine = schedule.name;
    run.title = schedule.title;
    run.planned_min = schedule.total_min;
    run.planned_max = schedule.total_max;
    if (resumed)
        run.pain_before = resumed->pain_before;  // asked when the session began
    else if (rate)
        run.pain_before = ask_pain(STDIN_FILENO, STDOUT_FILENO,
                                   "Pain right now, 0-10 (Enter skips): ", pain_mode);

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
        run.pain_after =
            ask_pain(STDIN_FILENO, STDOUT_FILENO, "Pain now, 0-10 (Enter skips): ", pain_mode);
    }
    // The summary comes first, so that a session that cannot be saved can
    // still be written down by hand.
    fmt::print("{}", run_summary(schedule, totals, o.speed));
    if (!logging) return 0;
    const std::uint64_t id = record(context.paths, run);
    if (totals.completed)
        forget_place(context.paths.state, schedule.name);
    else
        keep_place(context, schedule, run, totals, id ? id : resumed ? resumed->session : 0);
    return 0;
}

}  // namespace selfcare
