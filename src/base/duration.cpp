#include "duration.hpp"

#include <array>
#include <cctype>

#include <fmt/core.h>

namespace selfcare {

DurationParse parse_duration(std::string_view text) {
    const auto fail = [&](std::string why) { return DurationParse{std::nullopt, std::move(why)}; };
    if (text.empty()) return fail("empty duration; write it like \"45s\" or \"1m30s\"");

    constexpr std::string_view units = "hms";
    constexpr std::array per_unit = {3600, 60, 1};
    long long total = 0;
    size_t next_unit = 0;  // units must come in order h, m, s
    size_t i = 0;
    while (i < text.size()) {
        const size_t start = i;
        long long number = 0;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
            number = number * 10 + (text[i] - '0');
            if (number > 1'000'000'000) return fail(fmt::format("\"{}\" is far too long", text));
            ++i;
        }
        if (i == start) {
            return fail(
                fmt::format("\"{}\" is not a duration; write it like \"45s\" or \"1m30s\"", text));
        }
        if (i == text.size()) {
            // "1m30" most likely means "1m30s": the unit after the last one.
            if (next_unit > 0 && next_unit < units.size()) {
                return fail(fmt::format("\"{}\" needs a unit after {}; did you mean \"{}{}\"?",
                                        text, number, text, units[next_unit]));
            }
            return fail(fmt::format("\"{}\" needs a unit (h, m or s), like \"{}s\"", text, number));
        }
        const size_t unit = units.find(text[i]);
        if (unit == std::string_view::npos || unit < next_unit) {
            return fail(fmt::format(
                "\"{}\" is not a duration; use h, m and s in that order, like \"1m30s\"", text));
        }
        total += number * per_unit[unit];
        next_unit = unit + 1;
        ++i;
    }
    return DurationParse{Seconds(total), {}};
}

std::string check_duration_range(Seconds d) {
    if (d < Seconds(1)) return "a duration must be at least 1 second";
    if (d > kMaxDuration)
        return fmt::format("a duration must be at most 24 hours, not {}", format_spoken(d));
    return {};
}

std::string format_clock(Seconds d) {
    long long s = d.count();
    const char* sign = s < 0 ? "-" : "";
    if (s < 0) s = -s;
    if (s >= 3600) return fmt::format("{}{}:{:02}:{:02}", sign, s / 3600, s / 60 % 60, s % 60);
    return fmt::format("{}{}:{:02}", sign, s / 60, s % 60);
}

std::string format_spoken(Seconds d) {
    const long long s = d.count();
    const long long h = s / 3600, m = s / 60 % 60, sec = s % 60;
    std::string out;
    const auto part = [&](long long n, const char* unit) {
        if (n == 0) return;
        if (!out.empty()) out += ' ';
        out += fmt::format("{} {}", n, unit);
    };
    part(h, "h");
    part(m, "min");
    part(sec, "s");
    return out.empty() ? "0 s" : out;
}

}  // namespace selfcare
