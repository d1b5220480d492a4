#include "cmd_log.hpp"

#include <fmt/format.h>

#include "catalog.hpp"
#include "config.hpp"
#include "error.hpp"
#include "log_reader.hpp"
#include "output.hpp"
#include "record.hpp"
#include "report.hpp"
#include "report_view.hpp"
#include "schedule.hpp"
#include "suggest.hpp"
#include "text.hpp"

namespace selfcare {
namespace {

using std::chrono::days;

void print_damage(const LogReader& reader) {
    for (const FileDamage& d : reader.damage())
        print_error(format_damage(d));
}

// The session as the person would describe it: routine, length, day.
std::string describe_saved(const Session& s) {
    return fmt::format("{}, {} min, on {}", s.title, s.active_s / 60, format_date(s.date));
}

// Title, planned time and segment count of a known routine, or nothing.
struct KnownRoutine {
    std::string title;
    Seconds planned_min{0}, planned_max{0};
    int segments = 0;
};

std::optional<KnownRoutine> find_routine(const Paths& paths, const std::string& name,
                                         bool minutes_given) {
    const Catalog catalog(paths.routines());
    std::vector<std::string_view> names;
    Listing listing = catalog.list();
    if (!listing.problem.empty()) throw Error(std::move(listing.problem));
    for (const CatalogEntry& e : listing.entries) {
        if (e.name == name) {
            Plan plan = catalog.plan(name);
            if (!plan.problems.empty()) {
                throw Error(std::move(plan.problems), ExitCode::invalid_input);
            }
            const Schedule& s = plan.schedule;
            return KnownRoutine{s.title, s.total_min, s.total_max,
                                static_cast<int>(s.segments.size())};
        }
        names.push_back(e.name);
    }
    if (minutes_given) return std::nullopt;
    std::string hint;
    if (std::string near = closest_match(name, names); !near.empty()) {
        hint = fmt::format(" (did you mean '{}'?)", near);
    }
    throw invalid_input(
        fmt::format("'{}' is not a routine{}; to log another activity, give its "
                    "length with --minutes",
                    name, hint));
}

}  // namespace

int cmd_log(const LogOptions& options, const Context& context) {
    if (options.json && options.csv) throw invalid_input("choose one of --json and --csv");
    const Config config = load_config(context.paths.config_file());
    const Date today = to_local(context.now).date;
    const Date last = parse_week(options.week.value_or(""), today, config.week_start);
    const int count = std::max(options.weeks, 1);
    LogReader reader(context.paths.data);
    const MonthCache cache(context.paths.cache, context.paths.data);
    const bool totals_only = options.weeks > 0 && !options.json && !options.csv;
    const Report report = build_report(reader, cache, last - days(7 * (count - 1)), count, today,
                                       config.goal, config.week_start, Streak::compute,
                                       totals_only ? Sessions::skip : Sessions::keep);
    if (options.json) {
        fmt::print("{}", render_json(report));
    } else if (options.csv) {
        fmt::print("{}", render_csv(report));
    } else if (options.weeks > 0) {
        fmt::print("{}", render_history(report, context.style));
    } else {
        fmt::print("{}", render_week(report, context.style));
        if (reader.empty()) {
            fmt::print(
                "\nNo sessions logged yet. 'selfcare run ROUTINE' logs one; 'selfcare log "
                "add ROUTINE' records one done away from the timer.\n");
        }
    }
    print_damage(reader);
    return 0;
}

int cmd_log_add(const LogAddOptions& options, const Context& context) {
    if (!is_routine_name(options.routine)) {
        throw invalid_input(fmt::format("'{}' is not a name selfcare can log: use a-z, 0-9 and '-'",
                                        options.routine));
    }
    const WallTime start = parse_when(options.at, context.now);
    if (start > context.now + std::chrono::minutes(1)) {
        throw invalid_input(
            fmt::format("--at: {} is in the future", format_local_iso(to_local(start))));
    }
    const auto known = find_routine(context.paths, options.routine, options.minutes.has_value());
    FinishedRun run;
    run.routine = options.routine;
    run.title = known ? known->title : options.routine;
    run.planned_min = known ? known->planned_min : Seconds(*options.minutes * 60);
    run.planned_max = known ? known->planned_max : run.planned_min;
    run.active = options.minutes ? Seconds(*options.minutes * 60) : run.planned_max;
    run.completed = true;
    run.segments_done = run.segments_total = known ? known->segments : 0;
    run.pain_before = options.pain_before;
    run.pain_after = options.pain_after;
    run.started = start;
    run.source = Source::manual;
    const RecordResult saved = record_run(context.paths, run);
    fmt::print("Logged {} ({})\n", describe_saved(saved.session), saved.file.string());
    return 0;
}

int cmd_status(const Context& context) {
    const Config config = load_config(context.paths.config_file());
    const Date today = to_local(context.now).date;
    LogReader reader(context.paths.data);
    const MonthCache cache(context.paths.cache, context.paths.data);
    const Report report =
        build_report(reader, cache, week_start(today, config.week_start), 1, today, config.goal,
                     config.week_start, Streak::skip, Sessions::skip);
    fmt::print("{}", render_status(report));
    print_damage(reader);
    return 0;
}

}  // namespace selfcare
