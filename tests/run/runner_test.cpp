#include "runner.hpp"

#include <algorithm>
#include <cstdio>

#include <doctest/doctest.h>

#include "fakes.hpp"
#include "routine_loader.hpp"
#include "support.hpp"

using namespace selfcare;
using namespace selfcare::test;
using namespace std::chrono_literals;

namespace {

RunOptions plain(Seconds get_ready = 0s) {
    RunOptions o;
    o.mode = TerminalMode::plain;
    o.get_ready = get_ready;
    o.bell = false;
    return o;
}

// Captures the event stream in memory.
class EventCapture {
  public:
    EventCapture() : file_(tmpfile()) {}
    ~EventCapture() { std::fclose(file_); }
    std::FILE* file() { return file_; }
    std::vector<std::string> lines() {
        std::fflush(file_);
        std::rewind(file_);
        std::vector<std::string> out;
        char buf[4096];
        while (std::fgets(buf, sizeof buf, file_))
            out.emplace_back(buf);
        return out;
    }

  private:
    std::FILE* file_;
};

}  // namespace

TEST_CASE("plain mode prints one line per event a listener needs") {
    FakeClock clock(TimePoint(1h));
    ScriptedTerminal term(clock, {});
    const RunTotals t = run_schedule(two_sides(), plain(), clock, term);
    CHECK(t.completed);
    CHECK(t.active == 65s);
    CHECK(term.written ==
          "Neck, 1 min 5 s.\n"
          "0:00 Step 1/1 Stretch, left side, 30 s\n"
          "0:30 Step 1/1 Get ready: right side, 5 s\n"
          "0:35 Step 1/1 Stretch, right side, 30 s\n"
          "1:05 Done\n");
    CHECK(term.written.find('\x1b') == std::string::npos);
}

TEST_CASE("the runner sleeps until something is due, never ticking in plain mode") {
    FakeClock clock(TimePoint(1h));
    ScriptedTerminal term(clock, {});
    run_schedule(two_sides(), plain(), clock, term);
    // Three segment ends and the countdown marks of three segments: nothing else.
    CHECK(term.waits <= 12);
}

TEST_CASE("on a screen it wakes once per displayed second, and breathing animates") {
    FakeClock clock(TimePoint(1h));
    ScriptedTerminal term(clock, {});
    RunOptions o = plain();
    o.mode = TerminalMode::screen;
    run_schedule(two_sides(), o, clock, term);
    CHECK(term.waits >= 65);
    CHECK(term.waits <= 80);
    CHECK(term.written.find("\x1b[H") != std::string::npos);

    const Schedule breath = schedule_of(
        "title = \"B\"\n[[step]]\ntitle = \"B\"\nbreathe = [\"inhale 4s\", \"exhale 6s\"]\ncycles "
        "= 1\n");
    FakeClock clock2(TimePoint(1h));
    ScriptedTerminal term2(clock2, {});
    run_schedule(breath, o, clock2, term2);
    CHECK(term2.waits >= 100);  // ten frames a second for ten seconds
    CHECK(term2.waits <= 120);
}

TEST_CASE("keys pause, resume, skip, go back, adjust and quit") {
    FakeClock clock(TimePoint(1h));
    ScriptedTerminal term(clock, {{10s, key(' ')},
                                  {100s, key(' ')},
                                  {105s, key('+')},
                                  {110s, key('n')},
                                  {111s, key('b')},
                                  {112s, key('-')},
                                  {113s, key('q')}});
    EventCapture events;
    RunOptions o = plain();
    o.events = events.file();
    const RunTotals t = run_schedule(two_sides(), o, clock, term);
    CHECK_FALSE(t.completed);
    CHECK_FALSE(t.interrupted);  // q: the person is there
    // 10 s, then paused for 90 s, then 3 more... 10 + 10 + 1 + 1 + 1
    CHECK(t.active == 23s);
    CHECK(t.adjustments == 2);
    CHECK(t.segments_done == 0);
    std::vector<std::string> kinds;
    for (const std::string& line : events.lines()) {
        const size_t at = line.find("\"event\": \"") + 10;
        kinds.push_back(line.substr(at, line.find('"', at) - at));
    }
    CHECK(kinds == std::vector<std::string>{"routine_start", "segment_start", "pause", "resume",
                                            "adjust", "skip", "segment_end", "segment_start",
                                            "back", "segment_end", "segment_start", "adjust",
                                            "segment_end", "routine_end"});
    CHECK(term.written.find("0:10 Paused\n0:10 Resumed\n0:15 +10 s\n0:20 Next\n") !=
          std::string::npos);
    CHECK(term.written.ends_with("0:23 Stopped\n"));
}

TEST_CASE("a stop signal ends the run as stopped, keeping the time done") {
    FakeClock clock(TimePoint(1h));
    ScriptedTerminal term(clock, {{40s, Input{Input::Kind::stop}}});
    const RunTotals t = run_schedule(two_sides(), plain(), clock, term);
    CHECK_FALSE(t.completed);
    CHECK(t.interrupted);
    CHECK(t.active == 40s);
    CHECK(t.segments_done == 2);
}

TEST_CASE("time stopped by Ctrl-Z is not counted and the run goes on after fg") {
    FakeClock clock(TimePoint(1h));
    ScriptedTerminal term(clock, {{10s, Input{Input::Kind::suspend}}});
    term.stopped_for = 300s;
    EventCapture events;
    RunOptions o = plain();
    o.events = events.file();
    const RunTotals t = run_schedule(two_sides(), o, clock, term);
    CHECK(term.suspended == 1);
    CHECK(t.completed);
    CHECK(t.active == 65s);
    const auto lines = events.lines();
    CHECK(lines[2].find("\"event\": \"pause\"") != std::string::npos);
    CHECK(lines[3].find("\"t_ms\": 310000.000, \"event\": \"resume\"") != std::string::npos);
    CHECK(lines.back().find("\"t_ms\": 365000.000") != std::string::npos);
}

TEST_CASE("a person who paused before Ctrl-Z is still paused after fg") {
    FakeClock clock(TimePoint(1h));
    ScriptedTerminal term(clock,
                          {{5s, key('p')}, {6s, Input{Input::Kind::suspend}}, {50s, key('p')}});
    const RunTotals t = run_schedule(two_sides(), plain(), clock, term);
    CHECK(t.active == 65s);
    CHECK(term.written.find("0:05 Paused\n0:05 Resumed\n") != std::string::npos);
}

TEST_CASE("speed scales the real time and the event stream says so") {
    FakeClock clock(TimePoint(1h));
    ScriptedTerminal term(clock, {});
    EventCapture events;
    RunOptions o = plain(5s);
    o.speed = 20;
    o.events = events.file();
    const RunTotals t = run_schedule(two_sides(), o, clock, term);
    CHECK(t.active == 3250ms);
    const auto lines = events.lines();
    REQUIRE(lines.size() == 8);
    CHECK(lines[0] ==
          "{\"t_ms\": 0.000, \"event\": \"routine_start\", \"routine\": \"test\", \"title\": "
          "\"Neck\", "
          "\"segments\": 3, \"speed\": 20, \"get_ready_ms\": 250.000, \"planned_ms\": {\"min\": "
          "3250.000, \"max\": 3250.000}}\n");
    CHECK(
        lines[1] ==
        "{\"t_ms\": 250.000, \"event\": \"segment_start\", \"segment\": 0, \"step\": 1, \"title\": "
        "\"Stretch\", \"label\": \"\", \"side\": \"left\", \"kind\": \"work\", \"planned_ms\": "
        "1500.000, \"min_ms\": 1500.000}\n");
    CHECK(
        lines[2] ==
        "{\"t_ms\": 1750.000, \"event\": \"segment_end\", \"segment\": 0, \"ending\": \"done\"}\n");
    CHECK(lines[7] ==
          "{\"t_ms\": 3500.000, \"event\": \"routine_end\", \"completed\": true, \"active_ms\": "
          "3250.000, \"segments_done\": 3, \"segments_total\": 3, \"adjustments\": 0}\n");
}

TEST_CASE("the help overlay toggles with ?") {
    FakeClock clock(TimePoint(1h));
    ScriptedTerminal term(clock, {{1s, key('?')}, {2s, key('q')}});
    RunOptions o = plain();
    o.mode = TerminalMode::screen;
    o.style = Style{false, false};
    run_schedule(two_sides(), o, clock, term);
    CHECK(term.written.find("q          quit (what you did is kept)") != std::string::npos);
}

TEST_CASE("the last bell pattern is heard in full before the run returns") {
    FakeClock clock(TimePoint(1h));
    ScriptedTerminal term(clock, {});
    RunOptions o = plain();
    o.bell = true;
    const RunTotals t = run_schedule(schedule_of("title = \"T\"\n[[step]]\ntitle = \"A\"\n"
                                                 "duration = \"2s\"\n"),
                                     o, clock, term);
    CHECK(t.completed);
    // "Done" is five bells, 250 ms apart: all of them ring, the last one a
    // second after the routine ended, and the run waits no longer than that.
    const std::string& w = term.written;
    const size_t done_line = w.find("Done");
    REQUIRE(done_line != std::string::npos);
    CHECK(std::count(w.begin() + static_cast<std::ptrdiff_t>(done_line), w.end(), '\a') == 4);
    CHECK(clock.now() == TimePoint(1h) + 2s + 1s);
}

TEST_CASE("a stop signal cuts the last pattern short") {
    FakeClock clock(TimePoint(1h));
    ScriptedTerminal term(clock, {{2s + 300ms, Input{Input::Kind::stop}}});
    RunOptions o = plain();
    o.bell = true;
    run_schedule(schedule_of("title = \"T\"\n[[step]]\ntitle = \"A\"\nduration = \"2s\"\n"), o,
                 clock, term);
    CHECK(clock.now() == TimePoint(1h) + 2s + 300ms);
}
