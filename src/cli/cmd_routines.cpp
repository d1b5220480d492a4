#include "cmd_routines.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "catalog.hpp"
#include "error.hpp"
#include "list_view.hpp"
#include "output.hpp"
#include "plan_view.hpp"
#include "schedule.hpp"

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
        ListRow row{std::move(entry), std::nullopt, {}};
        if (plan.problems.empty()) {
            row.schedule = std::move(plan.schedule);
        } else {
            row.problem = plan.problems.front().message;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

int cmd_list(bool json, const Context& context) {
    const std::vector<ListRow> rows = list_rows(Catalog(context.paths.routines()));
    fmt::print("{}", json ? render_list_json(rows) : render_list(rows));
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
        const Plan plan = catalog.plan(target);
        if (plan.problems.empty()) {
            const Schedule& s = plan.schedule;
            fmt::print("{}: ok, {} {}, {}\n", target, s.step_count,
                       s.step_count == 1 ? "step" : "steps", format_span(s.total_min, s.total_max));
        } else {
            for (const Diagnostic& d : plan.problems)
                print_error(format_diagnostic(d));
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
