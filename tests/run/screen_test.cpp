#include "screen.hpp"

#include <algorithm>

#include <doctest/doctest.h>

#include "routine_loader.hpp"
#include "run_text.hpp"
#include "support.hpp"

using namespace selfcare;
using namespace selfcare::test;
using namespace std::chrono_literals;

namespace {

const Schedule& spots() {
    static const Schedule s = schedule_of(R"(title = "Spots"
caution = "Gently."
[[step]]
title = "Ball"
cue = "Lean in and breathe."
hold = "20s..30s"
repeat = 2
between = "5s"
label = "spot {n} of {count}"
[[step]]
title = "Breathe"
breathe = ["inhale 4s", "hold 2s", "exhale 6s"]
cycles = 5
)");
    return s;
}

// The frame's lines without the escape codes for moving and clearing.
std::vector<std::string> lines_of(const std::string& frame) {
    std::string text = frame;
    for (const std::string_view code : {"\x1b[H", "\x1b[K"}) {
        for (size_t at; (at = text.find(code)) != std::string::npos;)
            text.erase(at, code.size());
    }
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2) {
        out.push_back(text.substr(start, end - start));
    }
    out.push_back(text.substr(start));
    return out;
}

Frame ascii_frame(View v, int width = 60, int height = 14) {
    Frame f;
    f.schedule = &spots();
    f.view = v;
    f.width = width;
    f.height = height;
    f.style = Style{false, false};
    return f;
}

}  // namespace

TEST_CASE("a hold shows where it is, the cue, the bar, the time left and what comes next") {
    View v;
    v.segment = 0;
    v.remaining = 25.3;
    v.length = 30;
    v.until_ready = 15.3;
    v.total_left_min = 15.3 + 5 + 20 + 60;
    v.total_left_max = 25.3 + 5 + 30 + 60;
    const auto lines = lines_of(render_frame(ascii_frame(v)));
    CHECK(lines == std::vector<std::string>{
                       " Spots                                    step 1/2 - 1 of 2",
                       "",
                       " Ball, spot 1 of 2",
                       " Lean in and breathe.",
                       "",
                       " [########----------------------------------------]  0:26",
                       " Hold at least 0:16 more",
                       "",
                       " Total left 1:41-2:01 - Next: Ball, spot 2 of 2 (after 0:05)",
                       "",
                       "",
                       "",
                       "",
                       " space pause - n next - t left - q quit - ? help",
                   });
}

TEST_CASE("past its minimum a hold says to release when ready; paused says so on top") {
    View v;
    v.segment = 0;
    v.remaining = 4;
    v.length = 30;
    v.paused = true;
    const auto lines = lines_of(render_frame(ascii_frame(v)));
    CHECK(lines[1] == " PAUSED: press space to resume ");
    CHECK(lines[6] == " Release when ready (n) - ends by itself in 0:04");
}

TEST_CASE("getting ready shows the caution and the first step") {
    View v;
    v.getting_ready = true;
    v.remaining = 4.2;
    const auto lines = lines_of(render_frame(ascii_frame(v)));
    CHECK(lines[2] == " Get ready: starting in 0:05");
    CHECK(lines[4] == " Caution: Gently.");
    CHECK(lines[6] == " First: Ball, spot 1 of 2");
}

TEST_CASE("breathing shows the phase and a bar that follows the breath") {
    View v;
    v.segment = 3;
    v.phase = 0;
    v.phase_elapsed = 2;
    v.phase_length = 4;
    v.cycle = 3;
    v.remaining = 34;
    v.length = 60;
    const auto lines = lines_of(render_frame(ascii_frame(v)));
    CHECK(lines[4] == " INHALE  0:02");
    CHECK(lines[5] == " [########################------------------------]");
    CHECK(lines[6] == " breath 3 of 5 - 0:34 left");

    const Segment& b = spots().segments[3];
    CHECK(breath_level(b, 0, 1, 4) == doctest::Approx(0.25));    // filling
    CHECK(breath_level(b, 1, 1, 2) == 1.0);                      // held full
    CHECK(breath_level(b, 2, 1.5, 6) == doctest::Approx(0.75));  // emptying
    const Schedule box = schedule_of(
        "title = \"B\"\n[[step]]\ntitle = \"B\"\nbreathe = [\"inhale 4s\", \"hold 4s\", \"exhale "
        "4s\", "
        "\"hold 4s\"]\ncycles = 1\n");
    CHECK(breath_level(box.segments[0], 3, 2, 4) == 0.0);  // held empty
}

TEST_CASE("frames fit narrow terminals and colour only when asked") {
    View v;
    v.segment = 0;
    v.remaining = 25;
    v.length = 30;
    Frame f = ascii_frame(v, 24, 10);
    for (const std::string& line : lines_of(render_frame(f)))
        CHECK(line.size() <= 24);
    CHECK(render_frame(f).find("\x1b[3") == std::string::npos);
    f.style.color = true;
    CHECK(render_frame(f).find("\x1b[1;36m") != std::string::npos);
    f.style.unicode = true;
    CHECK(render_frame(f).find("\u2588") != std::string::npos);
}

TEST_CASE("wrap breaks at spaces and keeps explicit newlines") {
    CHECK(wrap("one two three four", 10) == std::vector<std::string>{"one two", "three four"});
    CHECK(wrap("a\nb", 10) == std::vector<std::string>{"a", "b"});
    CHECK(wrap("", 10).empty());
}

TEST_CASE("plain lines name the step, the side, the time and the breath") {
    const Schedule& s = spots();
    Event start{EventKind::segment_start, {}, 0};
    CHECK(plain_line(start, s, 0s, 1.0) ==
          "0:00 Step 1/2 Ball, spot 1 of 2, 20 s to 30 s. Lean in and breathe.");
    Event phase{EventKind::phase, {}, 3};
    phase.phase = 2;
    phase.cycle = 3;
    CHECK(plain_line(phase, s, 95s, 1.0) == "1:35 Exhale 6 s (breath 3 of 5)");
    Event adjust{EventKind::adjust, {}, 0};
    adjust.delta = -500ms;
    CHECK(plain_line(adjust, s, 3s, 20.0) == "0:03 -10 s");
    CHECK_FALSE(plain_line(Event{EventKind::segment_end, {}, 0}, s, 0s, 1.0).has_value());
}

TEST_CASE("the summary says how it ended") {
    RunTotals t;
    t.completed = true;
    t.active = 65s;
    t.segments_done = 3;
    t.segments_total = 3;
    CHECK(run_summary(spots(), t, 1.0) == "Done: Spots in 1:05.\n");
    t.segments_done = 1;
    CHECK(run_summary(spots(), t, 1.0) == "Done: Spots in 1:05; 2 of 3 parts skipped.\n");
    t.segments_done = 3;
    // At --speed the active time is real time: the summary says routine time.
    t.active = 3250ms;
    CHECK(run_summary(spots(), t, 20.0) ==
          "Done: Spots in 1:05 (routine time; a preview at 20x speed).\n");
    t.completed = false;
    t.active = 52s;
    CHECK(run_summary(spots(), t, 1.0) == "Stopped before the first step.\n");
    t.segment = 0;
    t.segment_done = 12.4;
    CHECK(run_summary(spots(), t, 1.0) ==
          "Stopped after 0:52: 0:12 of 0:30 (Ball, spot 1 of 2, step 1 of 2).\n");
    const Schedule breaths = schedule_of(
        "title = \"B\"\n[[step]]\ntitle = \"Deep breaths\"\nbreathe = [\"inhale 4s\", "
        "\"hold 2s\", \"exhale 6s\"]\ncycles = 25\n");
    t.segment_done = 50;
    CHECK(run_summary(breaths, t, 1.0) ==
          "Stopped after 0:52: 4 of 25 breaths (Deep breaths, step 1 of 1).\n");
    t.segment_done = 12;  // one breath, whole
    CHECK(run_summary(breaths, t, 1.0).find(": 1 of 25 breaths") != std::string::npos);
}

TEST_CASE("a screen update rewrites only the lines that changed") {
    const std::vector<std::string> before{" Title", " 0:30", " Next"};
    CHECK(screen_update(before, {" Title", " 0:29", " Next"}) == "\x1b[2;1H 0:29\x1b[K");
    CHECK(screen_update(before, before).empty());
    // A different height (the first frame, a resize) draws it all.
    CHECK(screen_update({}, before) == "\x1b[H Title\x1b[K\r\n 0:30\x1b[K\r\n Next\x1b[K");
}

TEST_CASE("a countdown second costs one or two lines, not a screen") {
    View v;
    v.segment = 0;
    v.remaining = 25;
    v.length = 30;
    v.until_ready = 15;
    const auto first = frame_lines(ascii_frame(v));
    v.remaining = 24;
    v.until_ready = 14;
    const std::string update = screen_update(first, frame_lines(ascii_frame(v)));
    CHECK(update.find("\x1b[6;1H") != std::string::npos);  // the bar and its time
    CHECK(update.find("\x1b[7;1H") != std::string::npos);  // "Hold at least"
    CHECK(update.find(" Lean in and breathe.") == std::string::npos);
    CHECK(update.size() < render_frame(ascii_frame(v)).size() / 2);
}

TEST_CASE("a narrow terminal keeps q quit, ? help, the side and the countdown") {
    const Schedule sided = schedule_of(R"(title = "A rather long routine title"
[[step]]
title = "Side neck stretch"
cue = "Sit tall and let your head tip towards your shoulder."
sides = ["left", "right"]
duration = "30s"
)");
    View v;
    v.segment = 0;
    v.remaining = 25;
    v.length = 30;
    v.total_left_min = v.total_left_max = 55;
    Frame f;
    f.schedule = &sided;
    f.view = v;
    f.style = Style{false, false};
    const auto lines_at = [&](int width, int height) {
        f.width = width;
        f.height = height;
        const auto lines = frame_lines(f);
        CHECK(lines.size() == static_cast<size_t>(height));
        for (const std::string& l : lines)
            CHECK(l.size() <= static_cast<size_t>(width));
        return lines;
    };
    auto lines = lines_at(40, 10);
    CHECK(lines.back() == " space pause - q quit - ? help");
    CHECK(lines.front().ends_with("step 1/1 - left side"));
    CHECK(lines.front().starts_with(" A rather long"));

    lines = lines_at(20, 5);
    CHECK(lines.back() == " q quit - ? help");
    CHECK(lines.front().ends_with("1/1 left"));
    const auto countdown = std::ranges::find_if(
        lines, [](const std::string& l) { return l.find("0:25") != std::string::npos; });
    CHECK(countdown != lines.end());

    // Four rows: where, the countdown, and the keys still there.
    lines = lines_at(40, 4);
    CHECK(lines[0].ends_with("left side"));
    CHECK(std::ranges::count_if(lines, [](const std::string& l) {
              return l.find("0:25") != std::string::npos;
          }) == 1);
    CHECK(lines.back().find("q quit") != std::string::npos);

    // Paused, the banner outranks the step's name.
    f.view.paused = true;
    lines = lines_at(40, 4);
    CHECK(lines[1].find("PAUSED") != std::string::npos);
}
