#include "cli.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cmd_config.hpp"
#include "cmd_log.hpp"
#include "cmd_routines.hpp"
#include "cmd_run.hpp"
#include "context.hpp"
#include "error.hpp"

namespace selfcare {

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
        "  selfcare log                      this week against your goal\n"
        "\nRun 'selfcare COMMAND --help' for more on one command.");

    RunCommandOptions run_flags;
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
    run->add_flag("--rate", run_flags.rate, "Ask for your pain, 0-10, before and after");
    run->add_flag("--no-log", run_flags.no_log, "Do not record this run in the log");
    run->add_option("--note", run_flags.note, "A short note kept with the session");
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

    // The log, status and config commands (src/cmd_log.cpp, src/cmd_config.cpp).
    LogOptions log_options;
    CLI::App* log = app.add_subcommand("log", "This week's sessions against your goal");
    log->add_option("--week", log_options.week, "Another week: a date, last, -N or 2026-W47")
        ->expected(0, 1);
    log->add_option("--weeks", log_options.weeks, "A history of N weeks")
        ->check(CLI::Range(1, 1000));
    log->add_flag("--json", log_options.json, "The week's totals and every session as JSON");
    log->add_option("--csv", log_options.csv,
                    "CSV: every session, or with 'weeks' one row per week")
        ->expected(0, 1);
    log->add_option("--html", log_options.html,
                    "A printable report for your therapist, to FILE ('-': standard output)");
    log->footer(
        "Examples:\n  selfcare log\n  selfcare log --week last\n  selfcare log --weeks 12\n"
        "  selfcare log --week 2026-W47 --csv > week47.csv\n"
        "  selfcare log --weeks 12 --csv weeks > weeks.csv");
    LogAddOptions add_options;
    CLI::App* add = log->add_subcommand("add", "Record a session done away from the timer");
    add->add_option("routine", add_options.routine, "A routine name, or a name for the activity")
        ->required();
    add->add_option("--at", add_options.at,
                    "When: 2026-11-18, yesterday, \"yesterday 18:30\", 18:30");
    add->add_option("--minutes", add_options.minutes, "How long (default: the routine's length)")
        ->check(CLI::Range(1, 1440));
    add->add_option("--pain-before", add_options.pain_before, "Pain before, 0-10")
        ->check(CLI::Range(0, 10));
    add->add_option("--pain-after", add_options.pain_after, "Pain after, 0-10")
        ->check(CLI::Range(0, 10));
    add->add_option("--note", add_options.note, "A short note kept with the session");
    add->add_flag("--new", add_options.new_activity,
                  "The name is a new activity, even if it looks like a routine's");
    add->footer(
        "Example:\n  selfcare log add neck-release --at \"yesterday 18:30\" --pain-before 6");
    std::string remove_id;
    CLI::App* remove = log->add_subcommand("remove", "Remove a session logged by mistake");
    remove->add_option("id", remove_id, "The session's id (4 or more hex digits)")->required();
    remove->footer(
        "The session's line stays in the log; a removal is appended beside it.\n"
        "Example:\n  selfcare log --json | grep id\n  selfcare log remove 9f3b0c2d");
    CLI::App* undo = log->add_subcommand("undo", "Remove the last session this device logged");
    StatusOptions status_options;
    CLI::App* status = app.add_subcommand("status", "One line for a prompt: \"2/3 this week\"");
    status->add_option("--format", status_options.format,
                       "Your own line: {done} {goal} {left} {sessions} {minutes} {goal_minutes} "
                       "{minutes_left} {met} {week}");
    status->add_flag("--json", status_options.json, "The same fields as one line of JSON");
    status->footer(
        "Examples:\n  selfcare status\n  selfcare status --format '{done}/{goal} {minutes}m'");
    bool config_path = false;
    CLI::App* config = app.add_subcommand("config", "Show your settings and where each comes from");
    config->add_flag("--path", config_path, "Print only the config file's path");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);
        throw invalid_input(fmt::format("{}\nRun 'selfcare --help' for usage.", e.what()));
    }

    const Context context = context_from_environment();
    if (run->parsed()) return cmd_run(run_flags, context);
    if (list->parsed()) return cmd_list(json, context);
    if (show->parsed()) return cmd_show(target, json, context);
    if (check->parsed()) return cmd_check(targets, context);
    if (add->parsed()) return cmd_log_add(add_options, context);
    if (remove->parsed()) return cmd_log_remove(remove_id, context);
    if (undo->parsed()) return cmd_log_undo(context);
    if (log->parsed()) return cmd_log(log_options, context);
    if (status->parsed()) return cmd_status(status_options, context);
    if (config->parsed()) {
        return cmd_config(config_path ? ConfigView::path : ConfigView::settings, context.paths);
    }
    return 0;
}

}  // namespace selfcare
