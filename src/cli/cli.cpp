#include "cli.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <memory>
#include <type_traits>

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
#include "help_text.hpp"
#include "usage_error.hpp"

namespace selfcare {
namespace {

// A number from `low` to `high`, said in our words when it is not: "needs a
// number from 0.1 to 1000, got 'abc'", or "a whole number" for ints
// (usage_error.cpp puts the option's name in front). CLI11's own Range says
// "Value abc not in range 0.100000 to 1000.000000".
template <typename Number>
CLI::Validator in_range(Number low, Number high) {
    constexpr bool whole = std::is_integral_v<Number>;
    return {[=](const std::string& text) -> std::string {
                Number value = 0;
                if (CLI::detail::lexical_cast(text, value) && value >= low && value <= high)
                    return {};
                return fmt::format("needs a {}number from {} to {}, got '{}'",
                                   whole ? "whole " : "", low, high, text);
            },
            "", whole ? "whole_number_in" : "number_in"};
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
    spec.hidden = app.get_group().empty();  // hidden commands are in no group
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

// What runs a command once the command line is parsed. It owns the values
// the command's options were parsed into.
using Action = std::function<int(const Context&)>;

// One function per command: each adds its subcommand to the program and
// returns what runs it.
Action add_run(CLI::App& app) {
    auto flags = std::make_shared<RunCommandOptions>();
    CLI::App* run = app.add_subcommand("run", "Run a routine with a countdown and cues");
    run->add_option("routine", flags->target, "A routine name, or a path to a .toml file")
        ->type_name("ROUTINE")
        ->required();
    run->add_option("--speed", flags->speed, "Play the routine this many times faster (a preview)")
        ->type_name("NUMBER")
        ->check(in_range(0.1, 1000.0));
    run->add_option("--events", flags->events,
                    "Write one JSON line per event to this file ('-': standard output, plain mode)")
        ->type_name("FILE");
    run->add_flag("--plain", flags->plain, "One line per event instead of a full screen");
    run->add_flag("--no-color", flags->no_color, "No colour (so does the NO_COLOR variable)");
    run->add_flag("--quiet", flags->quiet, "No bells and no speech");
    run->add_flag("--say", flags->say, "Speak the cues with espeak-ng, spd-say or say");
    run->add_option("--speech", flags->speech,
                    "How much is said: brief (steps and moments) or full (also the caution "
                    "and each step's text)")
        ->type_name("LEVEL")
        ->check(CLI::Validator(
            [](const std::string& text) -> std::string {
                if (text == "brief" || text == "full") return {};
                return fmt::format("needs brief or full, got '{}'", text);
            },
            "", "speech_level"));
    run->add_flag("--count", flags->count,
                  "Count aloud in timed steps: every 10 s, and 5 to 1 at the end");
    run->add_flag("--rate", flags->rate, "Ask for your pain, 0-10, before and after");
    run->add_flag("--no-log", flags->no_log, "Do not record this run in the log");
    run->add_option("--note", flags->note, "A short note kept with the session");
    run->add_flag("--resume", flags->resume,
                  "Go on from where you stopped this routine today; one session with it");
    run->add_option("--from", flags->from, "Start at this step (1 is the first)")
        ->type_name("STEP")
        ->check(in_range(1, 10000));
    run->footer(footers::run);
    return [flags](const Context& context) { return cmd_run(*flags, context); };
}

Action add_list(CLI::App& app) {
    auto json = std::make_shared<bool>(false);
    auto names = std::make_shared<bool>(false);
    CLI::App* list = app.add_subcommand("list", "List the built-in routines and your own");
    list->add_flag("--json", *json, "Print the list as JSON");
    list->add_flag("--names", *names, "Print only the names, one a line (for scripts)");
    list->footer(footers::list);
    return [json, names](const Context& context) {
        return *names ? cmd_list_names(context) : cmd_list(*json, context);
    };
}

Action add_show(CLI::App& app) {
    auto target = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    CLI::App* show = app.add_subcommand("show", "Show a routine's steps and timing");
    show->add_option("routine", *target, "A routine name, or a path to a .toml file")
        ->type_name("ROUTINE")
        ->required();
    show->add_flag("--json", *json, "Print the plan as JSON");
    show->footer(footers::show);
    return [target, json](const Context& context) { return cmd_show(*target, *json, context); };
}

Action add_check(CLI::App& app) {
    auto targets = std::make_shared<std::vector<std::string>>();
    CLI::App* check = app.add_subcommand("check", "Check routine files and report every problem");
    check->add_option("routines", *targets, "Paths to .toml files (or routine names)")
        ->type_name("ROUTINE")
        ->required();
    check->footer(footers::check);
    return [targets](const Context& context) { return cmd_check(*targets, context); };
}

// `log add`, whose options are parsed into `entry`.
CLI::App* add_log_add(CLI::App& log, LogAddOptions& entry) {
    CLI::App* add = log.add_subcommand("add", "Record a session done away from the timer");
    add->add_option("routine", entry.routine, "A routine name, or a name for the activity")
        ->type_name("ROUTINE")
        ->required();
    add->add_option("--at", entry.at, "When: 2026-11-18, yesterday, \"yesterday 18:30\", 18:30")
        ->type_name("WHEN");
    add->add_option("--minutes", entry.minutes, "How long (default: the routine's length)")
        ->type_name("N")
        ->check(in_range(1, 1440));
    add->add_option("--pain-before", entry.pain_before, "Pain before, 0-10")
        ->type_name("N")
        ->check(in_range(0, 10));
    add->add_option("--pain-after", entry.pain_after, "Pain after, 0-10")
        ->type_name("N")
        ->check(in_range(0, 10));
    add->add_option("--note", entry.note, "A short note kept with the session")->type_name("TEXT");
    add->add_flag("--new", entry.new_activity,
                  "The name is a new activity, even if it looks like a routine's");
    add->footer(footers::log_add);
    return add;
}

struct LogArguments {
    LogOptions report;
    LogAddOptions entry;
    std::string remove_id;
};

Action add_log(CLI::App& app) {
    auto args = std::make_shared<LogArguments>();
    CLI::App* log = app.add_subcommand("log", "This week's sessions against your goal");
    log->add_option("--week", args->report.week, "Another week: a date, last, -N or 2026-W47")
        ->type_name("WEEK")
        ->expected(0, 1);
    log->add_option("--weeks", args->report.weeks, "A history of N weeks")
        ->type_name("N")
        ->check(in_range(1, 1000));
    log->add_flag("--json", args->report.json, "The week's totals and every session as JSON");
    log->add_option("--csv", args->report.csv,
                    "CSV: every session, or with 'weeks' one row per week")
        ->expected(0, 1)
        ->type_name("ROWS");
    log->add_option("--html", args->report.html,
                    "A printable report for your therapist, to FILE ('-': standard output)")
        ->type_name("FILE");
    log->footer(footers::log);
    CLI::App* add = add_log_add(*log, args->entry);
    CLI::App* remove = log->add_subcommand("remove", "Remove a session logged by mistake");
    remove->add_option("id", args->remove_id, "The session's id (4 or more hex digits)")
        ->type_name("ID")
        ->required();
    remove->footer(footers::log_remove);
    CLI::App* undo = log->add_subcommand("undo", "Remove the last session this device logged");
    undo->footer(footers::log_undo);
    return [=](const Context& context) {
        if (add->parsed()) return cmd_log_add(args->entry, context);
        if (remove->parsed()) return cmd_log_remove(args->remove_id, context);
        if (undo->parsed()) return cmd_log_undo(context);
        return cmd_log(args->report, context);
    };
}

Action add_status(CLI::App& app) {
    auto options = std::make_shared<StatusOptions>();
    CLI::App* status = app.add_subcommand("status", "One line for a prompt: \"2/3 this week\"");
    status
        ->add_option("--format", options->format,
                     "Your own line: {done} {goal} {left} {sessions} {minutes} {goal_minutes} "
                     "{minutes_left} {met} {week}")
        ->type_name("TEXT");
    status->add_flag("--json", options->json, "The same fields as one line of JSON");
    status->footer(footers::status);
    return [options](const Context& context) { return cmd_status(*options, context); };
}

Action add_config(CLI::App& app) {
    auto path_only = std::make_shared<bool>(false);
    CLI::App* config = app.add_subcommand("config", "Show your settings and where each comes from");
    config->add_flag("--path", *path_only, "Print only the config file's path");
    config->footer(footers::config);
    return [path_only](const Context& context) {
        return cmd_config(*path_only ? ConfigView::path : ConfigView::settings, context.paths);
    };
}

Action add_new(CLI::App& app) {
    auto name = std::make_shared<std::string>();
    auto from = std::make_shared<std::optional<std::string>>();
    CLI::App* create = app.add_subcommand("new", "Write a routine of your own to start from");
    create->add_option("name", *name, "Its name: a-z, 0-9 and '-'")->type_name("NAME")->required();
    create->add_option("--from", *from, "Copy this routine instead (a name or a path)")
        ->type_name("ROUTINE");
    create->footer(footers::new_routine);
    return [name, from](const Context& context) { return cmd_new(*name, *from, context); };
}

Action add_edit(CLI::App& app) {
    auto name = std::make_shared<std::string>();
    CLI::App* edit = app.add_subcommand("edit", "Open a routine of yours in your editor");
    edit->add_option("name", *name, "A routine's name; a built-in is copied first")
        ->type_name("ROUTINE")
        ->required();
    edit->footer(footers::edit);
    return [name](const Context& context) { return cmd_edit(*name, context); };
}

Action add_remind(CLI::App& app) {
    auto options = std::make_shared<RemindOptions>();
    CLI::App* remind =
        app.add_subcommand("remind", "One line when this week is behind its goal, else nothing");
    remind->add_flag("--notify", options->notify,
                     "A desktop notification (notify-send) instead of a line");
    remind->add_flag(
        "--timer", options->timer,
        "As the systemd timer calls it: only at the time config.toml sets, once a day");
    remind->footer(footers::remind);
    return [options](const Context& context) { return cmd_remind(*options, context); };
}

Action add_completions(CLI::App& app) {
    auto shell = std::make_shared<std::string>();
    CLI::App* completions =
        app.add_subcommand("completions", "Print the Tab-completion script for a shell");
    completions->add_option("shell", *shell, "bash, zsh or fish")->type_name("SHELL")->required();
    completions->footer(footers::completions);
    return [shell](const Context&) { return cmd_completions(*shell); };
}

struct Command {
    std::string_view name;
    Action (*add)(CLI::App& app);
};

// Every command, in the order --help lists them.
constexpr Command commands[] = {{"run", add_run},
                                {"list", add_list},
                                {"show", add_show},
                                {"check", add_check},
                                {"log", add_log},
                                {"status", add_status},
                                {"config", add_config},
                                {"new", add_new},
                                {"edit", add_edit},
                                {"remind", add_remind},
                                {"completions", add_completions}};
constexpr size_t command_count = std::size(commands);

// The word naming the command: the first that is not an option, or nullptr.
// The program's own options (--help, --version) take no value, so CLI11
// reads the same word as the command. "--" first is returned itself: what
// CLI11 makes of the words after it is left to CLI11, with every command.
const char* command_word(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (argv[i][0] != '-' || std::string_view(argv[i]) == "--") return argv[i];
    return nullptr;
}

}  // namespace

// CLI11 builds every option of every command it is given, which was half
// of a short command's start-up. So the program is given only the command
// its line names. Every command is added only when the answer may name any
// of them: a word that is not a command ("did you mean"), the hidden
// __complete and __commands, and the program's own --help.
int run_cli(int argc, char** argv) {
    CLI::App app("selfcare: a terminal coach for short self-care routines.", "selfcare");
    app.set_version_flag("--version", "selfcare " SELFCARE_VERSION);
    app.require_subcommand(0, 1);
    // Every command replaces this with its own examples.
    app.footer(footers::program);
    std::array<Action, command_count> actions;
    const auto add_all = [&] {
        for (size_t i = 0; i < command_count; ++i)
            if (!actions[i]) actions[i] = commands[i].add(app);
    };
    const char* word = command_word(argc, argv);
    const auto named =
        std::ranges::find_if(commands, [&](const Command& c) { return word && c.name == word; });
    if (named != std::end(commands)) {
        actions[named - std::begin(commands)] = named->add(app);
    } else if (word) {
        add_all();
        const CommandSpec spec = describe_cli(app);
        const std::string first = argv[1];
        // Hidden: what the completion scripts and the man-page test call.
        if (first == "__complete") return cmd_complete(spec, {argv + 2, argv + argc});
        if (first == "__commands") {
            fmt::print("{}", list_commands(spec));
            return 0;
        }
        if (const auto unknown = unknown_command(spec, first)) throw invalid_input(*unknown);
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
            // The program's own help lists every command.
            if (e.get_name() == "CallForHelp" && app.get_subcommands().empty()) add_all();
            return app.exit(e);
        }
        const CommandSpec spec = describe_cli(app);
        UsageProblem problem{kind_of(e), e.what(), {}, nullptr};
        problem.path = command_path(app, spec, problem.command);
        throw invalid_input(explain(problem));
    }

    const Context context = context_from_environment();
    for (size_t i = 0; i < command_count; ++i)
        if (actions[i] && app.got_subcommand(std::string(commands[i].name)))
            return actions[i](context);
    return cmd_welcome(context);
}

}  // namespace selfcare
