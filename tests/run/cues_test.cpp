#include "cues.hpp"

#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include <doctest/doctest.h>

#include "fakes.hpp"
#include "routine_loader.hpp"
#include "support.hpp"

using namespace selfcare;
using namespace selfcare::test;
using namespace std::chrono_literals;

namespace {

const Schedule& sided() {
    static const Schedule s = schedule_of(R"(title = "Neck"
[[step]]
title = "Neck release"
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
cycles = 5
)");
    return s;
}

Cue cue(EventKind kind, int segment, int phase = -1) {
    Event e{kind, {}, segment};
    e.phase = phase;
    e.completed = true;
    const auto c = cue_for(e, sided());
    REQUIRE(c.has_value());
    return *c;
}

}  // namespace

TEST_CASE("each moment has its own spoken text and bell pattern") {
    CHECK(cue(EventKind::segment_start, 0).speech == "Left side. Neck release, 30 seconds");
    CHECK(cue(EventKind::segment_start, 0).bells == 2);
    CHECK(cue(EventKind::segment_start, 1).speech == "Switch sides");
    CHECK(cue(EventKind::segment_start, 1).bells == 3);
    CHECK(cue(EventKind::segment_start, 3).speech == "Spots, spot 1 of 2, 20 to 30 seconds");
    CHECK(cue(EventKind::segment_start, 4).speech == "Next: spot 2 of 2");
    CHECK(cue(EventKind::segment_start, 4).bells == 2);
    CHECK(cue(EventKind::segment_start, 6).speech == "Breathe, 5 breaths");
    CHECK(cue(EventKind::phase, 6, 0).speech == "Inhale");
    CHECK(cue(EventKind::phase, 6, 0).bells == 1);
    CHECK(cue(EventKind::phase, 6, 1).speech == "Hold");
    CHECK(cue(EventKind::phase, 6, 1).bells == 0);
    CHECK(cue(EventKind::phase, 6, 2).speech == "Exhale");
    CHECK(cue(EventKind::phase, 6, 2).bells == 2);
    CHECK(cue(EventKind::hold_ready, 3).speech == "Release when ready");
    CHECK(cue(EventKind::countdown, 0).bells == 1);
    CHECK(cue(EventKind::countdown, 0).speech.empty());
    CHECK(cue(EventKind::routine_end, 6).speech == "Done");
    CHECK(cue(EventKind::routine_end, 6).bells == 5);
    CHECK_FALSE(cue_for(Event{EventKind::segment_end, {}, 0}, sided()).has_value());
}

TEST_CASE("durations are said in words") {
    CHECK(say_duration(1s, 1s) == "1 second");
    CHECK(say_duration(90s, 90s) == "1 minute 30 seconds");
    CHECK(say_duration(300s, 300s) == "5 minutes");
    CHECK(say_duration(30s, 60s) == "30 seconds to 1 minute");
    CHECK(say_duration(60s, 120s) == "1 to 2 minutes");
}

TEST_CASE("--say picks the first speech program on PATH") {
    TempDir dir;
    CHECK(find_speech_command(dir.path().c_str()).empty());
    write_file(dir / "say", "#!/bin/sh\n");
    chmod((dir / "say").c_str(), 0755);
    CHECK(find_speech_command(dir.path().c_str()) == std::vector<std::string>{"say", "{text}"});
    write_file(dir / "espeak-ng", "#!/bin/sh\n");
    chmod((dir / "espeak-ng").c_str(), 0755);
    CHECK(find_speech_command(dir.path().c_str()) ==
          std::vector<std::string>{"espeak-ng", "{text}"});
}

TEST_CASE("bells ring as a pattern spread over time") {
    FakeClock clock(TimePoint(1h));
    ScriptedTerminal term(clock, {});
    CuePlayer player(term, clock, true, {});
    player.play(Cue{3, {}}, clock.now());
    CHECK(term.written == "\a");
    CHECK(player.next_time() == clock.now() + 250ms);
    player.poll(clock.now() + 600ms);
    CHECK(term.written == "\a\a");  // two due at once ring as one
    CHECK(player.next_time() == TimePoint::max());

    CuePlayer quiet(term, clock, false, {});
    quiet.play(Cue{3, {}}, clock.now());
    CHECK(term.written == "\a\a");
}

TEST_CASE("speech runs the program directly: shell syntax in a title stays words") {
    TempDir dir;
    const std::string out = (dir / "said").string();
    const std::string pwned = (dir / "pwned").string();
    // The fake speaker records its arguments, whether it could read
    // anything, and whether descriptor 50 (open in the parent, without
    // close-on-exec) reached it.
    write_file(dir / "speak", "#!/bin/sh\nprintf '%s|' \"$@\" > " + out +
                                  ".tmp\nif read line; then echo stdin >> " + out +
                                  ".tmp; fi\nif [ -e /proc/$$/fd/50 ]; then echo leaked >> " + out +
                                  ".tmp; fi\nmv " + out + ".tmp " + out + "\n");
    chmod((dir / "speak").c_str(), 0755);
    REQUIRE(dup2(STDERR_FILENO, 50) == 50);
    FakeClock clock(TimePoint(1h));
    ScriptedTerminal term(clock, {});
    {
        CuePlayer player(term, clock, false, {(dir / "speak").string(), "--flag", "{text}"});
        // Harmless if it ever ran: each piece would only leave a file.
        player.play(
            Cue{0, "Neck; touch " + pwned + " $(touch " + pwned + ") `touch " + pwned + "`"},
            SteadyClock().now());
        for (int i = 0; i < 500 && !std::filesystem::exists(out); ++i) {
            std::this_thread::sleep_for(10ms);
        }
    }
    close(50);
    CHECK(read_file(out) ==
          "--flag|Neck; touch " + pwned + " $(touch " + pwned + ") `touch " + pwned + "`|");
    CHECK_FALSE(std::filesystem::exists(pwned));
}

TEST_CASE("a speech program that runs too long is killed and reaped") {
    TempDir dir;
    write_file(dir / "slow", "#!/bin/sh\nexec sleep 600\n");
    chmod((dir / "slow").c_str(), 0755);
    FakeClock clock(TimePoint(1h));
    ScriptedTerminal term(clock, {});
    CuePlayer player(term, clock, false, {(dir / "slow").string(), "{text}"});
    player.play(Cue{0, "Hello"}, clock.now());
    CHECK(player.next_time() <= clock.now() + 500ms);
    clock.set(clock.now() + 16s);
    player.poll(clock.now());
    CHECK(player.next_time() == TimePoint::max());  // no child left to watch
}

TEST_CASE("{text} is replaced wherever it stands in an argument") {
    CHECK(with_text("{text}", "Left side") == "Left side");
    CHECK(with_text("--text={text}", "Left side") == "--text=Left side");
    CHECK(with_text("<{text}> and <{text}>", "x") == "<x> and <x>");
    CHECK(with_text("-v", "x") == "-v");
    CHECK(with_text("{tex}", "x") == "{tex}");
    // Replacement text is never searched again.
    CHECK(with_text("{text}", "{text}") == "{text}");
}

TEST_CASE("a speech argument with {text} inside it speaks the words") {
    TempDir dir;
    const std::string out = (dir / "said").string();
    write_file(dir / "speak", "#!/bin/sh\nprintf '%s|' \"$@\" > " + out + ".tmp\nmv " + out +
                                  ".tmp " + out + "\n");
    chmod((dir / "speak").c_str(), 0755);
    FakeClock clock(TimePoint(1h));
    ScriptedTerminal term(clock, {});
    {
        CuePlayer player(term, clock, false, {(dir / "speak").string(), "--text={text}"});
        player.play(Cue{0, "Left side"}, SteadyClock().now());
        for (int i = 0; i < 500 && !std::filesystem::exists(out); ++i) {
            std::this_thread::sleep_for(10ms);
        }
    }
    CHECK(read_file(out) == "--text=Left side|");
}
