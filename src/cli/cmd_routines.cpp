#include "cmd_routines.hpp"

#include <filesystem>

#include <fmt/core.h>

#include "catalog.hpp"
#include "error.hpp"
#include "list_view.hpp"
#include "output.hpp"
#include "plan_view.hpp"
#include "schedule.hpp"
#include "text.hpp"

namespace selfcare {

Schedule load_schedule(const Context& context, std::string_view target) {
    Plan plan = Catalog(context.paths.routines()).plan(target);
    if (!plan.problems.empty()) throw Error(std::move(plan.problems), ExitCode::invalid_input);
    return std::move(plan.schedule);
}

std::vector<ListRow> list_rows(const Catalog& catalog) {
    Listing listing = catalog.list();
    if (!listing.problem.empty()) throw Error(std::move(listing.problem));
    std::vector<ListRow> rows;
    for (CatalogEntry& entry : listing.entries) {
        Plan plan = catalog.plan(entry.origin == Origin::builtin ? entry.name : entry.path);
        ListRow row{std::move(entry), std::nullopt, {}, plan.warnings.size()};
        if (plan.problems.empty()) {
            row.schedule = std::move(plan.schedule);
        } else {
            row.problem = plan.problems.front().message;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

// A file in the routines folder that `list` and `run NAME` cannot see
// because of its name: said on standard error, with a name that would do.
void warn_misnamed(const std::string& path) {
    const std::string stem = std::filesystem::path(path).stem().string();
    const std::string better = routine_name_for(stem);
    print_error(format_diagnostic(
        {{path},
         fmt::format("\"{}\" is not a routine name (a-z, 0-9 and '-'), so list and run leave it "
                     "out{}",
                     stem, better.empty() ? "" : fmt::format("; rename it to {}.toml", better)),
         {},
         Severity::warning}));
}

int cmd_list(bool json, const Context& context) {
    const Catalog catalog(context.paths.routines());
    const std::vector<ListRow> rows = list_rows(catalog);
    fmt::print("{}", json ? render_list_json(rows) : render_list(rows));
    for (const std::string& path : catalog.list().misnamed)
        warn_misnamed(path);
    return 0;
}

int cmd_list_names(const Context& context) {
    Listing listing = Catalog(context.paths.routines()).list();
    if (!listing.problem.empty()) throw Error(std::move(listing.problem));
    for (const CatalogEntry& entry : listing.entries)
        fmt::print("{}\n", entry.name);
    return 0;
}

int cmd_show(const std::string& target, bool json, const Context& context) {
    const Schedule schedule = load_schedule(context, target);
    fmt::print("{}", json ? render_plan_json(schedule) : render_plan(schedule));
    return 0;
}

int cmd_check(const std::vector<std::string>& targets, const Context& context) {
    const Catalog catalog(context.paths.routines());
    int bad = 0;
    for (const std::string& target : targets) {
        if (looks_like_path(target) &&
            !is_routine_name(std::filesystem::path(target).stem().string())) {
            warn_misnamed(target);
        }
        const Plan plan = catalog.plan(target);
        for (const Diagnostic& d : plan.problems)
            print_error(format_diagnostic(d));
        for (const Diagnostic& d : plan.warnings)
            print_error(format_diagnostic(d));
        if (plan.problems.empty()) {
            const Schedule& s = plan.schedule;
            const size_t w = plan.warnings.size();
            fmt::print("{}: ok, {} {}, {}{}\n", target, s.step_count,
                       s.step_count == 1 ? "step" : "steps", format_span(s.total_min, s.total_max),
                       w == 0 ? "" : fmt::format(", {} {}", w, w == 1 ? "warning" : "warnings"));
        } else {
            ++bad;
        }
    }
    if (bad > 0 && targets.size() > 1) {
        print_error(
            fmt::format("selfcare: {} of {} routines have problems\n", bad, targets.size()));
    }
    return bad > 0 ? static_cast<int>(ExitCode::invalid_input) : 0;
}

}  // namespace selfcare
