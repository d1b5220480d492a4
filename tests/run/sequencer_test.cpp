#include "sequencer.hpp"

#include <doctest/doctest.h>
#include <fmt/core.h>

#include "routine_loader.hpp"
#include "support.hpp"

using namespace selfcare;
using namespace selfcare::test;
using namespace std::chrono_literals;

namespace {

const TimePoint t0{std::chrono::hours(1)};

// "segment_start 0", "countdown 3", ... for compact comparisons.
std::vector<std::string> names(const std::vector<Event>& events) {
    std::vector<std::string> out;
    for (const Event& e : events) {
        std::string name(to_string(e.kind));
        if (e.kind == EventKind::segment_start || e.kind == EventKind::segment_end) {
            name += " " + std::to_string(e.segment);
        }
        if (e.kind == EventKind::segment_end) name += std::string(" ") += to_string(e.ending);
        if (e.kind == EventKind::countdown) name += " " + std::to_string(e.count);
        if (e.kind == EventKind::phase)
            name += " " + std::to_string(e.cycle) + "." + std::to_string(e.phase);
        out.push_back(name);
    }
    return out;
}

std::vector<std::string> public_names(const std::vector<Event>& events) {
    std::vector<Event> kept;
    for (const Event& e : events) {
        if (is_public(e.kind)) kept.push_back(e);
    }
    return names(kept);
}

}  // namespace

TEST_CASE("segments follow each other on absolute deadlines") {
    Sequencer seq(two_sides(), 1.0, 0s);
    std::vector<Event> ev;
    seq.start(t0, ev);
    CHECK(names(ev) == std::vector<std::string>{"routine_start", "segment_start 0"});
    CHECK(seq.next_deadline() == t0 + 27s);  // the "3" of the countdown

    ev.clear();
    seq.update(t0 + 28s + 500ms, ev);
    CHECK(names(ev) == std::vector<std::string>{"countdown 3", "countdown 2"});

    // Woken late, after the deadline: the "1" is not beeped after the fact,
    // and the next segment still starts at the old deadline.
    ev.clear();
    seq.update(t0 + 30s + 400ms, ev);
    CHECK(names(ev) == std::vector<std::string>{"segment_end 0 done", "segment_start 1"});
    CHECK(ev[1].planned == 5s);
    CHECK(seq.view(t0 + 30s + 400ms).remaining == doctest::Approx(4.6));

    ev.clear();
    seq.update(t0 + 65s, ev);
    CHECK(public_names(ev) == std::vector<std::string>{"segment_end 1 done", "segment_start 2",
                                                       "segment_end 2 done", "routine_end"});
    CHECK(ev.back().completed);
    CHECK(seq.finished());
    const RunTotals t = seq.totals(t0 + 65s);
    CHECK(t.completed);
    CHECK(t.active == 65s);
    CHECK(t.segments_done == 3);
    CHECK(t.segments_total == 3);
}

TEST_CASE("no drift: a routine of many segments ends exactly on time however late each wake") {
    const Schedule s =
        schedule_of("title = \"R\"\n[[step]]\ntitle = \"x\"\nduration = 7\nrepeat = 100\n");
    Sequencer seq(s, 1.0, 0s);
    std::vector<Event> ev;
    seq.start(t0, ev);
    // Wake 3 ms after every deadline, as a busy machine might.
    while (!seq.finished())
        seq.update(seq.next_deadline() + 3ms, ev);
    CHECK(ev.back().kind == EventKind::routine_end);
    CHECK(ev.back().at == t0 + 700s + 3ms);
}

TEST_CASE("pause keeps the exact remaining time and is not counted as active") {
    Sequencer seq(two_sides(), 1.0, 0s);
    std::vector<Event> ev;
    seq.start(t0, ev);
    seq.toggle_pause(t0 + 10s + 250ms, ev);
    CHECK(seq.paused());
    CHECK(seq.next_deadline() == TimePoint::max());
    CHECK(seq.view(t0 + 500s).remaining == doctest::Approx(19.75));
    seq.update(t0 + 500s, ev);  // nothing happens while paused
    CHECK(ev.back().kind == EventKind::pause);

    seq.toggle_pause(t0 + 600s, ev);
    CHECK(ev.back().kind == EventKind::resume);
    CHECK(seq.view(t0 + 600s).remaining == doctest::Approx(19.75));
    ev.clear();
    seq.update(t0 + 619s + 750ms, ev);
    CHECK(public_names(ev) == std::vector<std::string>{"segment_end 0 done", "segment_start 1"});
    CHECK(seq.totals(t0 + 619s + 750ms).active == 30s);
}

TEST_CASE("next skips, or releases a hold range once its minimum has passed") {
    const Schedule s =
        schedule_of("title = \"H\"\n[[step]]\ntitle = \"Hold\"\nhold = \"20s..30s\"\nrepeat = 3\n");
    Sequencer seq(s, 1.0, 0s);
    std::vector<Event> ev;
    seq.start(t0, ev);
    CHECK(seq.next_deadline() == t0 + 20s);  // the minimum comes first

    ev.clear();
    seq.next(t0 + 10s, ev);  // before the minimum: a skip
    CHECK(names(ev) ==
          std::vector<std::string>{"skip", "segment_end 0 skipped", "segment_start 1"});

    ev.clear();
    seq.update(t0 + 30s, ev);  // 20 s into the second hold
    CHECK(names(ev) == std::vector<std::string>{"hold_ready"});
    CHECK(seq.view(t0 + 30s).until_ready == 0);
    seq.next(t0 + 31s, ev);
    CHECK(names(ev)[2] == "segment_end 1 released");

    ev.clear();
    seq.update(t0 + 61s, ev);  // the third runs to its maximum by itself
    CHECK(public_names(ev) == std::vector<std::string>{"segment_end 2 done", "routine_end"});
    CHECK(seq.totals(t0 + 61s).segments_done == 2);
}

TEST_CASE("back returns to the start of the previous segment, passing over gaps") {
    Sequencer seq(two_sides(), 1.0, 0s);
    std::vector<Event> ev;
    seq.start(t0, ev);
    seq.update(t0 + 40s, ev);  // into the right side
    ev.clear();
    seq.back(t0 + 40s, ev);
    CHECK(names(ev) == std::vector<std::string>{"back", "segment_end 2 back", "segment_start 0"});
    CHECK(seq.view(t0 + 40s).remaining == 30);

    ev.clear();
    seq.back(t0 + 45s, ev);  // the first segment restarts
    CHECK(names(ev) == std::vector<std::string>{"back", "segment_end 0 back", "segment_start 0"});
    CHECK(seq.next_deadline() == t0 + 72s);
}

TEST_CASE("+ and - add and take off time, and taking off everything ends the segment") {
    Sequencer seq(two_sides(), 1.0, 0s);
    std::vector<Event> ev;
    seq.start(t0, ev);
    seq.adjust(10s, t0 + 5s, ev);
    CHECK(ev.back().kind == EventKind::adjust);
    CHECK(ev.back().delta == 10s);
    CHECK(seq.view(t0 + 5s).remaining == 35);
    CHECK(seq.view(t0 + 5s).length == 40);

    seq.adjust(-10s, t0 + 6s, ev);
    CHECK(seq.view(t0 + 6s).remaining == 24);

    ev.clear();
    seq.adjust(-30s, t0 + 7s, ev);
    CHECK(ev.front().delta == -23s);  // only what was left
    CHECK(public_names(ev) ==
          std::vector<std::string>{"adjust", "segment_end 0 done", "segment_start 1"});
    CHECK(seq.totals(t0 + 7s).adjustments == 3);
}

TEST_CASE("breathing announces each phase of each breath") {
    Sequencer seq(two_breaths(), 1.0, 0s);
    std::vector<Event> ev;
    seq.start(t0, ev);
    CHECK(seq.breathing());
    std::vector<TimePoint> at;
    while (!seq.finished()) {
        const TimePoint next = seq.next_deadline();
        seq.update(next, ev);
    }
    CHECK(names(ev) == std::vector<std::string>{"routine_start", "segment_start 0", "phase 1.0",
                                                "phase 1.1", "phase 1.2", "phase 2.0", "phase 2.1",
                                                "phase 2.2", "segment_end 0 done", "routine_end"});
    for (const Event& e : ev) {
        if (e.kind == EventKind::phase) at.push_back(e.at);
    }
    CHECK(at == std::vector<TimePoint>{t0, t0 + 4s, t0 + 6s, t0 + 12s, t0 + 16s, t0 + 18s});
}

TEST_CASE("the breathing view fills and empties with the breath") {
    Sequencer seq(two_breaths(), 1.0, 0s);
    std::vector<Event> ev;
    seq.start(t0, ev);
    seq.update(t0 + 15s, ev);  // second breath, 1 s into its hold? no: 3 s into its inhale
    const View v = seq.view(t0 + 15s);
    CHECK(v.cycle == 2);
    CHECK(v.phase == 0);
    CHECK(v.phase_elapsed == doctest::Approx(3));
    CHECK(v.phase_length == 4);
}

TEST_CASE("speed plays the schedule faster and says so in planned times") {
    Sequencer seq(two_sides(), 10.0, 5s);
    std::vector<Event> ev;
    seq.start(t0, ev);
    CHECK(seq.next_deadline() == t0 + 200ms);  // the "3" before the start: 300 ms ahead
    seq.update(t0 + 500ms, ev);
    CHECK(public_names(ev) == std::vector<std::string>{"routine_start", "segment_start 0"});
    CHECK(ev.back().planned == 3s);
    CHECK(seq.view(t0 + 1500ms).remaining == doctest::Approx(20));
    seq.update(t0 + 7s, ev);
    CHECK(seq.finished());
}

TEST_CASE("stop ends the run as stopped with the active time so far") {
    Sequencer seq(two_sides(), 1.0, 3s);
    std::vector<Event> ev;
    seq.start(t0, ev);
    seq.update(t0 + 13s, ev);
    ev.clear();
    seq.stop(t0 + 13s, ev);
    CHECK(names(ev) == std::vector<std::string>{"segment_end 0 stopped", "routine_end"});
    CHECK_FALSE(ev.back().completed);
    const RunTotals t = seq.totals(t0 + 100s);
    CHECK_FALSE(t.completed);
    CHECK(t.active == 10s);  // getting ready is not counted
    CHECK(t.segments_done == 0);
}

TEST_CASE("next during the get-ready countdown starts the first segment at once") {
    Sequencer seq(two_sides(), 1.0, 5s);
    std::vector<Event> ev;
    seq.start(t0, ev);
    CHECK(seq.view(t0).getting_ready);
    seq.next(t0 + 1s, ev);
    CHECK(public_names(ev) == std::vector<std::string>{"routine_start", "skip", "segment_start 0"});
    CHECK(seq.next_deadline() == t0 + 28s);
}

TEST_CASE("the display redraws exactly when a whole second is crossed") {
    Sequencer seq(two_sides(), 1.0, 0s);
    std::vector<Event> ev;
    seq.start(t0, ev);
    CHECK(seq.next_second(t0) == t0 + 1s);
    CHECK(seq.next_second(t0 + 250ms) == t0 + 1s);
    Sequencer fast(two_sides(), 4.0, 0s);
    fast.start(t0, ev);
    CHECK(fast.next_second(t0) == t0 + 250ms);
}

TEST_CASE("total time left counts hold ranges as a range") {
    const Schedule s = schedule_of(
        "title = \"H\"\n[[step]]\ntitle = \"Hold\"\nhold = \"20s..30s\"\n[[step]]\ntitle = "
        "\"x\"\nduration = 10\n");
    Sequencer seq(s, 1.0, 0s);
    std::vector<Event> ev;
    seq.start(t0, ev);
    const View v = seq.view(t0 + 5s);
    CHECK(v.total_left_min == 25);
    CHECK(v.total_left_max == 35);
    CHECK(v.until_ready == 15);
}

namespace {

// Plays segment 0 of two_sides() (30 s) counting aloud, waking exactly at
// each deadline as the runner does and pressing +/- 10 s at the given
// seconds into the segment. Returns "tick 10@10", "countdown 5@35", ... with
// the second into the segment each was sent at.
std::vector<std::string> counted(std::vector<std::pair<int, int>> presses) {
    Sequencer seq(two_sides(), 1.0, 0s, true);
    std::vector<Event> ev;
    seq.start(t0, ev);
    std::vector<std::string> out;
    bool ended = false;
    const auto note = [&](const std::vector<Event>& events) {
        for (const Event& e : events) {
            if (e.segment != 0) continue;
            if (e.kind == EventKind::segment_end) ended = true;
            if (e.kind != EventKind::tick && e.kind != EventKind::countdown) continue;
            const auto at = std::chrono::duration_cast<std::chrono::seconds>(e.at - t0).count();
            out.push_back(fmt::format("{} {}@{}", to_string(e.kind), e.count, at));
        }
    };
    size_t k = 0;
    while (!ended) {
        const TimePoint next = seq.next_deadline();
        ev.clear();
        if (k < presses.size() && t0 + std::chrono::seconds(presses[k].first) <= next) {
            const TimePoint now = t0 + std::chrono::seconds(presses[k].first);
            seq.update(now, ev);
            seq.adjust(std::chrono::seconds(presses[k].second), now, ev);
            ++k;
        } else {
            seq.update(next, ev);
        }
        note(ev);
    }
    return out;
}

}  // namespace

TEST_CASE("counting aloud follows the end that + and - move") {
    // As planned: 10, 20, then 5 to 1 before the end at 30.
    CHECK(counted({}) == std::vector<std::string>{"tick 10@10", "tick 20@20", "countdown 5@25",
                                                  "countdown 4@26", "countdown 3@27",
                                                  "countdown 2@28", "countdown 1@29"});
    // + twice at 22 s: the end moves to 50, so the counting goes on to 40
    // and the countdown comes before 50, not 30.
    CHECK(counted({{22, 10}, {22, 10}}) ==
          std::vector<std::string>{"tick 10@10", "tick 20@20", "tick 30@30", "tick 40@40",
                                   "countdown 5@45", "countdown 4@46", "countdown 3@47",
                                   "countdown 2@48", "countdown 1@49"});
    // - at 5 s: the end is 20, so only 10 is counted before the countdown.
    CHECK(counted({{5, -10}}) == std::vector<std::string>{"tick 10@10", "countdown 5@15",
                                                          "countdown 4@16", "countdown 3@17",
                                                          "countdown 2@18", "countdown 1@19"});
    // - at 12 s ends it at 20 as well: the tick said at 10 is not said again.
    CHECK(counted({{12, -10}}) == std::vector<std::string>{"tick 10@10", "countdown 5@15",
                                                           "countdown 4@16", "countdown 3@17",
                                                           "countdown 2@18", "countdown 1@19"});
}
