#include "routine_loader.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include <fmt/core.h>

#include "step_values.hpp"
#include "text.hpp"
#include "toml_reader.hpp"

namespace selfcare {
namespace {

using namespace std::string_view_literals;

constexpr std::array kRoutineKeys = {"title"sv, "summary"sv, "caution"sv, "step"sv};
constexpr std::array kStepKeys = {"title"sv,   "cue"sv,         "label"sv,        "duration"sv,
                                  "hold"sv,    "repeat"sv,      "between"sv,      "sides"sv,
                                  "breathe"sv, "cycles"sv,      "rest"sv,         "include"sv,
                                  "prepare"sv, "between_cue"sv, "between_sides"sv};

constexpr size_t kMaxSteps = 200;
constexpr int kMaxRepeat = 100;
constexpr int kMaxCycles = 1000;
constexpr size_t kMaxIncludePath = 1024;

// A routine name, or a path (with a '/' or a ".toml" ending) of sane length
// with nothing in it that could reach a terminal. Whether the path stays
// where it may is the catalog's to judge: only it knows the folders.
bool is_include_text(std::string_view text) {
    if (is_routine_name(text)) return true;
    if (text.empty() || text.size() > kMaxIncludePath) return false;
    if (text.find('/') == std::string_view::npos && !text.ends_with(".toml")) return false;
    return std::ranges::none_of(text, [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7F;
    });
}

// Walks one routine's tree, building the Routine; every problem goes to the
// file with its place. Each kind of step has its own reader below.
class RoutineReader {
  public:
    explicit RoutineReader(TomlFile& file) : file_(file), values_(file) {}

    void read_routine(Routine& routine) {
        const TomlValue& root = file_.root();
        file_.check_keys(root, kRoutineKeys, "the routine", [](std::string_view key) {
            return key == "name" ? std::string(
                                       "the routine's name is its file name: did you mean "
                                       "'title'?")
                                 : std::string();
        });
        if (auto v = file_.text(root, "title", 80)) {
            routine.title = std::move(*v);
        } else if (!root.get("title") && !root.get("name")) {
            file_.problem("the routine has no 'title'");
        }
        if (auto v = file_.text(root, "summary", 200)) routine.summary = std::move(*v);
        if (auto v = file_.text(root, "caution", 1000)) routine.caution = std::move(*v);
        const TomlValue* steps = root.get("step");
        if (!steps) {
            file_.problem("the routine has no steps; add one with [[step]]");
            return;
        }
        if (!steps->is_array_of_tables()) {
            file_.problem(steps->at, "'step' must be written as [[step]] tables, one per step");
            return;
        }
        if (steps->items.size() > kMaxSteps) {
            file_.problem(steps->at, fmt::format("too many steps ({}; at most {})",
                                                 steps->items.size(), kMaxSteps));
            return;
        }
        for (const TomlValue& item : steps->items)
            routine.steps.push_back(read_step(item));
    }

  private:
    Step read_step(const TomlValue& t) {
        const bool keys_known = file_.check_keys(t, kStepKeys, "a step");
        Step step;
        if (t.get("include")) return include_step(t);
        if (auto v = file_.text(t, "title", 80)) step.title = std::move(*v);
        if (auto v = file_.text(t, "cue", 400)) step.cue = std::move(*v);
        if (t.get("rest")) return rest_step(t, std::move(step));
        // A get-ready before the step, for when the body has to move.
        if (auto p = values_.duration(t, "prepare")) step.prepare = *p;
        if (!t.get("title")) file_.problem(t.at, "this step has no 'title'");
        if (t.get("breathe")) return breathing_step(t, std::move(step));
        if (t.get("cycles")) {
            file_.problem(t.key_place("cycles"),
                          "'cycles' belongs to a breathing step ('breathe')");
        }
        return timed_step(t, std::move(step), keys_known);
    }

    // Reports each of `keys` present in `t` as not allowed in this kind of step.
    void refuse(const TomlValue& t, std::initializer_list<std::string_view> keys,
                std::string_view why) {
        for (const std::string_view key : keys) {
            if (t.get(key)) file_.problem(t.key_place(key), fmt::format("'{}' {}", key, why));
        }
    }

    Step include_step(const TomlValue& t) {
        Step step;
        step.kind = StepKind::include;
        refuse(t,
               {"title", "cue", "label", "duration", "hold", "repeat", "between", "sides",
                "breathe", "cycles", "rest", "between_cue", "between_sides"},
               "cannot be used with 'include'; an included routine runs as it is written");
        // The get-ready before the included routine's first step: moving
        // from one routine's position to the next's is the include's to say.
        if (auto p = values_.duration(t, "prepare")) step.prepare = *p;
        const TomlValue& what = *t.get("include");
        if (what.type != TomlType::string || !is_include_text(what.text)) {
            file_.problem(what.at,
                          "'include' must be a routine name (a-z, 0-9 and '-') or the path of a "
                          ".toml file from this file's folder, such as \"./calm-breathing.toml\"");
            return step;
        }
        step.include = what.text;
        step.include_site = file_.diagnostic(what.at, {});
        return step;
    }

    Step rest_step(const TomlValue& t, Step step) {
        step.kind = StepKind::rest;
        refuse(t,
               {"duration", "hold", "breathe", "cycles", "repeat", "between", "sides", "label",
                "prepare", "between_cue", "between_sides"},
               "cannot be used in a rest step");
        if (auto d = values_.duration(t, "rest")) step.min = step.max = *d;
        if (step.title.empty()) step.title = "Rest";
        return step;
    }

    Step breathing_step(const TomlValue& t, Step step) {
        step.kind = StepKind::breathe;
        refuse(t, {"hold", "repeat", "between", "sides", "label", "between_cue", "between_sides"},
               "cannot be used in a breathing step");
        step.breath = values_.breath(*t.get("breathe"));
        const bool by_time = t.get("duration") != nullptr, by_count = t.get("cycles") != nullptr;
        if (by_time && by_count) {
            file_.problem(t.key_place("cycles"),
                          "a breathing step takes 'duration' or 'cycles', not both");
            return step;
        }
        if (!by_time && !by_count) {
            file_.problem(t.key_place("breathe"),
                          "a breathing step needs 'duration' or 'cycles' to say how long it lasts");
            return step;
        }
        if (auto c = file_.integer(t, "cycles", 1, kMaxCycles)) step.cycles = *c;
        const auto total = values_.duration(t, "duration");
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

    Step timed_step(const TomlValue& t, Step step, bool keys_known) {
        step.kind = StepKind::timed;
        const bool has_duration = t.get("duration") != nullptr, has_hold = t.get("hold") != nullptr;
        if (has_duration && has_hold) {
            file_.problem(t.key_place("hold"), "a step takes 'duration' or 'hold', not both");
        } else if (has_duration) {
            if (auto d = values_.duration(t, "duration")) step.min = step.max = *d;
        } else if (has_hold) {
            values_.hold_range(*t.get("hold"), step);
        } else if (keys_known) {
            file_.problem(t.at,
                          "this step needs one of 'duration', 'hold', 'breathe', 'rest' or "
                          "'include'");
        }
        if (auto r = file_.integer(t, "repeat", 1, kMaxRepeat)) step.repeat = *r;
        if (const TomlValue* sides = t.get("sides")) step.sides = values_.sides(*sides);
        if (auto label = values_.label(t)) step.label = std::move(*label);
        if (step.sides.empty() && step.label.find("{side}") != std::string::npos) {
            file_.problem(t.get("label")->at,
                          "'label' uses {side}, but this step has no 'sides' to fill it in");
        }
        if (step.repeat > 1 && !step.label.empty() && step.label.find("{n}") == std::string::npos) {
            file_.warning(t.get("label")->at,
                          fmt::format("every one of the {} repeats gets the same label; add {{n}} "
                                      "to tell them apart (\"spot {{n}} of {{count}}\")",
                                      step.repeat));
        }
        if (auto b = values_.duration(t, "between")) {
            if (step.repeat == 1 && step.sides.size() <= 1) {
                file_.problem(t.key_place("between"),
                              "'between' needs 'repeat' above 1 or more "
                              "than one side to come between");
            } else {
                step.between = *b;
            }
        }
        if (auto b = values_.duration(t, "between_sides")) {
            if (step.sides.size() <= 1) {
                file_.problem(t.key_place("between_sides"),
                              "'between_sides' needs more than one side to come between");
            } else {
                step.between_sides = *b;
            }
        }
        if (auto c = file_.text(t, "between_cue", 400)) {
            if (step.between == Seconds(0) && !step.between_sides) {
                file_.problem(t.key_place("between_cue"),
                              "'between_cue' is said in the gaps: it needs 'between' or "
                              "'between_sides'");
            } else {
                step.between_cue = std::move(*c);
            }
        }
        return step;
    }

    TomlFile& file_;
    StepValues values_;
};

}  // namespace

RoutineParse parse_routine(std::string_view text, std::string path, std::string name) {
    RoutineParse out;
    out.routine.name = std::move(name);
    out.routine.path = path;
    TomlFile file(text, std::move(path));
    if (!file.has_problems()) RoutineReader(file).read_routine(out.routine);
    out.problems = file.take_problems();
    out.warnings = file.take_warnings();
    return out;
}

}  // namespace selfcare
