#include "cli.hpp"

#include <cstdlib>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "catalog.hpp"
#include "error.hpp"
#include "paths.hpp"
#include "plan_view.hpp"
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

}  // namespace

int run_cli(int argc, char** argv) {
    CLI::App app("selfcare: a terminal coach for short self-care routines.", "selfcare");
    app.set_version_flag("--version", "selfcare " SELFCARE_VERSION);
    app.require_subcommand(1);
    app.footer(
        "Examples:\n"
        "  selfcare list                     the routines you can run\n"
        "  selfcare show neck-release        every step, with its timing\n"
        "  selfcare check my-routine.toml    check a routine you wrote\n"
        "\nRun 'selfcare COMMAND --help' for more on one command.");

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

    if (list->parsed()) return cmd_list(json);
    if (show->parsed()) return cmd_show(target, json);
    if (check->parsed()) return cmd_check(targets);
    return 0;
}

}  // namespace selfcare
