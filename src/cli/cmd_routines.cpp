#include "cmd_routines.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "catalog.hpp"
#include "error.hpp"
#include "list_view.hpp"
#include "plan_view.hpp"
#include "schedule.hpp"

namespace selfcare {

std::vector<ListRow> list_rows(const Catalog& catalog) {
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
    return rows;
}

int cmd_list(bool json, const Context& context) {
    const std::vector<ListRow> rows = list_rows(Catalog(context.paths.routines()));
    fmt::print("{}", json ? render_list_json(rows) : render_list(rows));
    return 0;
}

int cmd_list_names(const Context& context) {
    for (const CatalogEntry& entry : Catalog(context.paths.routines()).entries())
        fmt::print("{}\n", entry.name);
    return 0;
}

int cmd_show(const std::string& target, bool json, const Context& context) {
    const Schedule schedule = expand(Catalog(context.paths.routines()).load(target));
    fmt::print("{}", json ? render_plan_json(schedule) : render_plan(schedule));
    return 0;
}

int cmd_check(const std::vector<std::string>& targets, const Context& context) {
    const Catalog catalog(context.paths.routines());
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

}  // namespace selfcare
