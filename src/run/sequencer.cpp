#include "sequencer.hpp"

#include <algorithm>
#include <cmath>

namespace selfcare {

using std::chrono::duration;
using std::chrono::duration_cast;

std::string_view to_string(EventKind kind) {
    switch (kind) {
        case EventKind::routine_start:
            return "routine_start";
        case EventKind::segment_start:
            return "segment_start";
        case EventKind::phase:
            return "phase";
        case EventKind::pause:
            return "pause";
        case EventKind::resume:
            return "resume";
        case EventKind::skip:
            return "skip";
        case EventKind::back:
            return "back";
        case EventKind::adjust:
            return "adjust";
        case EventKind::segment_end:
            return "segment_end";
        case EventKind::routine_end:
            return "routine_end";
        case EventKind::hold_ready:
            return "hold_ready";
        case EventKind::countdown:
            return "countdown";
        case EventKind::tick:
            return "tick";
    }
    return "?";
}

bool is_public(EventKind kind) {
    return kind != EventKind::hold_ready && kind != EventKind::countdown && kind != EventKind::tick;
}

std::string_view to_string(Ending ending) {
    switch (ending) {
        case Ending::done:
            return "done";
        case Ending::released:
            return "released";
        case Ending::skipped:
            return "skipped";
        case Ending::back:
            return "back";
        case Ending::stopped:
            return "stopped";
    }
    return "?";
}

Sequencer::Sequencer(const Schedule& schedule, double speed, Seconds get_ready, bool count_aloud)
    : schedule_(schedule),
      speed_(speed),
      get_ready_(get_ready),
      done_(schedule.segments.size(), false),
      count_aloud_(count_aloud),
      countdown_from_(count_aloud ? kCountFrom : 3) {}

Duration Sequencer::real(Seconds s) const {
    return duration_cast<Duration>(duration<double>(static_cast<double>(s.count()) / speed_));
}

double Sequencer::schedule_seconds(Duration d) const {
    return duration<double>(d).count() * speed_;
}

Duration Sequencer::remaining(TimePoint now) const {
    if (paused_) return paused_remaining_;
    return std::max(Duration::zero(), deadline_ - now);
}

bool Sequencer::breathing() const {
    return index_ >= 0 && !finished_ &&
           schedule_.segments[static_cast<size_t>(index_)].kind == SegmentKind::breathe;
}

void Sequencer::start_active(TimePoint now) {
    if (index_ >= 0 && !active_since_) active_since_ = now;
}

void Sequencer::stop_active(TimePoint now) {
    if (!active_since_) return;
    active_ += now - *active_since_;
    active_since_.reset();
}

void Sequencer::start_at(int segment, std::chrono::milliseconds left) {
    first_ = std::clamp(segment, 0, static_cast<int>(schedule_.segments.size()) - 1);
    first_left_ = left;
}

void Sequencer::start(TimePoint now, std::vector<Event>& out) {
    started_ = true;
    out.push_back({EventKind::routine_start, now});
    length_ = real(get_ready_);
    deadline_ = now + length_;
    next_countdown_ = static_cast<int>(std::min<long long>(3, get_ready_.count() - 1));
    next_tick_ = Seconds(0);
    if (get_ready_ <= Seconds(0)) advance(now, now, out);
}

void Sequencer::plan_marks() {
    const Segment& s = schedule_.segments[static_cast<size_t>(index_)];
    // Count the last seconds down unless the breath is being paced already or
    // the segment is too short for a countdown to mean anything.
    next_countdown_ =
        s.kind == SegmentKind::breathe
            ? 0
            : static_cast<int>(std::min<long long>(countdown_from_, s.max.count() - 1));
    plan_ticks(Duration::zero());
    hold_ready_sent_ = s.kind != SegmentKind::hold;
    phase_ = -1;
    cycle_ = 0;
}

// Ticks count the time held, from the first whole kTickEvery after `done`
// (real time into the segment), and stop where the countdown takes over.
// The end is the segment's length as it stands, so after + or - the counting
// follows the new end.
void Sequencer::plan_ticks(Duration done) {
    next_tick_ = Seconds(0);
    const Segment& s = schedule_.segments[static_cast<size_t>(index_)];
    if (!count_aloud_ || (s.kind != SegmentKind::work && s.kind != SegmentKind::hold)) return;
    // Compared as the ticks are emitted (real(next) from the segment's start),
    // so a tick already said is never said again. A segment lasts at most a
    // day, so this is at most 8,640 steps.
    Seconds next = kTickEvery;
    while (real(next) <= done)
        next += kTickEvery;
    if (tick_due(next)) next_tick_ = next;
}

bool Sequencer::tick_due(Seconds at) const {
    return real(at) < length_ - real(Seconds(countdown_from_));
}

void Sequencer::begin_segment(int index, TimePoint starts, TimePoint now, std::vector<Event>& out,
                              Duration left) {
    index_ = index;
    const Segment& s = schedule_.segments[static_cast<size_t>(index)];
    length_ = real(s.max);
    // A resumed segment keeps its length; the part done before counts as
    // done, so a breath or a hold's minimum goes on from where it was.
    if (left <= Duration::zero() || left > length_) left = length_;
    deadline_ = starts + left;
    if (paused_) paused_remaining_ = left;
    plan_marks();
    if (left < length_) plan_ticks(length_ - left);
    // Active time runs from when the segment was due, even if we woke late.
    if (!paused_) start_active(std::min(starts, now));
    Event e{EventKind::segment_start, now, index};
    e.planned = length_;
    out.push_back(e);
    emit_phases(now, out);
}

void Sequencer::end_segment(Ending how, TimePoint now, std::vector<Event>& out) {
    if (how == Ending::done || how == Ending::released) done_[static_cast<size_t>(index_)] = true;
    Event e{EventKind::segment_end, now, index_};
    e.ending = how;
    out.push_back(e);
}

// Moves on to the segment after the current one, which starts at `starts`
// (the old deadline, so that lateness never accumulates), or finishes.
void Sequencer::advance(TimePoint starts, TimePoint now, std::vector<Event>& out) {
    if (index_ < 0) {
        begin_segment(first_, starts, now, out,
                      duration_cast<Duration>(duration<double>(first_left_) / speed_));
        return;
    }
    if (static_cast<size_t>(index_) + 1 < schedule_.segments.size()) {
        begin_segment(index_ + 1, starts, now, out);
        return;
    }
    stop_active(now);
    finished_ = true;
    completed_ = true;
    Event e{EventKind::routine_end, now, index_};
    e.completed = true;
    out.push_back(e);
}

// Announces every breathing phase that has begun by `now`.
void Sequencer::emit_phases(TimePoint now, std::vector<Event>& out) {
    if (!breathing()) return;
    const Segment& s = schedule_.segments[static_cast<size_t>(index_)];
    const Duration elapsed = length_ - remaining(now);
    Duration cycle{0};
    for (const BreathPhase& p : s.breath)
        cycle += real(p.length);
    const auto cycles_done = elapsed / cycle;
    Duration within = elapsed - cycle * cycles_done;
    int phase = 0;
    while (phase + 1 < static_cast<int>(s.breath.size()) &&
           within >= real(s.breath[static_cast<size_t>(phase)].length)) {
        within -= real(s.breath[static_cast<size_t>(phase)].length);
        ++phase;
    }
    const int cycle_number = static_cast<int>(cycles_done) + 1;
    if (cycle_number == cycle_ && phase == phase_) return;
    cycle_ = cycle_number;
    phase_ = phase;
    Event e{EventKind::phase, now, index_};
    e.phase = phase;
    e.cycle = cycle_number;
    out.push_back(e);
}

TimePoint Sequencer::next_deadline() const {
    if (!started_ || finished_ || paused_) return TimePoint::max();
    TimePoint next = deadline_;
    if (next_countdown_ > 0) next = std::min(next, deadline_ - real(Seconds(next_countdown_)));
    if (index_ < 0) return next;
    const Segment& s = schedule_.segments[static_cast<size_t>(index_)];
    const TimePoint began = deadline_ - length_;
    if (!hold_ready_sent_) next = std::min(next, began + real(s.min));
    if (next_tick_ > Seconds(0)) next = std::min(next, began + real(next_tick_));
    if (breathing()) {
        Duration cycle{0}, through{0};
        for (const BreathPhase& p : s.breath)
            cycle += real(p.length);
        for (int i = 0; i <= phase_; ++i)
            through += real(s.breath[static_cast<size_t>(i)].length);
        next = std::min(next, began + cycle * (cycle_ - 1) + through);
    }
    return next;
}

TimePoint Sequencer::next_second(TimePoint now) const {
    if (!started_ || finished_ || paused_) return TimePoint::max();
    // The display shows whole seconds rounded up, so it changes each time the
    // remaining schedule time crosses a whole number.
    const double left = schedule_seconds(remaining(now));
    const double step_down = left - (std::ceil(left) - 1.0);
    return now + duration_cast<Duration>(duration<double>(std::max(step_down, 1e-3) / speed_));
}

void Sequencer::update(TimePoint now, std::vector<Event>& out) {
    while (started_ && !finished_ && !paused_) {
        if (index_ >= 0) {
            emit_phases(std::min(now, deadline_ - Duration(1)), out);
            const Segment& s = schedule_.segments[static_cast<size_t>(index_)];
            if (!hold_ready_sent_ && now >= deadline_ - length_ + real(s.min) && now < deadline_) {
                hold_ready_sent_ = true;
                out.push_back({EventKind::hold_ready, now, index_});
            }
        }
        while (index_ >= 0 && next_tick_ > Seconds(0) &&
               now >= deadline_ - length_ + real(next_tick_) && now < deadline_) {
            Event e{EventKind::tick, now, index_};
            e.count = static_cast<int>(next_tick_.count());
            out.push_back(e);
            next_tick_ += kTickEvery;
            if (!tick_due(next_tick_)) next_tick_ = Seconds(0);
        }
        while (next_countdown_ > 0 && now >= deadline_ - real(Seconds(next_countdown_)) &&
               now < deadline_) {
            Event e{EventKind::countdown, now, index_};
            e.count = next_countdown_--;
            out.push_back(e);
        }
        if (now < deadline_) return;
        const TimePoint ended = deadline_;
        if (index_ >= 0) end_segment(Ending::done, now, out);
        advance(ended, now, out);
    }
}

void Sequencer::toggle_pause(TimePoint now, std::vector<Event>& out) {
    if (!started_ || finished_) return;
    if (!paused_) {
        paused_remaining_ = remaining(now);
        paused_ = true;
        stop_active(now);
        out.push_back({EventKind::pause, now, index_});
    } else {
        deadline_ = now + paused_remaining_;
        paused_ = false;
        start_active(now);
        out.push_back({EventKind::resume, now, index_});
    }
}

void Sequencer::next(TimePoint now, std::vector<Event>& out) {
    if (!started_ || finished_) return;
    out.push_back({EventKind::skip, now, index_});
    if (index_ >= 0) {
        const Segment& s = schedule_.segments[static_cast<size_t>(index_)];
        const Duration elapsed = length_ - remaining(now);
        Ending how = Ending::skipped;
        if (remaining(now) == Duration::zero())
            how = Ending::done;
        else if (s.kind == SegmentKind::hold && elapsed >= real(s.min))
            how = Ending::released;
        end_segment(how, now, out);
    }
    advance(now, now, out);
}

void Sequencer::back(TimePoint now, std::vector<Event>& out) {
    if (!started_ || finished_ || index_ < 0) return;
    int target = index_ - 1;
    while (target > 0 &&
           schedule_.segments[static_cast<size_t>(target)].kind == SegmentKind::between) {
        --target;
    }
    target = std::max(target, 0);
    out.push_back({EventKind::back, now, index_});
    end_segment(Ending::back, now, out);
    begin_segment(target, now, now, out);
}

void Sequencer::adjust(Seconds delta, TimePoint now, std::vector<Event>& out) {
    if (!started_ || finished_ || index_ < 0) return;
    const Duration left = remaining(now);
    const Duration wanted = left + real(delta);
    const Duration new_left = std::max(Duration::zero(), wanted);
    const Duration change = new_left - left;
    length_ += change;
    if (paused_)
        paused_remaining_ = new_left;
    else
        deadline_ = now + new_left;
    // Count down again from the marks that still lie ahead.
    const double left_s = schedule_seconds(new_left);
    const Segment& s = schedule_.segments[static_cast<size_t>(index_)];
    if (s.kind != SegmentKind::breathe) {
        next_countdown_ = std::clamp(static_cast<int>(std::ceil(left_s)) - 1, 0, countdown_from_);
    }
    plan_ticks(length_ - new_left);
    ++adjustments_;
    Event e{EventKind::adjust, now, index_};
    e.delta = change;
    out.push_back(e);
    update(now, out);
}

void Sequencer::stop(TimePoint now, std::vector<Event>& out) {
    if (!started_ || finished_) return;
    if (index_ >= 0) end_segment(Ending::stopped, now, out);
    stopped_done_ = schedule_seconds(length_ - remaining(now));
    stop_active(now);
    finished_ = true;
    completed_ = false;
    Event e{EventKind::routine_end, now, index_};
    e.completed = false;
    out.push_back(e);
}

}  // namespace selfcare
