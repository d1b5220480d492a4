#include "cli.hpp"

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <langinfo.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "catalog.hpp"
#include "cues.hpp"
#include "error.hpp"
#include "paths.hpp"
#include "plan_view.hpp"
#include "runner.hpp"
#include "schedule.hpp"

namespace selfcare {
namespace {

Catalog make_catalog() {
    return Catalog(resolve_paths([](const char* name) { return std::getenv(name); }).routines());
}

int cmd_list(bool json) {
    const Catalog catalog = make_catalog();
    std::vector<ListRow> rows;
    for (CatalogEntry& entry : catalog.entries()) {
        ListRow row{entry, std::nullopt, {}};
        try {
            row.schedule =
                expand(catalog.load(entry.path.starts_with("builtin/") ? entry.name : entry.path));
        } catch (const Error& e) {
            row.problem = e.what();
        }
        rows.push_back(std::move(row));
    }
    fmt::print("{}", json ? render_list_json(rows) : render_list(rows));
    return 0;
}

int cmd_show(const std::string& target, bool json) {
    const Schedule schedule = expand(make_catalog().load(target));
    fmt::print("{}", json ? render_plan_json(schedule) : render_plan(schedule));
    return 0;
}

// Checks every file, reporting every problem in each, so one run shows all
// there is to fix.
int cmd_check(const std::vector<std::string>& targets) {
    const Catalog catalog = make_catalog();
    int bad = 0;
    for (const std::string& target : targets) {
        try {
            const Schedule s = expand(catalog.load(target));
            fmt::print("{}: ok, {} {}, {}\n", target, s.step_count,
                       s.step_count == 1 ? "step" : "steps", format_span(s.total_min, s.total_max));
        } catch (const Error& e) {
            std::fflush(stdout);
            fmt::print(stderr, "{}", e.report());
            ++bad;
        }
    }
    if (bad > 0 && targets.size() > 1) {
        fmt::print(stderr, "selfcare: {} of {} routines have problems\n", bad, targets.size());
    }
    return bad > 0 ? static_cast<int>(ExitCode::invalid_input) : 0;
}

struct RunFlags {
    std::string target;
    double speed = 1.0;
    std::string events;
    bool plain = false;
    bool no_color = false;
    bool quiet = false;
    bool say = false;
};

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

int cmd_run(const RunFlags& flags) {
    const Schedule schedule = expand(make_catalog().load(flags.target));

    // Draw only on a terminal that can ("dumb" ones cannot), like ninja's
    // LinePrinter; anything else gets plain lines.
    const char* term = std::getenv("TERM");
    const bool smart = isatty(STDOUT_FILENO) && !(term && std::strcmp(term, "dumb") == 0);
    RunOptions options;
    options.speed = flags.speed;
    options.mode = flags.plain || !smart ? TerminalMode::plain : TerminalMode::screen;
    const char* no_color = std::getenv("NO_COLOR");
    options.style.color = !flags.no_color && !(no_color && *no_color);
    std::setlocale(LC_CTYPE, "");
    options.style.unicode = std::strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
    options.bell = !flags.quiet && isatty(STDOUT_FILENO);
    if (flags.say && !flags.quiet) {
        options.say = find_speech_command(std::getenv("PATH"));
        if (options.say.empty()) {
            throw invalid_input("--say needs espeak-ng, spd-say or say on PATH; none was found");
        }
    }
    std::FILE* events = open_events(flags.events, options.mode);
    options.events = events;

    // Wake at the deadline itself, not up to 50 us later as Linux allows by
    // default: a cue is meant to land on the second.
    prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL);
    const SteadyClock clock;
    RunTotals totals;
    {
        PosixTerminal terminal(clock, options.mode);
        totals = run_schedule(schedule, options, clock, terminal);
    }
    if (events && events != stdout) std::fclose(events);
    fmt::print("{}", run_summary(schedule, totals, flags.speed));
    return 0;
}

}  // namespace

int run_cli(int argc, char** argv) {
    CLI::App app("selfcare: a terminal coach for short self-care routines.", "selfcare");
    app.set_version_flag("--version", "selfcare " SELFCARE_VERSION);
    app.require_subcommand(1);
    app.footer(
        "Examples:\n"
        "  selfcare run neck-release         a guided, timed routine\n"
        "  selfcare list                     the routines you can run\n"
        "  selfcare show neck-release        every step, with its timing\n"
        "  selfcare check my-routine.toml    check a routine you wrote\n"
        "\nRun 'selfcare COMMAND --help' for more on one command.");

    RunFlags run_flags;
    CLI::App* run = app.add_subcommand("run", "Run a routine with a countdown and cues");
    run->add_option("routine", run_flags.target, "A routine name, or a path to a .toml file")
        ->required();
    run->add_option("--speed", run_flags.speed,
                    "Play the routine this many times faster (a preview)")
        ->check(CLI::Range(0.1, 1000.0));
    run->add_option(
        "--events", run_flags.events,
        "Write one JSON line per event to this file ('-': standard output, plain mode)");
    run->add_flag("--plain", run_flags.plain, "One line per event instead of a full screen");
    run->add_flag("--no-color", run_flags.no_color, "No colour (so does the NO_COLOR variable)");
    run->add_flag("--quiet", run_flags.quiet, "No bells and no speech");
    run->add_flag("--say", run_flags.say, "Speak the cues with espeak-ng, spd-say or say");
    run->footer(
        "Keys: space pause, n or Enter next, b back, + and - 10 s, q quit, ? help.\n"
        "Examples:\n  selfcare run neck-release\n  selfcare run breathing-426 --say\n"
        "  selfcare run home-session --speed 20 --plain --events -");

    bool json = false;
    CLI::App* list = app.add_subcommand("list", "List the built-in routines and your own");
    list->add_flag("--json", json, "Print the list as JSON");
    list->footer("Example:\n  selfcare list --json");

    std::string target;
    CLI::App* show = app.add_subcommand("show", "Show a routine's steps and timing");
    show->add_option("routine", target, "A routine name, or a path to a .toml file")->required();
    show->add_flag("--json", json, "Print the plan as JSON");
    show->footer(
        "Examples:\n  selfcare show home-session\n  selfcare show ./my-routine.toml --json");

    std::vector<std::string> targets;
    CLI::App* check = app.add_subcommand("check", "Check routine files and report every problem");
    check->add_option("routines", targets, "Paths to .toml files (or routine names)")->required();
    check->footer(
        "Exit status 0 when every routine is valid, 2 when any has problems.\n"
        "Example:\n  selfcare check ~/.config/selfcare/routines/*.toml");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);
        throw invalid_input(fmt::format("{}\nRun 'selfcare --help' for usage.", e.what()));
    }

    if (run->parsed()) return cmd_run(run_flags);
    if (list->parsed()) return cmd_list(json);
    if (show->parsed()) return cmd_show(target, json);
    if (check->parsed()) return cmd_check(targets);
    return 0;
}

}  // namespace selfcare
