#include "announcer.hpp"

#include <algorithm>
#include <set>

#include <doctest/doctest.h>

#include "builtin_routines.hpp"
#include "catalog.hpp"
#include "support.hpp"

using namespace selfcare;
using namespace selfcare::test;
using namespace std::chrono_literals;

namespace {

const Schedule& sided() {
    static const Schedule s = schedule_of(R"(title = "Neck"
caution = "Gently."
[[step]]
title = "Neck release"
cue = "Tilt your head."
sides = ["left", "right"]
duration = "30s"
between = "5s"
[[step]]
title = "Spots"
hold = "20s..30s"
repeat = 2
between = "8s"
label = "spot {n} of {count}"
[[step]]
title = "Breathe"
breathe = ["inhale 4s", "hold 2s", "exhale 6s"]
cycles = 2
[[step]]
title = "Longer breaths"
breathe = ["inhale 4s", "hold 7s", "exhale 8s"]
cycles = 1
[[step]]
title = "Rest"
rest = "20s"
)");
    return s;
}

Event event(EventKind kind, int segment, int phase = -1) {
    Event e{kind, {}, segment};
    e.phase = phase;
    e.completed = true;
    return e;
}

Cue cue(Announcer& a, EventKind kind, int segment, int phase = -1) {
    const auto c = a.cue(event(kind, segment, phase));
    REQUIRE(c.has_value());
    return *c;
}

// Plays a schedule through the sequencer on a made-up clock, applying each
// key at its time, and returns every event.
std::vector<Event> play_through(const Schedule& s, std::vector<std::pair<Duration, char>> keys,
                                bool count = false) {
    Sequencer q(s, 1.0, 5s, count);
    const TimePoint start(1h);
    TimePoint now = start;
    std::vector<Event> out;
    q.start(now, out);
    size_t k = 0;
    while (!q.finished()) {
        const TimePoint next = q.next_deadline();
        if (k < keys.size() && start + keys[k].first <= next) {
            now = std::max(now, start + keys[k].first);
            q.update(now, out);
            switch (keys[k++].second) {
                case 'p':
                    q.toggle_pause(now, out);
                    break;
                case '+':
                    q.adjust(10s, now, out);
                    break;
                case '-':
                    q.adjust(-10s, now, out);
                    break;
                case 'n':
                    q.next(now, out);
                    break;
                case 'b':
                    q.back(now, out);
                    break;
                default:
                    break;
            }
            continue;
        }
        REQUIRE(next != TimePoint::max());
        now = next;
        q.update(now, out);
    }
    return out;
}

// Every built-in routine, and the one above.
std::vector<Schedule> all_schedules() {
    std::vector<Schedule> out{sided(), two_sides(), two_breaths()};
    TempDir empty;
    for (const BuiltinRoutine& r : builtin_routines()) {
        Plan plan = Catalog(empty / "routines").plan(r.name);
        REQUIRE(plan.problems.empty());
        out.push_back(std::move(plan.schedule));
    }
    return out;
}

}  // namespace

TEST_CASE("each step is announced by title, side, repeat and length") {
    Announcer a(sided(), {});
    CHECK(cue(a, EventKind::routine_start, -1).speech == "Neck. Get ready.");
    CHECK(cue(a, EventKind::segment_start, 0).speech == "Left side. Neck release, 30 seconds");
    CHECK(cue(a, EventKind::segment_start, 1).speech ==
          "Switch sides. Next: Neck release, right side, in 5 seconds");
    CHECK(cue(a, EventKind::segment_start, 3).speech == "Spots, spot 1 of 2, 20 to 30 seconds");
    CHECK(cue(a, EventKind::segment_start, 4).speech ==
          "Move. Next: Spots, spot 2 of 2, in 8 seconds");
    CHECK(cue(a, EventKind::segment_start, 6).speech == "Breathe: in 4, hold 2, out 6, 2 breaths");
    CHECK(cue(a, EventKind::segment_start, 8).speech == "Rest, 20 seconds");
    CHECK(cue(a, EventKind::hold_ready, 3).speech == "Release when ready");
    CHECK(cue(a, EventKind::countdown, 0).speech.empty());
    CHECK(cue(a, EventKind::pause, 0).speech == "Paused");
    CHECK(cue(a, EventKind::resume, 0).speech == "Go on");
    CHECK(cue(a, EventKind::routine_end, 6).speech == "Done");
    CHECK_FALSE(a.cue(event(EventKind::segment_end, 0)).has_value());
}

TEST_CASE("full speech adds the caution and each step's cue text") {
    Announcer a(sided(), {SpeechLevel::full, false});
    CHECK(cue(a, EventKind::routine_start, -1).speech == "Neck. Caution: Gently. Get ready.");
    CHECK(cue(a, EventKind::segment_start, 0).speech ==
          "Left side. Neck release, 30 seconds. Tilt your head.");
    CHECK(get_ready_time(sided(), {}) == 5s);
    CHECK(get_ready_time(sided(), {SpeechLevel::full, false}) == 5s);  // "Gently." is short
    Schedule wordy = sided();
    wordy.cautions = {"word"};
    for (int i = 1; i < 40; ++i)
        wordy.cautions[0] += " word";
    CHECK(get_ready_time(wordy, {SpeechLevel::full, false}) == 20s);  // 43 words
    CHECK(speech_level_from("full") == SpeechLevel::full);
    CHECK(speech_level_from("brief") == SpeechLevel::brief);
    CHECK_FALSE(speech_level_from("loud").has_value());
}

TEST_CASE("a breathing phase says its count the first time and when it changes") {
    Announcer a(sided(), {});
    std::vector<std::string> said;
    for (int cycle = 0; cycle < 2; ++cycle) {
        for (int phase = 0; phase < 3; ++phase)
            said.push_back(cue(a, EventKind::phase, 6, phase).speech);
    }
    for (int phase = 0; phase < 3; ++phase)
        said.push_back(cue(a, EventKind::phase, 7, phase).speech);
    CHECK(said == std::vector<std::string>{"Inhale 4", "Hold 2", "Exhale 6", "Inhale", "Hold",
                                           "Exhale", "Inhale", "Hold 7", "Exhale 8"});
    CHECK(cue(a, EventKind::phase, 6, 0).minor);

    Announcer counting(sided(), {SpeechLevel::brief, true});
    CHECK(cue(counting, EventKind::phase, 6, 0).speech == "Inhale 4");
    CHECK(cue(counting, EventKind::phase, 6, 0).speech == "Inhale 4");
}

TEST_CASE("counting aloud: every 10 seconds of a hold, then 5, 4, 3, 2, 1") {
    const std::vector<Event> events = play_through(two_sides(), {}, true);
    Announcer a(two_sides(), {SpeechLevel::brief, true});
    std::vector<std::string> first_side;
    for (const Event& e : events) {
        if (e.segment != 0) continue;
        if (auto c = a.cue(e); c && (e.kind == EventKind::tick || e.kind == EventKind::countdown))
            first_side.push_back(c->speech + "/" + c->bells);
    }
    // 30 s: ticks at 10 and 20, then the count from 5; 5 and 4 are spoken only.
    CHECK(first_side == std::vector<std::string>{"10/", "20/", "5/", "4/", "3/x", "2/x", "1/x"});
}

TEST_CASE("every moment has a pattern, and they are told apart") {
    std::set<std::string_view> patterns;
    for (int i = 0; i < kMomentCount; ++i) {
        const auto m = static_cast<Moment>(i);
        if (m == Moment::tick || m == Moment::stopped) {
            CHECK(bell_pattern(m).empty());  // spoken only / the person chose to stop
            continue;
        }
        INFO(to_string(m));
        CHECK_FALSE(bell_pattern(m).empty());
        CHECK(bell_pattern(m).find_first_not_of("x.") == std::string_view::npos);
        // An in-breath and a countdown second share one bell: never adjacent.
        if (m != Moment::inhale) CHECK(patterns.insert(bell_pattern(m)).second);
    }
}

TEST_CASE("over every routine: each step spoken, each pattern said, moments told apart") {
    // Keys at awkward times: pause and resume, + and -, skip, back.
    const std::vector<std::pair<Duration, char>> keys = {
        {7s, 'p'}, {9s, 'p'}, {12s, '+'}, {14s, '-'}, {20s, 'n'}, {22s, 'b'}, {40s, 'n'}};
    for (const Schedule& s : all_schedules()) {
        INFO(s.name);
        Announcer a(s, {});
        std::string said;
        for (const Event& e : play_through(s, {}))
            if (auto c = a.cue(e)) said += c->speech + "\n";
        for (const Segment& seg : s.segments) {
            CHECK(said.find(seg.title) != std::string::npos);
            if (seg.kind == SegmentKind::breathe)
                CHECK(said.find(say_breathing(seg)) != std::string::npos);
        }

        std::vector<Moment> heard;
        std::set<Moment> kinds;
        for (const Event& e : play_through(s, keys)) {
            const auto m = moment_of(e, s);
            if (!m || bell_pattern(*m).empty()) continue;
            if (!heard.empty() && heard.back() != *m) {
                INFO(to_string(heard.back()), " then ", to_string(*m));
                CHECK(bell_pattern(heard.back()) != bell_pattern(*m));
            }
            heard.push_back(*m);
            kinds.insert(*m);
        }
        CHECK(kinds.count(Moment::pause) == 1);
        CHECK(kinds.count(Moment::resume) == 1);
        CHECK(kinds.count(Moment::skip) == 1);
        CHECK(kinds.count(Moment::done) == 1);
    }
}

TEST_CASE("time left is said in words") {
    View v;
    v.segment = 0;
    v.remaining = 41.3;
    v.total_left_min = v.total_left_max = 370;
    CHECK(say_time_left(v) == "42 seconds left in this step, 6 minutes 10 seconds in all");
    v.until_ready = 11.5;
    v.total_left_min = 340;
    CHECK(say_time_left(v) ==
          "12 to 42 seconds left in this step, 5 minutes 40 seconds to 6 minutes 10 seconds in "
          "all");
    v.getting_ready = true;
    v.remaining = 3;
    CHECK(say_time_left(v).starts_with("Starting in 3 seconds"));
}

TEST_CASE("durations are said in words") {
    CHECK(say_duration(1s, 1s) == "1 second");
    CHECK(say_duration(90s, 90s) == "1 minute 30 seconds");
    CHECK(say_duration(300s, 300s) == "5 minutes");
    CHECK(say_duration(30s, 60s) == "30 seconds to 1 minute");
    CHECK(say_duration(60s, 120s) == "1 to 2 minutes");
}
