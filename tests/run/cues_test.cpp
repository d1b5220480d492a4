#include "cues.hpp"

#include <algorithm>
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
    player.play(Cue{"x.xx", {}}, clock.now());
    CHECK(term.written == "\a");
    CHECK(player.next_time() == clock.now() + 500ms);  // '.' is a quarter second of silence
    player.poll(clock.now() + 800ms);
    CHECK(term.written == "\a\a");  // two due at once ring as one
    CHECK(player.next_time() == TimePoint::max());

    CuePlayer quiet(term, clock, false, {});
    quiet.play(Cue{"xxx", {}}, clock.now());
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
            Cue{"", "Neck; touch " + pwned + " $(touch " + pwned + ") `touch " + pwned + "`"},
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
    player.play(Cue{"", "Hello"}, clock.now());
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
        player.play(Cue{"", "Left side"}, SteadyClock().now());
        for (int i = 0; i < 500 && !std::filesystem::exists(out); ++i) {
            std::this_thread::sleep_for(10ms);
        }
    }
    CHECK(read_file(out) == "--text=Left side|");
}

TEST_CASE("a minor cue never cuts off words still being spoken; a major one does") {
    TempDir dir;
    const std::string out = (dir / "said").string();
    // Each call notes its words, then keeps speaking for a long time.
    write_file(dir / "speak", "#!/bin/sh\necho \"$1\" >> " + out + "\nexec sleep 600\n");
    chmod((dir / "speak").c_str(), 0755);
    const auto lines_said = [&](size_t n) {
        for (int i = 0; i < 500; ++i) {
            if (std::filesystem::exists(out)) {
                const std::string text = read_file(out);
                if (static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) >= n)
                    return text;
            }
            std::this_thread::sleep_for(10ms);
        }
        return std::filesystem::exists(out) ? read_file(out) : std::string();
    };
    FakeClock clock(TimePoint(1h));
    ScriptedTerminal term(clock, {});
    CuePlayer player(term, clock, false, {(dir / "speak").string(), "{text}"});
    player.play(Cue{"", "Box breathing: in 4, hold 4, out 4, hold 4, 15 breaths"}, clock.now());
    CHECK(lines_said(1) == "Box breathing: in 4, hold 4, out 4, hold 4, 15 breaths\n");
    player.play(Cue{"", "Inhale 4", true}, clock.now());
    player.play(Cue{"", "Paused"}, clock.now());
    CHECK(lines_said(2) == "Box breathing: in 4, hold 4, out 4, hold 4, 15 breaths\nPaused\n");
}
