#include "cmd_welcome.hpp"

#include <fmt/core.h>

#include "catalog.hpp"
#include "cmd_log.hpp"
#include "cmd_routines.hpp"
#include "config.hpp"
#include "plan_view.hpp"
#include "report.hpp"
#include "report_view.hpp"
#include "status_line.hpp"
#include "text.hpp"

namespace selfcare {
namespace {

std::string week_line(const Context& context) {
    const Config config = load_config(context.paths.config_file());
    return render_status(week_totals(context, config, to_local(context.now).date));
}

}  // namespace

int cmd_welcome(const Context& context) {
    fmt::print("selfcare {}: a coach for short self-care routines.\n\n", SELFCARE_VERSION);
    fmt::print("So far: {}\n", week_line(context));
    fmt::print("Routines\n");
    for (const ListRow& row : list_rows(Catalog(context.paths.routines()))) {
        const std::string length =
            row.schedule ? format_span(row.schedule->total_min, row.schedule->total_max) : "";
        const std::string about =
            row.schedule ? printable(row.schedule->title)
                         : fmt::format("has problems: selfcare check {}", row.entry.name);
        fmt::print("  {:<20} {:>10}  {}\n", row.entry.name, length, about);
    }
    fmt::print(
        "\nTo start\n"
        "  selfcare run neck-release    a guided routine: space pauses, q stops\n"
        "  selfcare log                 your week, day by day, against the goal\n"
        "  selfcare --help              every command ('man selfcare' for the manual)\n");
    return 0;
}

}  // namespace selfcare
