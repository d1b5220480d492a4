#include "cmd_log.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <fmt/core.h>

#include "amendment.hpp"
#include "catalog.hpp"
#include "config.hpp"
#include "error.hpp"
#include "file.hpp"
#include "goals.hpp"
#include "log_reader.hpp"
#include "output.hpp"
#include "record.hpp"
#include "report.hpp"
#include "report_export.hpp"
#include "report_html.hpp"
#include "report_view.hpp"
#include "schedule.hpp"
#include "status_line.hpp"
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
    return fmt::format("{}, {} min, on {}", printable(s.title), round_minutes(s.active_s),
                       format_date(s.date));
}

// True when this device or another logged an activity called `name` before:
// then it is a name the person uses, not a typo. Newest months first, so a
// habit is found quickly.
bool logged_before(const Paths& paths, const std::string& name) {
    LogReader reader(paths.data);
    std::vector<YearMonth> months = reader.months();
    std::ranges::reverse(months);
    for (const YearMonth m : months) {
        bool found = false;
        reader.read_month(m, [&](const SessionView& v) { found = found || v.routine == name; });
        if (found) return true;
    }
    return false;
}

// Title, planned time and segment count of a known routine, or nothing.
struct KnownRoutine {
    std::string title;
    Seconds planned_min{0}, planned_max{0};
    int segments = 0;
};

std::optional<KnownRoutine> find_routine(const Paths& paths, const LogAddOptions& options) {
    const std::string& name = options.routine;
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
    const std::string near = closest_match(name, names);
    if (!options.minutes) {
        throw invalid_input(fmt::format(
            "'{}' is not a routine{}; to log another activity, give its length with --minutes",
            name, near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near)));
    }
    if (!near.empty() && !options.new_activity && !logged_before(paths, name)) {
        throw invalid_input(
            fmt::format("'{}' is not a routine; did you mean '{}'? If '{}' is a new activity, "
                        "add --new",
                        name, near, name));
    }
    return std::nullopt;
}

// Writes `text` to `path`, or to standard output for "-". A new file is
// made 0600: the report is health data.
void write_output(const std::string& path, std::string_view text) {
    if (path == "-") {
        fmt::print("{}", text);
        return;
    }
    Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    if (!fd || write_all(fd.get(), text) != text.size() || ::close(fd.release()) != 0) {
        throw Error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    }
}

}  // namespace

int cmd_log(const LogOptions& options, const Context& context) {
    if (options.json + options.csv.has_value() + !options.html.empty() > 1) {
        throw invalid_input("choose one of --json, --csv and --html");
    }
    const std::string csv = options.csv.value_or("");
    if (options.csv && !csv.empty() && csv != "sessions" && csv != "weeks") {
        throw invalid_input(
            fmt::format("--csv: '{}' is neither 'sessions' nor 'weeks'", printable(csv)));
    }
    const Config config = load_config(context.paths.config_file());
    const Date today = to_local(context.now).date;
    const Date last = parse_week(options.week.value_or(""), today, config.week_start);
    const int count = std::max(options.weeks, 1);
    const MonthCache cache(context.paths.cache, context.paths.data);
    LogReader reader = cache.reader();
    const bool totals_only = options.weeks > 0 && !options.json && options.html.empty() &&
                             (!options.csv || csv == "weeks");
    const Goals goals = load_goals(context, config.goal);
    const Report report = build_report(reader, cache, last - days(7 * (count - 1)), count, today,
                                       goals.history, config.week_start, Streak::compute,
                                       totals_only ? Sessions::skip : Sessions::keep);
    if (!options.html.empty()) {
        write_output(options.html, render_html(report));
    } else if (options.json) {
        fmt::print("{}", render_json(report));
    } else if (options.csv) {
        fmt::print("{}", csv == "weeks" ? render_weeks_csv(report) : render_csv(report));
    } else if (options.weeks > 0) {
        fmt::print("{}", render_history(report, context.style, context.columns));
    } else {
        fmt::print("{}", render_week(report, context.style, context.columns));
        if (reader.empty()) {
            fmt::print(
                "\nNo sessions logged yet. 'selfcare run ROUTINE' logs one; 'selfcare log "
                "add ROUTINE' records one done away from the timer.\n");
        }
    }
    print_damage(reader);
    for (const FileDamage& d : goals.damage)
        print_error(format_damage(d));
    if (!goals.problem.empty()) print_error(fmt::format("selfcare: warning: {}\n", goals.problem));
    return 0;
}

int cmd_log_add(const LogAddOptions& options, const Context& context) {
    if (!is_routine_name(options.routine)) {
        throw invalid_input(fmt::format("'{}' is not a name selfcare can log: use a-z, 0-9 and '-'",
                                        options.routine));
    }
    const Config config = load_config(context.paths.config_file());
    const WallTime start = parse_when(options.at, context.now);
    if (start > context.now + std::chrono::minutes(1)) {
        throw invalid_input(
            fmt::format("--at: {} is in the future", format_local_iso(to_local(start))));
    }
    if (std::string why = validate_note(options.note); !options.note.empty() && !why.empty()) {
        throw invalid_input(fmt::format("--note: {}", why));
    }
    const auto known = find_routine(context.paths, options);
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
    run.note = options.note;
    const RecordResult saved = record_run(context.paths, run);
    // The goal in force is recorded as sessions are, so that a later change
    // in config.toml leaves the weeks before it as they were judged.
    note_goal(context, config.goal);
    fmt::print("Logged {} ({}, id {})\n", describe_saved(saved.session), saved.file.string(),
               format_id(saved.session.id));
    if (!saved.note_problem.empty()) {
        print_error(
            fmt::format("selfcare: {}; the session itself was saved\n", saved.note_problem));
        return static_cast<int>(ExitCode::failure);
    }
    return 0;
}

Report week_totals(const Context& context, const Config& config, Date day) {
    // Only the months of the week are read (no streak), so only their files
    // are listed: status is meant to run at every shell prompt.
    const std::chrono::year_month_day first(week_start(day, config.week_start));
    const MonthCache cache(context.paths.cache, context.paths.data);
    LogReader reader = cache.reader(first.year() / first.month());
    return build_report(reader, cache, week_start(day, config.week_start), 1, day, config.goal,
                        config.week_start, Streak::skip, Sessions::skip);
}

int cmd_status(const StatusOptions& options, const Context& context) {
    if (options.json && !options.format.empty()) {
        throw invalid_input("choose one of --json and --format");
    }
    const Config config = load_config(context.paths.config_file());
    const Report report = week_totals(context, config, to_local(context.now).date);
    if (options.json) {
        fmt::print("{}", render_status_json(report));
    } else if (!options.format.empty()) {
        fmt::print("{}", render_status_format(report, options.format));
    } else {
        fmt::print("{}", render_status(report));
    }
    return 0;
}

}  // namespace selfcare
