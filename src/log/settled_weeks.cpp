#include "settled_weeks.hpp"

#include <charconv>

#include <fmt/format.h>

#include "month_summary.hpp"

namespace selfcare {
namespace {

// v2: the checksum is `checksum`, no longer FNV-1a.
constexpr std::string_view kVersionLine = "# selfcare settled weeks v2";

std::string head(const std::filesystem::path& folder, WeekStart start, std::uint64_t goals) {
    return fmt::format("{}\nfolder\t{}\nstart\t{}\ngoals\t{:016x}\n", kVersionLine, folder.string(),
                       start == WeekStart::monday ? "monday" : "sunday", goals);
}

std::string date_text(Date d) {
    const std::chrono::year_month_day ymd(d);
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

// "week YYYY-MM-DD": a valid date that starts a week.
bool read_week(std::string_view line, WeekStart start, Date& out) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (line.size() != 15 || !line.starts_with("week\t") || line[9] != '-' || line[12] != '-') {
        return false;
    }
    const char* p = line.data();
    if (std::from_chars(p + 5, p + 9, y).ptr != p + 9 ||
        std::from_chars(p + 10, p + 12, m).ptr != p + 12 ||
        std::from_chars(p + 13, p + 15, d).ptr != p + 15) {
        return false;
    }
    const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m),
                                          std::chrono::day(d)};
    if (!ymd.ok()) return false;
    out = Date(ymd);
    return week_start(out, start) == out;
}

// "from YYYY-MM", no later than the month of `week`'s last day.
bool read_from(std::string_view line, Date week, YearMonth& out) {
    if (line.size() != 12 || !line.starts_with("from\t") || line[9] != '-') return false;
    out = month_of_file(line.substr(5));
    return out.ok() && out <= settled_through(week);
}

// "run N": a count of weeks, no more than there are weeks since year 1.
bool read_run(std::string_view line, int& out) {
    if (!line.starts_with("run\t")) return false;
    line.remove_prefix(4);
    const auto [ptr, ec] = std::from_chars(line.data(), line.data() + line.size(), out);
    return !line.empty() && ec == std::errc() && ptr == line.data() + line.size() && out >= 0 &&
           out < 200'000 && (line.size() == 1 || line.front() != '0');
}

std::string_view next_line(std::string_view& body) {
    const size_t nl = body.find('\n');
    const std::string_view line = body.substr(0, nl);
    body.remove_prefix(nl == std::string_view::npos ? body.size() : nl + 1);
    return line;
}

}  // namespace

YearMonth month_of_file(std::string_view name) {
    int y = 0;
    unsigned m = 0;
    if (name.size() < 7) return {};
    std::from_chars(name.data(), name.data() + 4, y);
    std::from_chars(name.data() + 5, name.data() + 7, m);
    return std::chrono::year(y) / std::chrono::month(m);
}

YearMonth settled_through(Date week) {
    const std::chrono::year_month_day last(week + std::chrono::days(6));
    return last.year() / last.month();
}

std::uint64_t goals_fingerprint(const GoalHistory& goals) {
    std::string text = fmt::format("{} {}\n", goals.current().sessions, goals.current().minutes);
    for (const GoalChange& c : goals.changes()) {
        text += fmt::format("{} {} {} {}\n", c.from.time_since_epoch().count(), c.goal.sessions,
                            c.goal.minutes, c.set);
    }
    return fnv1a(text);
}

std::optional<std::string> encode_settled(const SettledWeeks& s,
                                          const std::filesystem::path& folder, WeekStart start,
                                          std::uint64_t goals) {
    const std::string dir = folder.string();
    if (dir.find_first_of("\t\n") != std::string::npos || s.files.empty()) return std::nullopt;
    std::string out = head(folder, start, goals);
    out += fmt::format("week\t{}\nrun\t{}\nfrom\t{:04}-{:02}\n", date_text(s.week), s.run,
                       static_cast<int>(s.from.year()), static_cast<unsigned>(s.from.month()));
    if (!add_sources(out, s.files, s.damage)) return std::nullopt;
    seal(out);
    if (out.size() > kMaxSettledBytes) return std::nullopt;
    return out;
}

std::optional<SettledWeeks> decode_settled(std::string_view text,
                                           const std::filesystem::path& folder, WeekStart start,
                                           std::uint64_t goals) {
    std::optional<std::string_view> body = checked_body(text, kMaxSettledBytes);
    const std::string expected = head(folder, start, goals);
    if (!body || !body->starts_with(expected)) return std::nullopt;
    body->remove_prefix(expected.size());
    SettledWeeks s;
    if (!read_week(next_line(*body), start, s.week) || !read_run(next_line(*body), s.run) ||
        !read_from(next_line(*body), s.week, s.from)) {
        return std::nullopt;
    }
    while (!body->empty()) {
        if (read_source_line(next_line(*body), folder, s.files, s.damage) != SourceLine::taken) {
            return std::nullopt;
        }
    }
    if (s.files.empty()) return std::nullopt;
    return s;
}

}  // namespace selfcare
