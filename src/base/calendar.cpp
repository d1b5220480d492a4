#include "calendar.hpp"

#include <ctime>
#include <optional>

#include <fmt/core.h>

#include "error.hpp"
#include "text.hpp"

namespace selfcare {
namespace {

using namespace std::chrono;

// The value of `text` when it is all decimal digits, else -1.
int digits(std::string_view text) {
    if (text.empty() || text.size() > 6) return -1;
    int v = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

// "18:30" or "18:30:05".
std::optional<seconds> parse_clock(std::string_view text) {
    if (text.size() != 5 && text.size() != 8) return std::nullopt;
    if (text[2] != ':' || (text.size() == 8 && text[5] != ':')) return std::nullopt;
    const int h = digits(text.substr(0, 2)), m = digits(text.substr(3, 2));
    const int s = text.size() == 8 ? digits(text.substr(6, 2)) : 0;
    if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59) return std::nullopt;
    return hours(h) + minutes(m) + seconds(s);
}

std::optional<Date> iso_week_monday(int year, int week) {
    if (week < 1 || week > 53) return std::nullopt;
    const Date jan4 = std::chrono::year(year) / January / 4;
    const Date monday = week_start(jan4, WeekStart::monday) + days(7 * (week - 1));
    if (iso_week(monday) != IsoWeek{year, week}) return std::nullopt;
    return monday;
}

// "2026-W47" (or "2026-w47").
std::optional<Date> parse_iso_week(std::string_view text) {
    if (text.size() != 8 || text[4] != '-' || (text[5] != 'W' && text[5] != 'w')) {
        return std::nullopt;
    }
    const int year = digits(text.substr(0, 4)), week = digits(text.substr(6, 2));
    if (year < 1) return std::nullopt;
    return iso_week_monday(year, week);
}

std::optional<Date> parse_day(std::string_view text, Date today) {
    if (text == "today") return today;
    if (text == "yesterday") return today - days(1);
    Date d;
    if (parse_date(text, d)) return d;
    return std::nullopt;
}

}  // namespace

LocalTime to_local(WallTime t) {
    const std::time_t s = system_clock::to_time_t(time_point_cast<seconds>(t));
    std::tm tm{};
    localtime_r(&s, &tm);
    const year_month_day ymd{std::chrono::year(tm.tm_year + 1900),
                             month(static_cast<unsigned>(tm.tm_mon + 1)),
                             day(static_cast<unsigned>(tm.tm_mday))};
    return LocalTime{Date(ymd), hours(tm.tm_hour) + minutes(tm.tm_min) + seconds(tm.tm_sec),
                     seconds(tm.tm_gmtoff)};
}

WallTime from_local(Date date, seconds time_of_day) {
    const year_month_day ymd(date);
    const hh_mm_ss<seconds> hms(time_of_day);
    std::tm tm{};
    tm.tm_year = static_cast<int>(ymd.year()) - 1900;
    tm.tm_mon = static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
    tm.tm_mday = static_cast<int>(static_cast<unsigned>(ymd.day()));
    tm.tm_hour = static_cast<int>(hms.hours().count());
    tm.tm_min = static_cast<int>(hms.minutes().count());
    tm.tm_sec = static_cast<int>(hms.seconds().count());
    tm.tm_isdst = -1;  // let the zone rules decide
    return system_clock::from_time_t(std::mktime(&tm));
}

std::string format_local_iso(const LocalTime& t) {
    const hh_mm_ss<seconds> hms(t.time_of_day);
    const long offset = t.utc_offset.count();
    const long magnitude = offset < 0 ? -offset : offset;
    return fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", format_date(t.date),
                       hms.hours().count(), hms.minutes().count(), hms.seconds().count(),
                       offset < 0 ? '-' : '+', magnitude / 3600, magnitude % 3600 / 60);
}

std::string format_date(Date d) {
    const year_month_day ymd(d);
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

bool parse_date(std::string_view text, Date& out) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    const int y = digits(text.substr(0, 4)), m = digits(text.substr(5, 2)),
              d = digits(text.substr(8, 2));
    if (y < 1 || m < 1 || d < 1) return false;
    const year_month_day ymd{std::chrono::year(y), month(static_cast<unsigned>(m)),
                             day(static_cast<unsigned>(d))};
    if (!ymd.ok()) return false;
    out = Date(ymd);
    return true;
}

Date week_start(Date d, WeekStart start) {
    const weekday wd(d);
    const unsigned back = start == WeekStart::monday ? wd.iso_encoding() - 1 : wd.c_encoding();
    return d - days(back);
}

IsoWeek iso_week(Date d) {
    // The ISO year is the one that holds the Thursday of d's week.
    const Date thursday = week_start(d, WeekStart::monday) + days(3);
    const std::chrono::year y = year_month_day(thursday).year();
    const Date first = y / January / 1;
    return IsoWeek{static_cast<int>(y), static_cast<int>((thursday - first).count() / 7 + 1)};
}

std::string format_iso_week(IsoWeek w) {
    return fmt::format("{:04}-W{:02}", w.year, w.week);
}

IsoWeek week_name(Date start, WeekStart week_start) {
    return iso_week(week_start == WeekStart::sunday ? start + days(1) : start);
}

Date parse_week(std::string_view when, Date today, WeekStart start) {
    const Date current = week_start(today, start);
    if (when.empty() || when == "this") return current;
    if (when == "last") return current - days(7);
    if (when.starts_with('-')) {
        const int n = digits(when.substr(1));
        if (n >= 0 && n <= 10'000) return current - days(7 * n);
    }
    Date d;
    if (parse_date(when, d)) return week_start(d, start);
    if (const auto monday = parse_iso_week(when)) {
        return start == WeekStart::sunday ? *monday - days(1) : *monday;
    }
    if (when.size() == 8 && (when[5] == 'W' || when[5] == 'w') && digits(when.substr(0, 4)) > 0) {
        throw invalid_input(
            fmt::format("--week: {} has no week {}", when.substr(0, 4), when.substr(6)));
    }
    throw invalid_input(
        fmt::format("--week: '{}' is not a week; use a date (2026-11-18), 'last', "
                    "'-N' for N weeks ago, or an ISO week (2026-W47)",
                    printable(when)));
}

namespace {

bool in_years(Date d) {
    const int y = static_cast<int>(std::chrono::year_month_day(d).year());
    return y >= kFirstYear && y <= kLastYear;
}

}  // namespace

WallTime parse_when(std::string_view when, WallTime now) {
    if (when.empty() || when == "now") return now;
    const Date today = to_local(now).date;
    const auto bad = [&] {
        return invalid_input(
            fmt::format("--at: '{}' is not a time; use a date (2026-11-18), 'today' or "
                        "'yesterday', optionally followed by a time (\"yesterday 18:30\"), or a "
                        "time alone for today",
                        printable(when)));
    };
    if (const auto clock = parse_clock(when)) return from_local(today, *clock);
    const size_t split = when.find_first_of(" T");
    const auto day = parse_day(when.substr(0, split), today);
    if (!day) throw bad();
    if (!in_years(*day)) {
        throw invalid_input(
            fmt::format("--at: '{}' is out of range: a session can be logged from {}-01-01 to now",
                        printable(when), kFirstYear));
    }
    if (split == std::string_view::npos) return from_local(*day, hours(12));
    const auto clock = parse_clock(when.substr(split + 1));
    if (!clock) throw bad();
    return from_local(*day, *clock);
}

WallTime parse_instant(std::string_view text) {
    const auto bad = [&] {
        return invalid_input(fmt::format(
            "'{}' is not a date and time like 2026-11-19T10:00:00+01:00", printable(text)));
    };
    Date day;
    if (text.size() < 16 || !parse_date(text.substr(0, 10), day) ||
        (text[10] != 'T' && text[10] != ' ')) {
        throw bad();
    }
    if (!in_years(day)) {
        throw invalid_input(fmt::format("'{}' is out of range: use a date from {} to {}",
                                        printable(text), kFirstYear, kLastYear));
    }
    std::string_view rest = text.substr(11);
    const size_t zone = rest.find_first_of("Z+-");
    const auto clock = parse_clock(rest.substr(0, zone));
    if (!clock) throw bad();
    if (zone == std::string_view::npos) return from_local(day, *clock);
    const std::string_view offset = rest.substr(zone);
    if (offset == "Z") return sys_seconds(day) + *clock;
    const auto magnitude = parse_clock(offset.substr(1));
    if (offset.size() != 6 || !magnitude) throw bad();
    const seconds east = offset[0] == '-' ? -*magnitude : *magnitude;
    return sys_seconds(day) + *clock - east;
}

}  // namespace selfcare
