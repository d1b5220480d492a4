#include "routine_loader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <optional>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "suggest.hpp"
#include "text.hpp"
#include "toml_prescan.hpp"

namespace selfcare {
namespace {

using namespace std::string_view_literals;

constexpr std::array kRoutineKeys = {"title"sv, "summary"sv, "caution"sv, "step"sv};
constexpr std::array kStepKeys = {"title"sv,   "cue"sv,    "label"sv,   "duration"sv,
                                  "hold"sv,    "repeat"sv, "between"sv, "sides"sv,
                                  "breathe"sv, "cycles"sv, "rest"sv,    "include"sv};
constexpr std::array kBreathWords = {"inhale"sv, "hold"sv, "exhale"sv};

constexpr size_t kMaxSteps = 200;
constexpr int kMaxRepeat = 100;
constexpr int kMaxCycles = 1000;
constexpr size_t kMaxSides = 4;
constexpr size_t kMaxPhases = 8;
constexpr Seconds kMaxPhase{60};
// A file with more problems than this is not worth reading on: the rest are
// summed up in one line.
constexpr size_t kMaxProblems = 50;

std::string_view type_name(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::table:
            return "a table";
        case toml::node_type::array:
            return "an array";
        case toml::node_type::string:
            return "a string";
        case toml::node_type::integer:
            return "an integer";
        case toml::node_type::floating_point:
            return "a decimal number";
        case toml::node_type::boolean:
            return "true or false";
        case toml::node_type::date:
        case toml::node_type::time:
        case toml::node_type::date_time:
            return "a date or time";
        case toml::node_type::none:
            break;
    }
    return "nothing";
}

// The place of a character the pre-scan found, as toml++ would give it.
toml::source_region region(const StrayCharacter& stray) {
    toml::source_region at;
    at.begin = {static_cast<toml::source_index>(stray.line),
                static_cast<toml::source_index>(stray.column)};
    at.end = at.begin;
    return at;
}

// Walks one routine's TOML tree, building the Routine and collecting every
// problem with its place in the text.
class RoutineReader {
  public:
    RoutineReader(std::string_view text, std::string path) : path_(std::move(path)) {
        size_t start = 0;
        while (start <= text.size()) {
            size_t end = text.find('\n', start);
            if (end == std::string_view::npos) end = text.size();
            std::string_view line = text.substr(start, end - start);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            lines_.push_back(line);
            start = end + 1;
        }
    }

    RoutineParse read(std::string_view text, std::string name) {
        RoutineParse out;
        out.routine.name = std::move(name);
        out.routine.path = path_;
        if (const auto stray = find_stray_character(text)) {
            problem(region(*stray), stray->message);
            out.problems = std::move(problems_);
            return out;
        }
        toml::table root;
        try {
            root = toml::parse(text, path_);
        } catch (const toml::parse_error& e) {
            // toml++ starts its messages with a capital ("Error while
            // parsing ..."); ours are lower case after the location.
            std::string message(e.description());
            if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
            problem(e.source(), std::move(message));
            out.problems = std::move(problems_);
            return out;
        }
        read_routine(root, out.routine);
        std::ranges::stable_sort(problems_, [](const Diagnostic& a, const Diagnostic& b) {
            return std::pair(a.where.line, a.where.column) <
                   std::pair(b.where.line, b.where.column);
        });
        if (problems_.size() > kMaxProblems) {
            const size_t hidden = problems_.size() - kMaxProblems;
            problems_.resize(kMaxProblems);
            problem(fmt::format("{} more problems not shown; fix these first", hidden));
        }
        out.problems = std::move(problems_);
        return out;
    }

  private:
    Diagnostic diagnostic(const toml::source_region& at, std::string message) const {
        const int line = static_cast<int>(at.begin.line);
        const int column = static_cast<int>(at.begin.column);
        std::string source;
        if (line >= 1 && static_cast<size_t>(line) <= lines_.size()) {
            source = std::string(lines_[static_cast<size_t>(line) - 1]);
        }
        return Diagnostic{
            {path_, std::max(line, 1), std::max(column, 1)}, std::move(message), std::move(source)};
    }

    void problem(const toml::source_region& at, std::string message) {
        problems_.push_back(diagnostic(at, std::move(message)));
    }

    // A problem with the file as a whole, such as a missing key.
    void problem(std::string message) {
        problems_.push_back(Diagnostic{{path_}, std::move(message), {}});
    }

    static const toml::source_region& key_region(const toml::table& t, std::string_view key) {
        return t.find(key)->first.source();
    }

    // Reports every key not in `allowed`. Returns false when there was one,
    // so that callers can leave out the follow-on problems a typo causes.
    bool check_keys(const toml::table& t, std::span<const std::string_view> allowed,
                    std::string_view where) {
        bool all_known = true;
        for (auto&& [key, value] : t) {
            const std::string_view k = key.str();
            if (std::ranges::find(allowed, k) != allowed.end()) continue;
            std::string message = fmt::format("unknown key '{}' in {}", k, where);
            if (k == "name" && where == "the routine") {
                message += "; the routine's name is its file name: did you mean 'title'?";
            } else if (std::string near = closest_match(k, allowed); !near.empty()) {
                message += fmt::format("; did you mean '{}'?", near);
            }
            problem(key.source(), std::move(message));
            all_known = false;
        }
        return all_known;
    }

    // A text value: a string of at most `max_chars` bytes with no control
    // characters other than newlines (a shared routine must not be able to
    // send escape sequences to the terminal).
    std::optional<std::string> text(const toml::table& t, std::string_view key, size_t max_chars) {
        const toml::node* node = t.get(key);
        if (!node) return std::nullopt;
        if (!node->is_string()) {
            problem(node->source(),
                    fmt::format("'{}' must be a string, not {}", key, type_name(*node)));
            return std::nullopt;
        }
        const std::string& s = node->as_string()->get();
        if (s.size() > max_chars) {
            problem(node->source(), fmt::format("'{}' is too long ({} bytes; at most {})", key,
                                                s.size(), max_chars));
            return std::nullopt;
        }
        if (const auto c = find_control(s, U"\n")) {
            problem(node->source(), fmt::format("'{}' contains a control character (U+{:04X})", key,
                                                static_cast<unsigned>(*c)));
            return std::nullopt;
        }
        if (s.find_first_not_of(" \n") == std::string::npos) {
            problem(node->source(), fmt::format("'{}' is empty", key));
            return std::nullopt;
        }
        return s;
    }

    // An integer in [lo, hi].
    std::optional<int> integer(const toml::table& t, std::string_view key, int lo, int hi) {
        const toml::node* node = t.get(key);
        if (!node) return std::nullopt;
        if (!node->is_integer()) {
            problem(node->source(),
                    fmt::format("'{}' must be a whole number, not {}", key, type_name(*node)));
            return std::nullopt;
        }
        const int64_t v = node->as_integer()->get();
        if (v < lo || v > hi) {
            problem(node->source(),
                    fmt::format("'{}' must be from {} to {}, not {}", key, lo, hi, v));
            return std::nullopt;
        }
        return static_cast<int>(v);
    }

    // A duration value from a string ("45s") or an integer (seconds), with
    // the message saying which key it belongs to.
    std::optional<Seconds> duration_text(const toml::node& node, std::string_view key,
                                         std::string_view text) {
        DurationParse parsed = parse_duration(text);
        if (!parsed.value) {
            problem(node.source(), fmt::format("'{}': {}", key, parsed.error));
            return std::nullopt;
        }
        if (std::string why = check_duration_range(*parsed.value); !why.empty()) {
            problem(node.source(), fmt::format("'{}': {}", key, why));
            return std::nullopt;
        }
        return parsed.value;
    }

    std::optional<Seconds> duration_node(const toml::node& node, std::string_view key) {
        if (const auto* i = node.as_integer()) {
            const int64_t v = i->get();
            const int64_t limit = kMaxDuration.count();
            if (v < 1 || v > limit) {
                problem(node.source(),
                        fmt::format("'{}': {}", key,
                                    check_duration_range(Seconds(v < 1 ? 0 : limit + 1))));
                return std::nullopt;
            }
            return Seconds(v);
        }
        if (const auto* s = node.as_string()) return duration_text(node, key, s->get());
        problem(node.source(),
                fmt::format(
                    "'{}' must be a duration like \"45s\" or \"1m30s\", or whole seconds, not {}",
                    key, type_name(node)));
        return std::nullopt;
    }

    std::optional<Seconds> duration(const toml::table& t, std::string_view key) {
        const toml::node* node = t.get(key);
        return node ? duration_node(*node, key) : std::nullopt;
    }

    // `hold`: a fixed duration, or "MIN..MAX".
    bool hold_range(const toml::table& t, Step& step) {
        const toml::node* node = t.get("hold");
        const auto* s = node->as_string();
        const size_t dots = s ? s->get().find("..") : std::string::npos;
        if (dots == std::string::npos) {
            const auto d = duration_node(*node, "hold");
            if (d) step.min = step.max = *d;
            return d.has_value();
        }
        const std::string_view whole = s->get();
        const auto lo = duration_text(*node, "hold", whole.substr(0, dots));
        const auto hi = duration_text(*node, "hold", whole.substr(dots + 2));
        if (!lo || !hi) return false;
        if (*lo >= *hi) {
            problem(node->source(),
                    fmt::format("'hold': the shortest time ({}) must be less than the longest ({})",
                                format_spoken(*lo), format_spoken(*hi)));
            return false;
        }
        step.min = *lo;
        step.max = *hi;
        return true;
    }

    void sides(const toml::table& t, Step& step) {
        const toml::node* node = t.get("sides");
        if (!node) return;
        const toml::array* list = node->as_array();
        if (!list || list->empty() || list->size() > kMaxSides) {
            problem(node->source(), fmt::format("'sides' must be a list of 1 to {} names, like "
                                                "[\"left\", \"right\"]",
                                                kMaxSides));
            return;
        }
        for (const toml::node& item : *list) {
            const auto* s = item.as_string();
            if (!s || s->get().empty() || s->get().size() > 20 || find_control(s->get())) {
                problem(item.source(), "each side must be a short name, like \"left\"");
                return;
            }
            if (std::ranges::find(step.sides, s->get()) != step.sides.end()) {
                problem(item.source(), fmt::format("side \"{}\" is listed twice", s->get()));
                return;
            }
            step.sides.push_back(s->get());
        }
    }

    void label(const toml::table& t, Step& step) {
        auto value = text(t, "label", 60);
        if (!value) return;
        std::string_view rest = *value;
        while (true) {
            const size_t open = rest.find('{');
            if (open == std::string_view::npos) break;
            const size_t close = rest.find('}', open);
            const std::string_view field = close == std::string_view::npos
                                               ? rest.substr(open)
                                               : rest.substr(open + 1, close - open - 1);
            if (close == std::string_view::npos ||
                (field != "n" && field != "count" && field != "side")) {
                problem(t.get("label")->source(),
                        fmt::format(
                            "'label' may use {{n}}, {{count}} and {{side}}; '{}' is not one "
                            "of them",
                            close == std::string_view::npos ? field
                                                            : rest.substr(open, close - open + 1)));
                return;
            }
            rest.remove_prefix(close + 1);
        }
        step.label = std::move(*value);
    }

    void breath(const toml::table& t, Step& step) {
        const toml::node* node = t.get("breathe");
        const toml::array* list = node->as_array();
        if (!list || list->empty() || list->size() > kMaxPhases) {
            problem(node->source(),
                    fmt::format("'breathe' must be a list of 1 to {} phases, like [\"inhale 4s\", "
                                "\"hold 2s\", \"exhale 6s\"]",
                                kMaxPhases));
            return;
        }
        std::vector<BreathPhase> phases;
        for (const toml::node& item : *list) {
            const auto* s = item.as_string();
            const std::string_view phase = s ? std::string_view(s->get()) : std::string_view();
            const size_t space = phase.find(' ');
            const size_t length_at = phase.find_first_not_of(' ', space);
            if (!s || length_at == std::string_view::npos) {
                problem(item.source(),
                        "a breathing phase is a word and a duration, like \"inhale 4s\"");
                return;
            }
            const std::string_view word = phase.substr(0, space);
            const auto kind = std::ranges::find(kBreathWords, word);
            if (kind == kBreathWords.end()) {
                std::string message = fmt::format("unknown breathing phase '{}'", word);
                if (std::string near = closest_match(word, kBreathWords); !near.empty()) {
                    message += fmt::format("; did you mean '{}'?", near);
                } else {
                    message += "; use inhale, hold or exhale";
                }
                problem(item.source(), std::move(message));
                return;
            }
            const auto length = duration_text(item, "breathe", phase.substr(length_at));
            if (!length) return;
            if (*length > kMaxPhase) {
                problem(item.source(), "a breathing phase may last at most 60 seconds");
                return;
            }
            const auto k = static_cast<BreathKind>(kind - kBreathWords.begin());
            if (!phases.empty() && phases.back().kind == k) {
                problem(item.source(),
                        fmt::format("two '{}' phases in a row; join them into one", word));
                return;
            }
            phases.push_back({k, *length});
        }
        const auto has = [&](BreathKind k) {
            return std::ranges::any_of(phases, [k](const BreathPhase& p) { return p.kind == k; });
        };
        if (!has(BreathKind::inhale) || !has(BreathKind::exhale)) {
            problem(node->source(), "a breathing pattern needs at least one inhale and one exhale");
            return;
        }
        step.breath = std::move(phases);
    }

    // Reports `key` as not allowed in this kind of step.
    void refuse(const toml::table& t, std::initializer_list<std::string_view> keys,
                std::string_view why) {
        for (const std::string_view key : keys) {
            if (t.contains(key)) problem(key_region(t, key), fmt::format("'{}' {}", key, why));
        }
    }

    Step read_step(const toml::table& t) {
        const bool keys_known = check_keys(t, kStepKeys, "a step");
        Step step;
        if (t.contains("include")) {
            step.kind = StepKind::include;
            refuse(t,
                   {"title", "cue", "label", "duration", "hold", "repeat", "between", "sides",
                    "breathe", "cycles", "rest"},
                   "cannot be used with 'include'; an included routine runs as it is written");
            const toml::node* node = t.get("include");
            const auto* s = node->as_string();
            if (!s || !is_routine_name(s->get())) {
                problem(node->source(),
                        "'include' must be a routine name made of a-z, 0-9 and '-'");
                return step;
            }
            step.include = s->get();
            step.include_site = diagnostic(node->source(), {});
            return step;
        }

        if (auto v = text(t, "title", 80)) step.title = std::move(*v);
        if (auto v = text(t, "cue", 400)) step.cue = std::move(*v);

        if (t.contains("rest")) {
            step.kind = StepKind::rest;
            refuse(t,
                   {"duration", "hold", "breathe", "cycles", "repeat", "between", "sides", "label"},
                   "cannot be used in a rest step");
            if (auto d = duration(t, "rest")) step.min = step.max = *d;
            if (step.title.empty()) step.title = "Rest";
            return step;
        }

        if (!t.contains("title")) problem(t.source(), "this step has no 'title'");

        if (t.contains("breathe")) {
            step.kind = StepKind::breathe;
            refuse(t, {"hold", "repeat", "between", "sides", "label"},
                   "cannot be used in a breathing step");
            breath(t, step);
            const bool by_time = t.contains("duration"), by_count = t.contains("cycles");
            if (by_time && by_count) {
                problem(key_region(t, "cycles"),
                        "a breathing step takes 'duration' or 'cycles', not both");
                return step;
            }
            if (!by_time && !by_count) {
                problem(key_region(t, "breathe"),
                        "a breathing step needs 'duration' or 'cycles' to say how long it lasts");
                return step;
            }
            if (auto c = integer(t, "cycles", 1, kMaxCycles)) step.cycles = *c;
            const auto total = duration(t, "duration");
            if (total && !step.breath.empty()) {
                // Whole breaths only: the step ends at the end of an exhale.
                Seconds cycle{0};
                for (const BreathPhase& p : step.breath)
                    cycle += p.length;
                const double n = std::round(static_cast<double>(total->count()) /
                                            static_cast<double>(cycle.count()));
                step.cycles = static_cast<int>(std::clamp(n, 1.0, double(kMaxCycles)));
            }
            return step;
        }
        if (t.contains("cycles")) {
            problem(key_region(t, "cycles"), "'cycles' belongs to a breathing step ('breathe')");
        }

        step.kind = StepKind::timed;
        const bool has_duration = t.contains("duration"), has_hold = t.contains("hold");
        if (has_duration && has_hold) {
            problem(key_region(t, "hold"), "a step takes 'duration' or 'hold', not both");
        } else if (has_duration) {
            if (auto d = duration(t, "duration")) step.min = step.max = *d;
        } else if (has_hold) {
            hold_range(t, step);
        } else if (keys_known) {
            problem(t.source(),
                    "this step needs one of 'duration', 'hold', 'breathe', 'rest' "
                    "or 'include'");
        }
        if (auto r = integer(t, "repeat", 1, kMaxRepeat)) step.repeat = *r;
        sides(t, step);
        label(t, step);
        if (auto b = duration(t, "between")) {
            if (step.repeat == 1 && step.sides.size() <= 1) {
                problem(key_region(t, "between"),
                        "'between' needs 'repeat' above 1 or more than one side to come between");
            } else {
                step.between = *b;
            }
        }
        return step;
    }

    void read_routine(const toml::table& root, Routine& routine) {
        check_keys(root, kRoutineKeys, "the routine");
        if (auto v = text(root, "title", 80)) {
            routine.title = std::move(*v);
        } else if (!root.contains("title") && !root.contains("name")) {
            problem("the routine has no 'title'");
        }
        if (auto v = text(root, "summary", 200)) routine.summary = std::move(*v);
        if (auto v = text(root, "caution", 1000)) routine.caution = std::move(*v);

        const toml::node* steps = root.get("step");
        if (!steps) {
            problem("the routine has no steps; add one with [[step]]");
            return;
        }
        const toml::array* list = steps->as_array();
        if (!list || !list->is_array_of_tables()) {
            problem(steps->source(), "'step' must be written as [[step]] tables, one per step");
            return;
        }
        if (list->size() > kMaxSteps) {
            problem(steps->source(),
                    fmt::format("too many steps ({}; at most {})", list->size(), kMaxSteps));
            return;
        }
        for (const toml::node& item : *list)
            routine.steps.push_back(read_step(*item.as_table()));
    }

    std::string path_;
    std::vector<std::string_view> lines_;
    std::vector<Diagnostic> problems_;
};

}  // namespace

RoutineParse parse_routine(std::string_view text, std::string path, std::string name) {
    RoutineReader reader(text, std::move(path));
    return reader.read(text, std::move(name));
}

}  // namespace selfcare
