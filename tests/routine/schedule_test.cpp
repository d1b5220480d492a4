#include "schedule.hpp"

#include <doctest/doctest.h>
#include <fmt/core.h>

#include "catalog.hpp"
#include "routine_loader.hpp"
#include "support.hpp"

using namespace selfcare;

using test::schedule_of;

TEST_CASE("sides play in turn with the gap between them") {
    const Schedule s = schedule_of(R"(title = "Neck"
[[step]]
title = "Stretch"
sides = ["left", "right"]
duration = "30s"
between = "5s"
)");
    REQUIRE(s.segments.size() == 3);
    CHECK(s.segments[0].side == "left");
    CHECK(s.segments[0].kind == SegmentKind::work);
    CHECK(s.segments[1].kind == SegmentKind::between);
    CHECK(s.segments[1].side == "right");  // a gap tells what comes next
    CHECK(s.segments[1].min == Seconds(5));
    CHECK(s.segments[2].side == "right");
    CHECK(s.total_min == Seconds(65));
    CHECK(s.total_max == Seconds(65));
    CHECK(s.step_count == 1);
}

TEST_CASE("repeats within each side, labelled, with hold ranges") {
    const Schedule s = schedule_of(R"(title = "Spots"
[[step]]
title = "Hold"
hold = "20s..30s"
repeat = 2
sides = ["left", "right"]
between = "8s"
label = "{side}: spot {n} of {count}"
)");
    REQUIRE(s.segments.size() == 7);  // 4 holds and 3 gaps
    CHECK(s.segments[0].label == "left: spot 1 of 2");
    CHECK(s.segments[0].kind == SegmentKind::hold);
    CHECK(s.segments[0].min == Seconds(20));
    CHECK(s.segments[0].max == Seconds(30));
    CHECK(s.segments[2].label == "left: spot 2 of 2");
    CHECK(s.segments[2].repeat == 2);
    CHECK(s.segments[2].repeat_count == 2);
    CHECK(s.segments[4].label == "right: spot 1 of 2");
    CHECK(s.segments[3].kind == SegmentKind::between);
    CHECK(s.total_min == Seconds(4 * 20 + 3 * 8));
    CHECK(s.total_max == Seconds(4 * 30 + 3 * 8));
}

TEST_CASE("repeats without a label get 'n of count'") {
    const Schedule s =
        schedule_of("title = \"R\"\n[[step]]\ntitle = \"x\"\nduration = 5\nrepeat = 3\n");
    REQUIRE(s.segments.size() == 3);  // no `between`, no gaps
    CHECK(s.segments[1].label == "2 of 3");
    CHECK(s.total_min == Seconds(15));
}

TEST_CASE("breathing is one segment of whole cycles") {
    const Schedule s = schedule_of(R"(title = "B"
[[step]]
title = "Box"
breathe = ["inhale 4s", "hold 4s", "exhale 4s", "hold 4s"]
cycles = 3
[[step]]
rest = "10s"
)");
    REQUIRE(s.segments.size() == 2);
    CHECK(s.segments[0].kind == SegmentKind::breathe);
    CHECK(s.segments[0].cycles == 3);
    CHECK(s.segments[0].breath.size() == 4);
    CHECK(s.segments[0].min == Seconds(48));
    CHECK(s.segments[1].kind == SegmentKind::rest);
    CHECK(s.segments[1].step == 2);
    CHECK(s.total_min == Seconds(58));
}

TEST_CASE("includes are spliced in and their steps numbered on") {
    const Catalog catalog("tests/routines/good");
    const Schedule s = test::plan_of(catalog, "tests/routines/good/includes-sibling.toml");
    // everything.toml has 7 steps of its own plus neck-release's one, then
    // breathing-426's one.
    CHECK(s.step_count == 9);
    CHECK(s.segments.front().routine == "everything");
    CHECK(s.segments.back().routine == "breathing-426");
    CHECK(s.segments.back().step == 9);
    CHECK(s.cautions.size() == 3);
    CHECK(s.cautions[0] == "Only a test.");
}

TEST_CASE("a routine that would expand past the limits is refused") {
    std::string text = "title = \"Huge\"\n";
    for (int i = 0; i < 200; ++i)
        text += "[[step]]\ntitle = \"x\"\nduration = 1\nrepeat = 100\n";
    RoutineParse p = parse_routine(text, "huge.toml", "huge");
    REQUIRE(p.problems.empty());
    const Expansion huge = expand(p.routine);
    CHECK(huge.problem ==
          "routine 'huge' expands to more than 10000 segments; use fewer repeats, cycles or "
          "includes");
    CHECK(huge.schedule.segments.size() == kMaxSegments);  // and not one allocated past it

    std::string slow =
        "title = \"Slow\"\n[[step]]\ntitle = \"x\"\nduration = \"24h\"\nrepeat = 2\n";
    RoutineParse q = parse_routine(slow, "slow.toml", "slow");
    REQUIRE(q.problems.empty());
    CHECK(expand(q.routine).problem == "routine 'slow' would last more than 24 hours");
}

TEST_CASE("labels fill their fields and leave other text alone") {
    CHECK(fill_label("spot {n} of {count}", 2, 4, "") == "spot 2 of 4");
    CHECK(fill_label("{side} hand", 1, 1, "left") == "left hand");
    CHECK(fill_label("no fields", 1, 1, "") == "no fields");
    CHECK(fill_label("open { only", 1, 1, "") == "open { only");
}

TEST_CASE("a get-ready before a step, a gap cue, and a longer gap between sides") {
    const Schedule s = test::schedule_of(R"(title = "Feet"
[[step]]
title = "Wall"
duration = "10s"
[[step]]
title = "Ball under the foot"
cue = "Roll slowly."
prepare = "15s"
sides = ["left", "right"]
repeat = 2
duration = "20s"
between = "5s"
between_sides = "12s"
between_cue = "Roll the ball an inch forward."
)");
    std::vector<std::string> shape;
    for (const Segment& seg : s.segments) {
        shape.push_back(fmt::format("{} {} {} {}s {}", seg.step, to_string(seg.kind), seg.side,
                                    seg.max.count(), seg.cue));
    }
    CHECK(shape == std::vector<std::string>{
                       "1 work  10s ",
                       "2 between left 15s ",  // the get-ready names what comes, no cue
                       "2 work left 20s Roll slowly.",
                       "2 between left 5s Roll the ball an inch forward.",
                       "2 work left 20s Roll slowly.",
                       "2 between right 12s Roll the ball an inch forward.",
                       "2 work right 20s Roll slowly.",
                       "2 between right 5s Roll the ball an inch forward.",
                       "2 work right 20s Roll slowly.",
                   });
    CHECK(s.total_max == Seconds(10 + 15 + 20 * 4 + 5 + 12 + 5));
}

TEST_CASE("a get-ready on an include comes before the included routine's first step") {
    test::TempDir home;
    test::write_file(home / "outer.toml",
                     "title = \"Outer\"\n[[step]]\ntitle = \"Sit\"\nduration = \"10s\"\n"
                     "[[step]]\ninclude = \"middle\"\nprepare = \"15s\"\n");
    // The first step of the included routine is itself an include: the
    // get-ready waits for the first real step.
    test::write_file(home / "middle.toml",
                     "title = \"Middle\"\n[[step]]\ninclude = \"inner\"\n"
                     "[[step]]\ntitle = \"Lie down\"\nduration = \"10s\"\nprepare = \"5s\"\n");
    test::write_file(home / "inner.toml",
                     "title = \"Inner\"\n[[step]]\ntitle = \"Wall\"\nduration = \"20s\"\n"
                     "prepare = \"8s\"\n[[step]]\ntitle = \"Wall again\"\nduration = \"20s\"\n");
    const Schedule s = test::plan_of(Catalog(home.path()), "outer");
    std::vector<std::string> shape;
    for (const Segment& seg : s.segments)
        shape.push_back(fmt::format("{} {} {}s", to_string(seg.kind), seg.title, seg.max.count()));
    CHECK(shape == std::vector<std::string>{
                       "work Sit 10s",
                       "between Wall 15s",  // the include's, longer than the step's own 8 s
                       "work Wall 20s",
                       "work Wall again 20s",
                       "between Lie down 5s",
                       "work Lie down 10s",
                   });
    CHECK(s.total_max == Seconds(10 + 15 + 20 + 20 + 5 + 10));
}
