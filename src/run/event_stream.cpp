#include "event_stream.hpp"

#include <fmt/core.h>

#include "json.hpp"

namespace selfcare {
namespace {

using Ms = std::chrono::duration<double, std::milli>;

double ms(Duration d) {
    return Ms(d).count();
}

double scaled_ms(Seconds s, double speed) {
    return Ms(s).count() / speed;
}

}  // namespace

std::string event_json(const Event& e, const Schedule& s, double speed, Seconds get_ready,
                       TimePoint start, const RunTotals& totals) {
    std::string out =
        fmt::format(R"({{"t_ms": {:.3f}, "event": "{}")", ms(e.at - start), to_string(e.kind));
    const Segment* seg = e.segment >= 0 ? &s.segments[static_cast<size_t>(e.segment)] : nullptr;
    if (seg && e.kind != EventKind::routine_end)
        out += fmt::format(R"(, "segment": {})", e.segment);
    switch (e.kind) {
        case EventKind::routine_start:
            out += fmt::format(
                R"(, "routine": {}, "title": {}, "segments": {}, "speed": {}, )"
                R"("get_ready_ms": {:.3f}, "planned_ms": {{"min": {:.3f}, "max": {:.3f}}})",
                json_string(s.name), json_string(s.title), s.segments.size(), speed,
                scaled_ms(get_ready, speed), scaled_ms(s.total_min, speed),
                scaled_ms(s.total_max, speed));
            break;
        case EventKind::segment_start:
            out += fmt::format(
                R"(, "step": {}, "title": {}, "label": {}, "side": {}, "kind": "{}", )"
                R"("planned_ms": {:.3f}, "min_ms": {:.3f})",
                seg->step, json_string(seg->title), json_string(seg->label), json_string(seg->side),
                to_string(seg->kind), ms(e.planned), scaled_ms(seg->min, speed));
            break;
        case EventKind::phase: {
            const BreathPhase& p = seg->breath[static_cast<size_t>(e.phase)];
            out +=
                fmt::format(R"(, "phase": "{}", "cycle": {}, "cycles": {}, "planned_ms": {:.3f})",
                            to_string(p.kind), e.cycle, seg->cycles, scaled_ms(p.length, speed));
            break;
        }
        case EventKind::adjust:
            out += fmt::format(R"(, "delta_ms": {:.3f})", ms(e.delta));
            break;
        case EventKind::segment_end:
            out += fmt::format(R"(, "ending": "{}")", to_string(e.ending));
            break;
        case EventKind::routine_end:
            out += fmt::format(R"(, "completed": {}, "active_ms": {:.3f}, "segments_done": {}, )"
                               R"("segments_total": {}, "adjustments": {})",
                               e.completed, ms(totals.active), totals.segments_done,
                               totals.segments_total, totals.adjustments);
            break;
        case EventKind::pause:
        case EventKind::resume:
        case EventKind::skip:
        case EventKind::back:
        case EventKind::hold_ready:
        case EventKind::countdown:
        case EventKind::tick:
            break;
    }
    return out + "}";
}

}  // namespace selfcare
