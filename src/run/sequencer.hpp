#pragma once
// The sequencer: plays a schedule against time. It holds an absolute deadline
// for the current segment and computes everything from `deadline - now`, so
// nothing is added up tick by tick and nothing drifts. It does no I/O: it is
// told the time and the user's commands, and says what happened as events.

#include <optional>
#include <vector>

#include "clock.hpp"
#include "schedule.hpp"

namespace selfcare {

enum class EventKind {
    // The public events, written to --events (docs/events.md).
    routine_start,
    segment_start,
    phase,  // a breathing phase begins
    pause,
    resume,
    skip,
    back,
    adjust,
    segment_end,
    routine_end,
    // Internal moments that cues and the screen react to.
    hold_ready,  // a hold range has reached its minimum: release when ready
    countdown,   // 3, 2 and 1 seconds (of schedule time) are left; 5 and 4 too when counting
    tick,        // counting aloud: every kTickEvery of a timed segment
};
std::string_view to_string(EventKind kind);
bool is_public(EventKind kind);

// How a segment ended.
enum class Ending { done, released, skipped, back, stopped };
std::string_view to_string(Ending ending);

struct Event {
    EventKind kind;
    TimePoint at;                  // when it was observed
    int segment = -1;              // index in the schedule; -1 while getting ready
    Duration planned{};            // segment_start: the real time the segment is given
    Duration delta{};              // adjust: the real time added (negative: taken off)
    int phase = -1;                // phase: index in the segment's breath pattern
    int cycle = 0;                 // phase: 1-based breath number
    int count = 0;                 // countdown: seconds left; tick: seconds done
    Ending ending = Ending::done;  // segment_end
    bool completed = false;        // routine_end
};

// What the screen shows at one moment. Times are in schedule seconds (at
// --speed 1 they are real seconds).
struct View {
    bool getting_ready = false;
    bool paused = false;
    bool finished = false;
    int segment = -1;
    double remaining = 0;       // in the segment (to its maximum for a hold)
    double length = 0;          // of the segment, with adjustments
    double until_ready = 0;     // hold: time to its minimum; 0 once reached
    double total_left_min = 0;  // the rest of the routine, this segment included
    double total_left_max = 0;
    // Breathing only.
    int phase = -1;
    double phase_elapsed = 0;
    double phase_length = 0;
    int cycle = 0;
};

struct RunTotals {
    bool completed = false;
    bool interrupted = false;  // ended by SIGINT, SIGTERM or SIGHUP: nobody may be there
    Duration active{};         // steady-clock time in segments, not paused
    int segments_done = 0;
    int segments_total = 0;
    int adjustments = 0;
    // Where the run is, or where it stopped: the segment (-1 while getting
    // ready) and the schedule seconds done in it.
    int segment = -1;
    double segment_done = 0;
    int started_at = 0;  // the segment the run began at (start_at)
};

// Counting aloud: a tick this often in a timed segment, and a countdown
// from kCountFrom instead of 3.
inline constexpr Seconds kTickEvery{10};
inline constexpr int kCountFrom = 5;

class Sequencer {
  public:
    // `speed` plays the schedule that many times faster; `get_ready` is the
    // schedule time before the first segment (shown with the caution).
    // `count_aloud` adds the tick events and counts down from kCountFrom.
    Sequencer(const Schedule& schedule, double speed, Seconds get_ready, bool count_aloud = false);

    // Starts the routine at `segment` instead of the first, with `left` of
    // schedule time left in it (zero: all of it). REQUIRES: before start().
    void start_at(int segment, std::chrono::milliseconds left);

    // Each of these appends what happened, in order, to `out`.
    void start(TimePoint now, std::vector<Event>& out);
    // Handles every deadline that has passed: segment ends, phases, cues.
    void update(TimePoint now, std::vector<Event>& out);
    void toggle_pause(TimePoint now, std::vector<Event>& out);
    // Ends the current segment now (a hold range: releases it).
    void next(TimePoint now, std::vector<Event>& out);
    // Goes back to the start of the previous segment that is not a gap, or
    // restarts the first.
    void back(TimePoint now, std::vector<Event>& out);
    // Adds (or takes off, if negative) schedule time to the current segment.
    void adjust(Seconds delta, TimePoint now, std::vector<Event>& out);
    void stop(TimePoint now, std::vector<Event>& out);

    // The next moment update() has something to do; TimePoint::max() when
    // paused or finished.
    TimePoint next_deadline() const;
    // The next moment a whole second of schedule time is crossed in the
    // current segment, for redrawing the countdown.
    TimePoint next_second(TimePoint now) const;

    bool finished() const { return finished_; }
    bool paused() const { return paused_; }
    bool breathing() const;
    View view(TimePoint now) const;
    RunTotals totals(TimePoint now) const;
    const Schedule& schedule() const { return schedule_; }

  private:
    Duration real(Seconds s) const;
    double schedule_seconds(Duration d) const;
    Duration remaining(TimePoint now) const;
    void begin_segment(int index, TimePoint starts, TimePoint now, std::vector<Event>& out,
                       Duration left = Duration::zero());
    void end_segment(Ending how, TimePoint now, std::vector<Event>& out);
    void advance(TimePoint starts, TimePoint now, std::vector<Event>& out);
    void emit_phases(TimePoint now, std::vector<Event>& out);
    void plan_marks();
    void plan_ticks(Duration done);
    bool tick_due(Seconds at) const;
    void start_active(TimePoint now);
    void stop_active(TimePoint now);

    const Schedule& schedule_;
    double speed_;
    Seconds get_ready_;

    int index_ = -1;  // -1 while getting ready
    int first_ = 0;   // the segment the run starts at
    std::chrono::milliseconds first_left_{0};
    bool started_ = false;
    bool finished_ = false;
    bool completed_ = false;
    bool paused_ = false;
    TimePoint deadline_{};
    Duration length_{};            // of the current segment, real time, with adjustments
    Duration paused_remaining_{};  // while paused
    Duration active_{};
    std::optional<TimePoint> active_since_;
    std::vector<bool> done_;
    int adjustments_ = 0;
    double stopped_done_ = 0;  // schedule seconds done in the segment stop() ended

    // Moments inside the segment, as time before its deadline, still to come.
    bool count_aloud_ = false;
    int countdown_from_ = 3;
    int next_countdown_ = 0;  // 3, 2, 1, then 0 for none left
    Seconds next_tick_{0};    // schedule time into the segment; 0 for none left
    bool hold_ready_sent_ = false;
    int phase_ = -1;  // breathing: the phase announced last
    int cycle_ = 0;
};

}  // namespace selfcare
