#include "cmd_remind.hpp"

#include <array>
#include <cmath>
#include <fcntl.h>
#include <filesystem>

#include <fmt/core.h>

#include "catalog.hpp"
#include "cmd_log.hpp"
#include "cmd_routines.hpp"
#include "config.hpp"
#include "file.hpp"
#include "pace.hpp"
#include "report.hpp"
#include "spawn.hpp"

namespace selfcare {
namespace {

namespace fs = std::filesystem;
using std::chrono::seconds;

constexpr std::array kDayNames = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                  "Thursday", "Friday", "Saturday"};

// "8-11 min" or "1 min": a routine's length as a person says it.
std::string about_minutes(seconds low, seconds high) {
    const long a = std::max(1L, std::lround(static_cast<double>(low.count()) / 60));
    const long b = std::max(1L, std::lround(static_cast<double>(high.count()) / 60));
    return a == b ? fmt::format("{} min", a) : fmt::format("{}-{} min", a, b);
}

// The routine that best fills one of the sessions still to do: the
// shortest that is long enough, else the longest there is. "" when there
// is no routine without problems.
std::string suggestion(const Pace& p, const Context& context) {
    const int sessions = std::max(p.sessions_left, 1);
    const seconds wanted((p.minutes_left + sessions - 1) / sessions * 60);
    const std::vector<ListRow> rows = list_rows(Catalog(context.paths.routines()));
    const ListRow* best = nullptr;
    for (const ListRow& row : rows) {
        if (!row.schedule) continue;
        if (!best) {
            best = &row;
            continue;
        }
        const seconds length = row.schedule->total_max;
        const seconds best_length = best->schedule->total_max;
        const bool fits = length >= wanted;
        const bool best_fits = best_length >= wanted;
        if (fits ? (!best_fits || length < best_length) : (!best_fits && length > best_length)) {
            best = &row;
        }
    }
    if (!best) return "";
    return fmt::format(": {} takes {}", best->entry.name,
                       about_minutes(best->schedule->total_min, best->schedule->total_max));
}

// "2 sessions to go by Sunday: home-session takes 9-11 min".
std::string reminder_line(const Pace& p, Date today, const Context& context) {
    const std::string by =
        p.last_day == today
            ? "by tonight"
            : fmt::format("by {}", kDayNames[std::chrono::weekday(p.last_day).c_encoding()]);
    const std::string what = p.sessions_left > 0 ? fmt::format("{} session{}", p.sessions_left,
                                                               p.sessions_left == 1 ? "" : "s")
                                                 : fmt::format("{} min", p.minutes_left);
    return fmt::format("{} to go {}{}", what, by, suggestion(p, context));
}

// The timer's memory of the last day it sent a reminder, so that it sends
// at most one a day. Losing it costs one extra reminder, nothing more.
fs::path reminded_file(const Context& context) {
    return context.paths.state / "reminded";
}

bool reminded_today(const Context& context, Date today) {
    const FileText last = read_small_file(reminded_file(context), 64);
    return last.ok() && last.text == format_date(today) + "\n";
}

void note_reminded(const Context& context, Date today) {
    std::error_code ec;
    fs::create_directories(context.paths.state, ec);
    const fs::path file = reminded_file(context);
    const fs::path temp = file.string() + ".new";
    const Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    if (!fd) return;
    const std::string text = format_date(today) + "\n";
    if (write_all(fd.get(), text) == text.size()) fs::rename(temp, file, ec);
}

}  // namespace

int cmd_remind(const RemindOptions& options, const Context& context) {
    const Config config = load_config(context.paths.config_file());
    const LocalTime local = to_local(context.now);
    if (options.timer && (!config.remind.allows(local) || reminded_today(context, local.date))) {
        return 0;
    }
    const Report report = week_totals(context, config, local.date);
    const Pace p = pace(report.weeks.back(), config.goal, local.date);
    if (!p.behind) return 0;
    const std::string line = reminder_line(p, local.date, context);
    if (!options.notify) {
        fmt::print("{}\n", line);
        return 0;
    }
    // No notify-send, or no notification service for it to talk to: it
    // fails, and the reminder is quietly not shown.
    const std::optional<int> status = run_and_wait(
        {"notify-send", "--app-name=selfcare", "Time for self-care", line}, ChildOutput::silent);
    if (status == 0 && options.timer) note_reminded(context, local.date);
    return 0;
}

}  // namespace selfcare
