#include "run_text.hpp"

#include <cmath>

#include <fmt/core.h>

#include "plan_view.hpp"

namespace selfcare {
namespace {

std::string spoken_span(Seconds min, Seconds max) {
    if (min == max) return format_spoken(min);
    return fmt::format("{} to {}", format_spoken(min), format_spoken(max));
}

// "4 of 25 breaths (Deep breaths, step 3 of 4)", "0:12 of 0:30 (Side neck
// stretch, right side, step 1 of 1)": how far into a segment the run got.
std::string progress(const Schedule& s, const Segment& seg, double done) {
    const std::string where = fmt::format("step {} of {}", seg.step, s.step_count);
    if (seg.kind == SegmentKind::breathe) {
        Seconds cycle{0};
        for (const BreathPhase& p : seg.breath)
            cycle += p.length;
        const int breaths = static_cast<int>(done / static_cast<double>(cycle.count()) + 1e-6);
        return fmt::format("{} of {} {} ({}, {})", breaths, seg.cycles,
                           seg.cycles == 1 ? "breath" : "breaths", seg.title, where);
    }
    return fmt::format("{} of {} ({}, {})",
                       format_clock(Seconds(static_cast<long long>(done + 1e-6))),
                       format_clock(seg.max), describe(seg), where);
}

}  // namespace

Seconds shown_seconds(double seconds) {
    return Seconds(static_cast<long long>(std::ceil(std::max(0.0, seconds) - 1e-6)));
}

std::optional<std::string> plain_line(const Event& e, const Schedule& s, Seconds elapsed,
                                      double speed) {
    const std::string at = format_clock(elapsed);
    const Segment* seg = e.segment >= 0 ? &s.segments[static_cast<size_t>(e.segment)] : nullptr;
    switch (e.kind) {
        case EventKind::routine_start: {
            std::string line =
                fmt::format("{}, {}.", s.title, spoken_span(s.total_min, s.total_max));
            for (const std::string& c : s.cautions)
                line += " Caution: " + c;
            return line;
        }
        case EventKind::segment_start: {
            std::string line = fmt::format("{} Step {}/{} {}, {}", at, seg->step, s.step_count,
                                           describe(*seg), spoken_span(seg->min, seg->max));
            if (!seg->cue.empty()) line += ". " + seg->cue;
            return line;
        }
        case EventKind::phase: {
            // The sequencer gives every phase event its segment.
            // NOLINTNEXTLINE(clang-analyzer-core.CallAndMessage)
            const BreathPhase& ph = seg->breath[static_cast<size_t>(e.phase)];
            std::string word(to_string(ph.kind));
            word[0] = static_cast<char>(word[0] - 'a' + 'A');
            return fmt::format("{} {} {} (breath {} of {})", at, word, format_spoken(ph.length),
                               e.cycle, seg->cycles);
        }
        case EventKind::hold_ready:
            return fmt::format("{} Release when ready", at);
        case EventKind::pause:
            return fmt::format("{} Paused", at);
        case EventKind::resume:
            return fmt::format("{} Resumed", at);
        case EventKind::skip:
            return fmt::format("{} Next", at);
        case EventKind::back:
            return fmt::format("{} Back", at);
        case EventKind::adjust: {
            const double seconds = std::chrono::duration<double>(e.delta).count() * speed;
            return fmt::format("{} {}{} s", at, seconds < 0 ? "-" : "+",
                               std::lround(std::fabs(seconds)));
        }
        case EventKind::routine_end:
            return fmt::format("{} {}", at, e.completed ? "Done" : "Stopped");
        case EventKind::segment_end:
        case EventKind::countdown:
        case EventKind::tick:
            break;
    }
    return std::nullopt;
}

std::string time_left_line(const View& v) {
    const std::string all =
        format_span(shown_seconds(v.total_left_min), shown_seconds(v.total_left_max));
    if (v.getting_ready)
        return fmt::format("Left: starting in {}, {} in all",
                           format_clock(shown_seconds(v.remaining)), all);
    const std::string here =
        v.until_ready > 0 ? format_span(shown_seconds(v.until_ready), shown_seconds(v.remaining))
                          : format_clock(shown_seconds(v.remaining));
    return fmt::format("Left: {} in this step, {} in all", here, all);
}

std::string run_summary(const Schedule& s, const RunTotals& t, double speed) {
    // At --speed the clock ran faster than the routine: say routine time.
    const auto routine_time =
        Seconds(std::llround(std::chrono::duration<double>(t.active).count() * speed));
    const std::string preview =
        speed == 1.0 ? "" : fmt::format(" (routine time; a preview at {}x speed)", speed);
    if (t.completed) {
        // Reached the end, but perhaps by skipping: say how much was.
        // Segments before a --resume or --from start were not skipped.
        const int skipped = t.segments_total - t.started_at - t.segments_done;
        const std::string skips =
            skipped <= 0 ? ""
                         : fmt::format("; {} of {} {} skipped", skipped, t.segments_total,
                                       t.segments_total == 1 ? "part" : "parts");
        return fmt::format("Done: {} in {}{}{}.\n", s.title, format_clock(routine_time), preview,
                           skips);
    }
    if (t.segment < 0) return fmt::format("Stopped before the first step{}.\n", preview);
    return fmt::format("Stopped after {}{}: {}.\n", format_clock(routine_time), preview,
                       progress(s, s.segments[static_cast<size_t>(t.segment)], t.segment_done));
}

}  // namespace selfcare
