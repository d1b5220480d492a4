// What the sequencer shows and sums up: the view the screen draws from and
// the totals the run ends with. The state machine is in sequencer.cpp.

#include <algorithm>
#include <cmath>

#include "sequencer.hpp"

namespace selfcare {

using std::chrono::duration;
using std::chrono::duration_cast;

View Sequencer::view(TimePoint now) const {
    View v;
    v.getting_ready = started_ && index_ < 0 && !finished_;
    v.paused = paused_;
    v.finished = finished_;
    v.segment = index_;
    v.remaining = schedule_seconds(remaining(now));
    v.length = schedule_seconds(length_);
    // Everything after the current segment, by its planned times.
    double after_min = 0, after_max = 0;
    for (size_t i = static_cast<size_t>(index_) + 1; i < schedule_.segments.size(); ++i) {
        after_min += static_cast<double>(schedule_.segments[i].min.count());
        after_max += static_cast<double>(schedule_.segments[i].max.count());
    }
    v.total_left_min = v.total_left_max = v.remaining;
    if (index_ >= 0 && !finished_) {
        const Segment& s = schedule_.segments[static_cast<size_t>(index_)];
        const double elapsed = v.length - v.remaining;
        v.until_ready = std::max(0.0, static_cast<double>(s.min.count()) - elapsed);
        if (s.kind == SegmentKind::hold) v.total_left_min = v.until_ready;
        if (breathing() && phase_ >= 0) {
            v.phase = phase_;
            v.cycle = cycle_;
            double cycle = 0, before = 0;
            for (size_t i = 0; i < s.breath.size(); ++i) {
                const auto len = static_cast<double>(s.breath[i].length.count());
                cycle += len;
                if (static_cast<int>(i) < phase_) before += len;
            }
            v.phase_length =
                static_cast<double>(s.breath[static_cast<size_t>(phase_)].length.count());
            v.phase_elapsed =
                std::clamp(elapsed - cycle * (cycle_ - 1) - before, 0.0, v.phase_length);
        }
    }
    if (finished_)
        v.total_left_min = v.total_left_max = 0;
    else {
        v.total_left_min += after_min;
        v.total_left_max += after_max;
    }
    return v;
}

RunTotals Sequencer::totals(TimePoint now) const {
    RunTotals t;
    t.completed = completed_;
    t.active = active_ + (active_since_ ? now - *active_since_ : Duration::zero());
    t.segments_done = static_cast<int>(std::ranges::count(done_, true));
    t.segments_total = static_cast<int>(schedule_.segments.size());
    t.adjustments = adjustments_;
    t.segment = index_;
    t.started_at = first_;
    t.segment_done = finished_ ? stopped_done_ : schedule_seconds(length_ - remaining(now));
    return t;
}

}  // namespace selfcare
