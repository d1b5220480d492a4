#include "step_values.hpp"

#include <algorithm>
#include <array>

#include <fmt/core.h>

#include "suggest.hpp"
#include "text.hpp"

namespace selfcare {
namespace {

using namespace std::string_view_literals;

constexpr std::array kBreathWords = {"inhale"sv, "hold"sv, "exhale"sv};
constexpr size_t kMaxSides = 4;
constexpr size_t kMaxSideBytes = 20;
constexpr size_t kMaxLabelBytes = 60;
constexpr size_t kMaxPhases = 8;
constexpr Seconds kMaxPhase{60};

}  // namespace

std::optional<Seconds> StepValues::duration(const TomlValue& table, std::string_view key) {
    const TomlValue* value = table.get(key);
    return value ? duration_value(*value, key) : std::nullopt;
}

std::optional<Seconds> StepValues::duration_text(const TomlValue& value, std::string_view key,
                                                 std::string_view text) {
    DurationParse parsed = parse_duration(text);
    if (!parsed.value) {
        file_.problem(value.at, fmt::format("'{}': {}", key, parsed.error));
        return std::nullopt;
    }
    if (std::string why = check_duration_range(*parsed.value); !why.empty()) {
        file_.problem(value.at, fmt::format("'{}': {}", key, why));
        return std::nullopt;
    }
    return parsed.value;
}

std::optional<Seconds> StepValues::duration_value(const TomlValue& value, std::string_view key) {
    if (value.type == TomlType::integer) {
        const int64_t limit = kMaxDuration.count();
        if (value.integer < 1 || value.integer > limit) {
            const Seconds shown(value.integer < 1 ? 0 : limit + 1);
            file_.problem(value.at, fmt::format("'{}': {}", key, check_duration_range(shown)));
            return std::nullopt;
        }
        return Seconds(value.integer);
    }
    if (value.type == TomlType::string) return duration_text(value, key, value.text);
    file_.problem(value.at, fmt::format("'{}' must be a duration like \"45s\" or \"1m30s\", or "
                                        "whole seconds, not {}",
                                        key, type_name(value)));
    return std::nullopt;
}

void StepValues::hold_range(const TomlValue& value, Step& step) {
    const size_t dots = value.type == TomlType::string ? value.text.find("..") : std::string::npos;
    if (dots == std::string::npos) {
        if (const auto d = duration_value(value, "hold")) step.min = step.max = *d;
        return;
    }
    const std::string_view whole = value.text;
    const auto lo = duration_text(value, "hold", whole.substr(0, dots));
    const auto hi = duration_text(value, "hold", whole.substr(dots + 2));
    if (!lo || !hi) return;
    if (*lo >= *hi) {
        file_.problem(
            value.at,
            fmt::format("'hold': the shortest time ({}) must be less than the longest ({})",
                        format_spoken(*lo), format_spoken(*hi)));
        return;
    }
    step.min = *lo;
    step.max = *hi;
}

std::vector<std::string> StepValues::sides(const TomlValue& value) {
    if (value.type != TomlType::array || value.items.empty() || value.items.size() > kMaxSides) {
        file_.problem(value.at, fmt::format("'sides' must be a list of 1 to {} names, like "
                                            "[\"left\", \"right\"]",
                                            kMaxSides));
        return {};
    }
    std::vector<std::string> out;
    for (const TomlValue& item : value.items) {
        if (item.type != TomlType::string || item.text.empty() ||
            item.text.size() > kMaxSideBytes || find_control(item.text)) {
            file_.problem(item.at, "each side must be a short name, like \"left\"");
            return {};
        }
        if (std::ranges::find(out, item.text) != out.end()) {
            file_.problem(item.at, fmt::format("side \"{}\" is listed twice", item.text));
            return {};
        }
        out.push_back(item.text);
    }
    return out;
}

std::optional<std::string> StepValues::label(const TomlValue& table) {
    auto value = file_.text(table, "label", kMaxLabelBytes);
    if (!value) return std::nullopt;
    std::string_view rest = *value;
    for (size_t open = rest.find('{'); open != std::string_view::npos; open = rest.find('{')) {
        const size_t close = rest.find('}', open);
        const std::string_view field = close == std::string_view::npos
                                           ? rest.substr(open)
                                           : rest.substr(open + 1, close - open - 1);
        if (close == std::string_view::npos ||
            (field != "n" && field != "count" && field != "side")) {
            file_.problem(
                table.get("label")->at,
                fmt::format(
                    "'label' may use {{n}}, {{count}} and {{side}}; '{}' is not "
                    "one of them",
                    close == std::string_view::npos ? field : rest.substr(open, close - open + 1)));
            return std::nullopt;
        }
        rest.remove_prefix(close + 1);
    }
    return value;
}

std::optional<BreathPhase> StepValues::phase(const TomlValue& item) {
    const std::string_view text =
        item.type == TomlType::string ? std::string_view(item.text) : std::string_view();
    const size_t space = text.find(' ');
    const size_t length_at = text.find_first_not_of(' ', space);
    if (item.type != TomlType::string || length_at == std::string_view::npos) {
        file_.problem(item.at, "a breathing phase is a word and a duration, like \"inhale 4s\"");
        return std::nullopt;
    }
    const std::string_view word = text.substr(0, space);
    const auto kind = std::ranges::find(kBreathWords, word);
    if (kind == kBreathWords.end()) {
        std::string message = fmt::format("unknown breathing phase '{}'", word);
        if (std::string near = closest_match(word, kBreathWords); !near.empty()) {
            message += fmt::format("; did you mean '{}'?", near);
        } else {
            message += "; use inhale, hold or exhale";
        }
        file_.problem(item.at, std::move(message));
        return std::nullopt;
    }
    const auto length = duration_text(item, "breathe", text.substr(length_at));
    if (!length) return std::nullopt;
    if (*length > kMaxPhase) {
        file_.problem(item.at, "a breathing phase may last at most 60 seconds");
        return std::nullopt;
    }
    return BreathPhase{static_cast<BreathKind>(kind - kBreathWords.begin()), *length};
}

std::vector<BreathPhase> StepValues::breath(const TomlValue& value) {
    if (value.type != TomlType::array || value.items.empty() || value.items.size() > kMaxPhases) {
        file_.problem(
            value.at,
            fmt::format("'breathe' must be a list of 1 to {} phases, like [\"inhale 4s\", "
                        "\"hold 2s\", \"exhale 6s\"]",
                        kMaxPhases));
        return {};
    }
    std::vector<BreathPhase> phases;
    for (const TomlValue& item : value.items) {
        const std::optional<BreathPhase> p = phase(item);
        if (!p) return {};
        if (!phases.empty() && phases.back().kind == p->kind) {
            file_.problem(item.at, fmt::format("two '{}' phases in a row; join them into one",
                                               to_string(p->kind)));
            return {};
        }
        phases.push_back(*p);
    }
    const auto has = [&](BreathKind k) {
        return std::ranges::any_of(phases, [k](const BreathPhase& p) { return p.kind == k; });
    };
    if (!has(BreathKind::inhale) || !has(BreathKind::exhale)) {
        file_.problem(value.at, "a breathing pattern needs at least one inhale and one exhale");
        return {};
    }
    return phases;
}

}  // namespace selfcare
