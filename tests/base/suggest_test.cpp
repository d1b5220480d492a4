#include "suggest.hpp"

#include <array>

#include <doctest/doctest.h>

using namespace selfcare;
using namespace std::string_view_literals;

TEST_CASE("edit distance counts insertions, deletions, changes and swaps") {
    CHECK(edit_distance("duration", "duration") == 0);
    CHECK(edit_distance("duraton", "duration") == 1);
    CHECK(edit_distance("duartion", "duration") == 1);  // a swap is one edit
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("closest_match suggests only likely typos") {
    constexpr std::array keys = {"title"sv, "duration"sv, "hold"sv, "repeat"sv, "sides"sv};
    CHECK(closest_match("duraton", keys) == "duration");
    CHECK(closest_match("repaet", keys) == "repeat");
    CHECK(closest_match("side", keys) == "sides");
    CHECK(closest_match("colour", keys).empty());
    CHECK(closest_match("x", keys).empty());
}

TEST_CASE("closest_match completes a name typed in part when only one fits") {
    constexpr std::array names = {"neck-release"sv, "breathing-426"sv, "box-breathing"sv,
                                  "breathing-box"sv};
    CHECK(closest_match("neck", names) == "neck-release");
    CHECK(closest_match("box", names) == "box-breathing");
    CHECK(closest_match("breathing", names).empty());  // two start with it
    CHECK(closest_match("ne", names).empty());         // too short to be sure
}
