#include "cli.hpp"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include "cmd_completions.hpp"
#include "cmd_config.hpp"
#include "cmd_edit.hpp"
#include "cmd_log.hpp"
#include "cmd_remind.hpp"
#include "cmd_routines.hpp"
#include "cmd_run.hpp"
#include "cmd_welcome.hpp"
#include "command_tree.hpp"
#include "context.hpp"
#include "error.hpp"
#include "usage_error.hpp"

namespace selfcare {
namespace {

// A number from `low` to `high`, said in our words when it is not: "needs a
// number from 0.1 to 1000, got 'abc'" (usage_error.cpp puts the option's
// name in front). CLI11's own Range says "Value abc not in range
// 0.100000 to 1000.000000".
CLI::Validator number_in(double low, double high) {
    return {[=](const std::string& text) -> std::string {
                double value = 0;
                if (CLI::detail::lexical_cast(text, value) && value >= low && value <= high)
                    return {};
                return fmt::format("needs a number from {} to {}, got '{}'", low, high, text);
            },
            "", "number_in"};
}

CLI::Validator whole_number_in(int low, int high) {
    return {[=](const std::string& text) -> std::string {
                int value = 0;
                if (CLI::detail::lexical_cast(text, value) && value >= low && value <= high)
                    return {};
                return fmt::format("needs a whole number from {} to {}, got '{}'", low, high, text);
            },
            "", "whole_number_in"};
}

// Hidden commands are in no group, so --help leaves them out.
bool is_hidden(const CLI::App& app) {
    return app.get_group().empty();
}

OptionSpec describe_option(const CLI::Option& o) {
    OptionSpec spec;
    for (const std::string& s : o.get_snames())
        spec.names.push_back("-" + s);
    for (const std::string& l : o.get_lnames())
        spec.names.push_back("--" + l);
    if (o.get_items_expected_max() > 0) spec.value = o.get_type_name();
    spec.value_optional = o.get_expected_min() == 0 && !spec.value.empty();
    spec.help = o.get_description();
    return spec;
}

// The CLI11 definition as plain data (command_tree.hpp).
CommandSpec describe_cli(CLI::App& app) {
    CommandSpec spec;
    spec.name = app.get_name();
    spec.help = app.get_description();
    spec.hidden = is_hidden(app);
    for (const CLI::Option* o : app.get_options()) {
        if (o->get_positional()) {
            spec.arguments.push_back({o->get_name(), o->get_type_name(), o->get_expected_max() > 1,
                                      o->get_description()});
        } else {
            spec.options.push_back(describe_option(*o));
        }
    }
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
        spec.commands.push_back(describe_cli(*sub));
    return spec;
}

// The kind of mistake, by CLI11's class (its name() is sometimes the
// command's name instead).
std::string kind_of(const CLI::ParseError& e) {
    if (dynamic_cast<const CLI::ExtrasError*>(&e)) return "ExtrasError";
    if (dynamic_cast<const CLI::RequiredError*>(&e)) return "RequiredError";
    if (dynamic_cast<const CLI::ValidationError*>(&e)) return "ValidationError";
    if (dynamic_cast<const CLI::ConversionError*>(&e)) return "ConversionError";
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) return "ArgumentMismatch";
    return e.get_name();
}

// The command CLI11 was parsing when it stopped: "log add", or "".
std::string command_path(const CLI::App& app, const CommandSpec& root, const CommandSpec*& spec) {
    std::string path;
    spec = &root;
    const CLI::App* at = &app;
    while (!at->get_subcommands().empty()) {
        at = at->get_subcommands().front();
        path += (path.empty() ? "" : " ") + at->get_name();
        if (const CommandSpec* sub = spec->command(at->get_name())) spec = sub;
    }
    return path;
}

}  // namespace

int run_cli(int argc, char** argv) {
    CLI::App app("selfcare: a terminal coach for short self-care routines.", "selfcare");
    app.set_version_flag("--version", "selfcare " SELFCARE_VERSION);
    app.require_subcommand(0, 1);

    RunCommandOptions run_flags;
    CLI::App* run = app.add_subcommand("run", "Run a routine with a countdown and cues");
    run->add_option("routine", run_flags.target, "A routine name, or a path to a .toml file")
        ->type_name("ROUTINE")
        ->required();
    run->add_option("--speed", run_flags.speed,
                    "Play the routine this many times faster (a preview)")
        ->type_name("NUMBER")
        ->check(number_in(0.1, 1000.0));
    run->add_option("--events", run_flags.events,
                    "Write one JSON line per event to this file ('-': standard output, plain mode)")
        ->type_name("FILE");
    run->add_flag("--plain", run_flags.plain, "One line per event instead of a full screen");
    run->add_flag("--no-color", run_flags.no_color, "No colour (so does the NO_COLOR variable)");
    run->add_flag("--quiet", run_flags.quiet, "No bells and no speech");
    run->add_flag("--say", run_flags.say, "Speak the cues with espeak-ng, spd-say or say");
    run->add_option("--speech", run_flags.speech,
                    "How much is said: brief (steps and moments) or full (also the caution "
                    "and each step's text)")
        ->type_name("LEVEL")
        ->check(CLI::Validator(
            [](const std::string& text) -> std::string {
                if (text == "brief" || text == "full") return {};
                return fmt::format("needs brief or full, got '{}'", text);
            },
            "", "speech_level"));
    run->add_flag("--count", run_flags.count,
                  "Count aloud in timed steps: every 10 s, and 5 to 1 at the end");
    run->add_flag("--rate", run_flags.rate, "Ask for your pain, 0-10, before and after");
    run->add_flag("--no-log", run_flags.no_log, "Do not record this run in the log");
    run->add_option("--note", run_flags.note, "A short note kept with the session");
    run->add_flag("--resume", run_flags.resume,
                  "Go on from where you stopped this routine today; one session with it");
    run->add_option("--from", run_flags.from, "Start at this step (1 is the first)")
        ->type_name("STEP")
        ->check(whole_number_in(1, 10000));
    run->footer(
        "Keys: space pause, n or Enter next, b back, + and - 10 s, t time left, q quit,\n"
        "? help.\n"
        "Examples:\n  selfcare run neck-release\n  selfcare run breathing-426 --say\n"
        "  selfcare run home-session --speed 20 --plain --events -\n"
        "  selfcare run home-session --resume");

    bool json = false;
    bool names = false;
    CLI::App* list = app.add_subcommand("list", "List the built-in routines and your own");
    list->add_flag("--json", json, "Print the list as JSON");
    list->add_flag("--names", names, "Print only the names, one a line (for scripts)");
    list->footer("Examples:\n  selfcare list\n  selfcare list --json");

    std::string target;
    CLI::App* show = app.add_subcommand("show", "Show a routine's steps and timing");
    show->add_option("routine", target, "A routine name, or a path to a .toml file")
        ->type_name("ROUTINE")
        ->required();
    show->add_flag("--json", json, "Print the plan as JSON");
    show->footer(
        "Examples:\n  selfcare show home-session\n  selfcare show ./my-routine.toml --json");

    std::vector<std::string> targets;
    CLI::App* check = app.add_subcommand("check", "Check routine files and report every problem");
    check->add_option("routines", targets, "Paths to .toml files (or routine names)")
        ->type_name("ROUTINE")
        ->required();
    check->footer(
        "Exit status 0 when every routine is valid, 2 when any has problems.\n"
        "Example:\n  selfcare check ~/.config/selfcare/routines/*.toml");

    // The log, status and config commands (src/cmd_log.cpp, src/cmd_config.cpp).
    LogOptions log_options;
    CLI::App* log = app.add_subcommand("log", "This week's sessions against your goal");
    log->add_option("--week", log_options.week, "Another week: a date, last, -N or 2026-W47")
        ->type_name("WEEK")
        ->expected(0, 1);
    log->add_option("--weeks", log_options.weeks, "A history of N weeks")
        ->type_name("N")
        ->check(whole_number_in(1, 1000));
    log->add_flag("--json", log_options.json, "The week's totals and every session as JSON");
    log->add_option("--csv", log_options.csv,
                    "CSV: every session, or with 'weeks' one row per week")
        ->expected(0, 1)
        ->type_name("ROWS");
    log->add_option("--html", log_options.html,
                    "A printable report for your therapist, to FILE ('-': standard output)")
        ->type_name("FILE");
    log->footer(
        "Examples:\n  selfcare log\n  selfcare log --week last\n  selfcare log --weeks 12\n"
        "  selfcare log --week 2026-W47 --csv > week47.csv\n"
        "  selfcare log --weeks 12 --csv weeks > weeks.csv");
    LogAddOptions add_options;
    CLI::App* add = log->add_subcommand("add", "Record a session done away from the timer");
    add->add_option("routine", add_options.routine, "A routine name, or a name for the activity")
        ->type_name("ROUTINE")
        ->required();
    add->add_option("--at", add_options.at,
                    "When: 2026-11-18, yesterday, \"yesterday 18:30\", 18:30")
        ->type_name("WHEN");
    add->add_option("--minutes", add_options.minutes, "How long (default: the routine's length)")
        ->type_name("N")
        ->check(whole_number_in(1, 1440));
    add->add_option("--pain-before", add_options.pain_before, "Pain before, 0-10")
        ->type_name("N")
        ->check(whole_number_in(0, 10));
    add->add_option("--pain-after", add_options.pain_after, "Pain after, 0-10")
        ->type_name("N")
        ->check(whole_number_in(0, 10));
    add->add_option("--note", add_options.note, "A short note kept with the session")
        ->type_name("TEXT");
    add->add_flag("--new", add_options.new_activity,
                  "The name is a new activity, even if it looks like a routine's");
    add->footer(
        "Example:\n  selfcare log add neck-release --at \"yesterday 18:30\" --pain-before 6");
    std::string remove_id;
    CLI::App* remove = log->add_subcommand("remove", "Remove a session logged by mistake");
    remove->add_option("id", remove_id, "The session's id (4 or more hex digits)")
        ->type_name("ID")
        ->required();
    remove->footer(
        "The session's line stays in the log; a removal is appended beside it.\n"
        "Example:\n  selfcare log --json | grep id\n  selfcare log remove 9f3b0c2d");
    CLI::App* undo = log->add_subcommand("undo", "Remove the last session this device logged");
    undo->footer("Example, right after a mistaken 'selfcare log add':\n  selfcare log undo");
    StatusOptions status_options;
    CLI::App* status = app.add_subcommand("status", "One line for a prompt: \"2/3 this week\"");
    status
        ->add_option("--format", status_options.format,
                     "Your own line: {done} {goal} {left} {sessions} {minutes} {goal_minutes} "
                     "{minutes_left} {met} {week}")
        ->type_name("TEXT");
    status->add_flag("--json", status_options.json, "The same fields as one line of JSON");
    status->footer(
        "Examples:\n  selfcare status\n  selfcare status --format '{done}/{goal} {minutes}m'\n"
        "In ~/.bashrc:\n  PS1='[$(selfcare status 2>/dev/null)] \\w \\$ '");
    bool config_path = false;
    CLI::App* config = app.add_subcommand("config", "Show your settings and where each comes from");
    config->add_flag("--path", config_path, "Print only the config file's path");
    config->footer(
        "Examples:\n  selfcare config\n  ${EDITOR:-nano} \"$(selfcare config --path)\"\n"
        "The settings are described in 'man selfcare-config'.");

    std::string new_name;
    std::optional<std::string> new_from;
    CLI::App* create = app.add_subcommand("new", "Write a routine of your own to start from");
    create->add_option("name", new_name, "Its name: a-z, 0-9 and '-'")
        ->type_name("NAME")
        ->required();
    create->add_option("--from", new_from, "Copy this routine instead (a name or a path)")
        ->type_name("ROUTINE");
    create->footer(
        "Writes ~/.config/selfcare/routines/NAME.toml, opens $VISUAL or $EDITOR on a terminal,\n"
        "then checks it. Examples:\n  selfcare new evening\n"
        "  selfcare new my-neck --from neck-release");
    std::string edit_name;
    CLI::App* edit = app.add_subcommand("edit", "Open a routine of yours in your editor");
    edit->add_option("name", edit_name, "A routine's name; a built-in is copied first")
        ->type_name("ROUTINE")
        ->required();
    edit->footer(
        "A built-in is copied to ~/.config/selfcare/routines/ first; your copy replaces it.\n"
        "Example:\n  EDITOR=nano selfcare edit neck-release");

    RemindOptions remind_options;
    CLI::App* remind =
        app.add_subcommand("remind", "One line when this week is behind its goal, else nothing");
    remind->add_flag("--notify", remind_options.notify,
                     "A desktop notification (notify-send) instead of a line");
    remind->add_flag(
        "--timer", remind_options.timer,
        "As the systemd timer calls it: only at the time config.toml sets, once a day");
    remind->footer(
        "Examples:\n  selfcare remind                      in ~/.bashrc: a nudge when behind\n"
        "  systemctl --user enable --now selfcare-remind.timer\n"
        "The time, days and quiet hours are in config.toml's [remind] table.");

    std::string shell_name;
    CLI::App* completions =
        app.add_subcommand("completions", "Print the Tab-completion script for a shell");
    completions->add_option("shell", shell_name, "bash, zsh or fish")
        ->type_name("SHELL")
        ->required();
    completions->footer("Example, in ~/.bashrc:\n  source <(selfcare completions bash)");

    // Set last, so no subcommand inherits it: each shows its own examples.
    app.footer(
        "Examples:\n"
        "  selfcare run neck-release         a guided, timed routine\n"
        "  selfcare list                     the routines you can run\n"
        "  selfcare show neck-release        every step, with its timing\n"
        "  selfcare check my-routine.toml    check a routine you wrote\n"
        "  selfcare log                      this week against your goal\n"
        "\nRun 'selfcare COMMAND --help' for more on one command, 'man selfcare' for all.");

    const CommandSpec spec = describe_cli(app);
    const std::string first = argc > 1 ? argv[1] : "";
    // Hidden: what the completion scripts and the man-page test call.
    if (first == "__complete") return cmd_complete(spec, {argv + 2, argv + argc});
    if (first == "__commands") {
        fmt::print("{}", list_commands(spec));
        return 0;
    }
    if (const auto unknown = unknown_command(spec, first)) throw invalid_input(*unknown);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);
        UsageProblem problem{kind_of(e), e.what(), {}, nullptr};
        problem.path = command_path(app, spec, problem.command);
        throw invalid_input(explain(problem));
    }

    const Context context = context_from_environment();
    if (run->parsed()) return cmd_run(run_flags, context);
    if (list->parsed()) return names ? cmd_list_names(context) : cmd_list(json, context);
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
    if (create->parsed()) return cmd_new(new_name, new_from, context);
    if (edit->parsed()) return cmd_edit(edit_name, context);
    if (remind->parsed()) return cmd_remind(remind_options, context);
    if (completions->parsed()) return cmd_completions(shell_name);
    return cmd_welcome(context);
}

}  // namespace selfcare
