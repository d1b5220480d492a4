// The built-in routines carry the numbers from the source material; these
// tests pin them so an edit cannot drift away from the advice.

#include "builtin_routines.hpp"

#include <algorithm>

#include <doctest/doctest.h>

#include "catalog.hpp"
#include "schedule.hpp"
#include "support.hpp"

using namespace selfcare;
using std::chrono::minutes;

namespace {
Schedule builtin(std::string_view name) {
    return test::plan_of(Catalog("/nonexistent"), name);
}
}  // namespace

TEST_CASE("the binary carries every file in routines/, and each is valid") {
    size_t files = 0;
    for (const auto& f : std::filesystem::directory_iterator(test::source_dir() / "routines")) {
        if (f.path().extension() != ".toml") continue;
        ++files;
        const std::string name = f.path().stem().string();
        const auto all = builtin_routines();
        const auto it = std::ranges::find(all, name, &BuiltinRoutine::name);
        REQUIRE(it != all.end());
        CHECK(it->text == test::read_file(f.path()));
        CHECK_NOTHROW(builtin(name));
        CHECK(Catalog("/nonexistent").plan(name).warnings.empty());
    }
    CHECK(files == builtin_routines().size());
    CHECK(files >= 7);
}

TEST_CASE("neck release holds 30 seconds on each side") {
    const Schedule s = builtin("neck-release");
    std::vector<std::string> sides;
    for (const Segment& seg : s.segments) {
        if (seg.kind != SegmentKind::work) continue;
        CHECK(seg.min == Seconds(30));
        sides.push_back(seg.side);
    }
    CHECK(sides == std::vector<std::string>{"left", "right"});
    CHECK_FALSE(s.cautions.empty());
}

TEST_CASE("4-2-6 breathing lasts five minutes") {
    const Schedule s = builtin("breathing-426");
    REQUIRE(s.segments.size() == 1);
    const Segment& b = s.segments[0];
    CHECK(b.breath == std::vector<BreathPhase>{{BreathKind::inhale, Seconds(4)},
                                               {BreathKind::hold, Seconds(2)},
                                               {BreathKind::exhale, Seconds(6)}});
    CHECK(s.total_min == minutes(5));
}

TEST_CASE("box breathing is four equal sides") {
    const Segment b = builtin("box-breathing").segments.at(0);
    REQUIRE(b.breath.size() == 4);
    for (const BreathPhase& p : b.breath)
        CHECK(p.length == Seconds(4));
}

TEST_CASE("tennis-ball release spends 20 to 30 seconds on each spot") {
    const Schedule s = builtin("tennis-ball-release");
    int spots = 0;
    for (const Segment& seg : s.segments) {
        if (seg.kind != SegmentKind::hold) continue;
        ++spots;
        CHECK(seg.min == Seconds(20));
        CHECK(seg.max == Seconds(30));
    }
    CHECK(spots >= 4);
}

// The get-ready (`prepare`) where the body has to move: from the wall to the
// foot, and in the home session from sitting for the neck to the wall.
TEST_CASE("where the body moves, the built-ins give 15 seconds to get there") {
    const auto gap_before = [](const Schedule& s, std::string_view title) {
        const auto at = std::ranges::find_if(s.segments, [&](const Segment& seg) {
            return seg.title == title && seg.kind != SegmentKind::between;
        });
        REQUIRE(at != s.segments.end());
        REQUIRE(at != s.segments.begin());
        const Segment& gap = *(at - 1);
        CHECK(gap.kind == SegmentKind::between);
        CHECK(gap.title == title);  // a get-ready names what comes
        return gap.max;
    };
    const Schedule ball = builtin("tennis-ball-release");
    CHECK(gap_before(ball, "Ball under the foot") == Seconds(15));
    const Schedule home = builtin("home-session");
    CHECK(gap_before(home, "Ball against the wall") == Seconds(15));
    CHECK(gap_before(home, "Ball under the foot") == Seconds(15));
    CHECK(ball.total_min == Seconds(164));
    CHECK(home.total_min == Seconds(539));
    CHECK(home.total_max == Seconds(689));
}

TEST_CASE("pressure holds: 30 to 60 seconds, 3 to 5 times, then a 20-second stretch") {
    const Schedule s = builtin("pressure-holds");
    int holds = 0;
    bool stretch = false;
    for (const Segment& seg : s.segments) {
        if (seg.kind == SegmentKind::hold) {
            ++holds;
            CHECK(seg.min == Seconds(30));
            CHECK(seg.max == Seconds(60));
        }
        if (seg.title == "Gentle stretch") stretch = seg.min == Seconds(20);
    }
    CHECK(holds >= 3);
    CHECK(holds <= 5);
    CHECK(stretch);
    CHECK_FALSE(s.cautions.empty());
}

TEST_CASE("hand massage works on each hand") {
    const Schedule s = builtin("hand-massage");
    int left = 0, right = 0;
    for (const Segment& seg : s.segments) {
        if (seg.kind != SegmentKind::work) continue;
        left += seg.side == "left";
        right += seg.side == "right";
    }
    CHECK(left >= 2);
    CHECK(left == right);
}

TEST_CASE("the home session takes about ten minutes and is built from the others") {
    const Schedule s = builtin("home-session");
    CHECK(s.total_min >= minutes(8));
    CHECK(s.total_max <= minutes(12));
    CHECK(s.total_min <= minutes(10));
    CHECK(s.total_max >= minutes(10));
    std::vector<std::string> from;
    for (const Segment& seg : s.segments) {
        if (std::ranges::find(from, seg.routine) == from.end()) from.push_back(seg.routine);
    }
    CHECK(from.size() >= 3);
    CHECK(s.cautions.size() >= 2);
}
