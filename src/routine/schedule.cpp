#include "schedule.hpp"

#include <algorithm>

#include <fmt/core.h>

namespace selfcare {

std::string_view to_string(SegmentKind kind) {
    switch (kind) {
        case SegmentKind::work:
            return "work";
        case SegmentKind::hold:
            return "hold";
        case SegmentKind::between:
            return "between";
        case SegmentKind::rest:
            return "rest";
        case SegmentKind::breathe:
            return "breathe";
    }
    return "?";
}

std::string fill_label(std::string_view label, int n, int count, std::string_view side) {
    std::string out;
    while (!label.empty()) {
        const size_t open = label.find('{');
        const size_t close = label.find('}', open);
        if (open == std::string_view::npos || close == std::string_view::npos) break;
        out += label.substr(0, open);
        const std::string_view field = label.substr(open + 1, close - open - 1);
        if (field == "n")
            out += std::to_string(n);
        else if (field == "count")
            out += std::to_string(count);
        else if (field == "side")
            out += side;
        else
            out += label.substr(open, close - open + 1);
        label.remove_prefix(close + 1);
    }
    out += label;
    return out;
}

namespace {

class Expander {
  public:
    Expander(Schedule& out, std::string& problem) : out_(out), problem_(problem) {}

    void routine(const Routine& r) {
        if (!r.caution.empty() &&
            std::ranges::find(out_.cautions, r.caution) == out_.cautions.end()) {
            out_.cautions.push_back(r.caution);
        }
        for (const Step& step : r.steps) {
            if (failed()) return;
            if (step.kind == StepKind::include) {
                pending_prepare_ = std::max(pending_prepare_, step.prepare);
                routine(*step.included);
            } else {
                this->step(r, step);
            }
        }
    }

  private:
    // Once a limit is passed, nothing more is added and every loop stops:
    // 200 includes of a routine of 80,000 segments used to go round all 16
    // million before the problem was reported.
    bool failed() const { return !problem_.empty(); }

    void add(Segment s) {
        if (failed()) return;
        if (out_.segments.size() >= kMaxSegments) {
            problem_ = fmt::format(
                "routine '{}' expands to more than {} segments; use fewer repeats, cycles or "
                "includes",
                out_.name, kMaxSegments);
            return;
        }
        out_.total_min += s.min;
        out_.total_max += s.max;
        if (out_.total_max > kMaxRoutineLength) {
            problem_ = fmt::format("routine '{}' would last more than 24 hours", out_.name);
            return;
        }
        out_.segments.push_back(std::move(s));
    }

    void step(const Routine& r, const Step& step) {
        Segment base;
        base.step = ++out_.step_count;
        base.routine = r.name;
        base.title = step.title;
        base.cue = step.cue;
        base.min = step.min;
        base.max = step.max;
        switch (step.kind) {
            case StepKind::rest:
                base.kind = SegmentKind::rest;
                break;
            case StepKind::breathe: {
                base.kind = SegmentKind::breathe;
                base.breath = step.breath;
                base.cycles = step.cycles;
                Seconds cycle{0};
                for (const BreathPhase& p : step.breath)
                    cycle += p.length;
                base.min = base.max = cycle * step.cycles;
                break;
            }
            case StepKind::timed:
                base.kind = step.is_range() ? SegmentKind::hold : SegmentKind::work;
                break;
            case StepKind::include:
                return;  // spliced in by routine()
        }
        if (step.kind != StepKind::timed) {
            add_prepare(step, base);
            add(std::move(base));
            return;
        }
        // Each side in turn, and each repeat within a side, with the gap
        // between every pair of neighbours.
        const std::vector<std::string> sides =
            step.sides.empty() ? std::vector<std::string>{""} : step.sides;
        const std::string label =
            step.label.empty() && step.repeat > 1 ? "{n} of {count}" : step.label;
        bool first = true;
        for (const std::string& side : sides) {
            for (int n = 1; n <= step.repeat && !failed(); ++n) {
                Segment s = base;
                s.side = side;
                s.repeat = n;
                s.repeat_count = step.repeat;
                s.label = fill_label(label, n, step.repeat, side);
                if (first) add_prepare(step, s);
                // The first repeat of a side after the first comes after the
                // gap between sides.
                const Seconds gap_length =
                    n == 1 && step.between_sides ? *step.between_sides : step.between;
                if (!first && gap_length > Seconds(0)) {
                    Segment gap = s;
                    gap.kind = SegmentKind::between;
                    gap.min = gap.max = gap_length;
                    gap.cue = step.between_cue;
                    add(std::move(gap));
                }
                first = false;
                add(std::move(s));
            }
        }
    }

    // The get-ready before a step (its `prepare`, or its include's when
    // it is the first step of an included routine; the longer when both): a
    // gap that names what comes, without the step's cue, which belongs to
    // the step itself.
    void add_prepare(const Step& step, const Segment& first) {
        const Seconds length = std::max(step.prepare, pending_prepare_);
        pending_prepare_ = Seconds(0);
        if (length <= Seconds(0)) return;
        Segment gap = first;
        gap.kind = SegmentKind::between;
        gap.min = gap.max = length;
        gap.cue.clear();
        add(std::move(gap));
    }

    Schedule& out_;
    std::string& problem_;
    Seconds pending_prepare_{0};  // an include's, until its first step
};

}  // namespace

Expansion expand(const Routine& routine) {
    Expansion out;
    out.schedule.name = routine.name;
    out.schedule.title = routine.title;
    out.schedule.summary = routine.summary;
    Expander(out.schedule, out.problem).routine(routine);
    return out;
}

}  // namespace selfcare
