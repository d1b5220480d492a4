#include "id_set.hpp"

#include <cstdint>

#include <doctest/doctest.h>

using namespace selfcare;

TEST_CASE("an id is first once, then the same line or a different one") {
    IdSet set;
    CHECK(set.insert(0x3f9a2c11, 7) == IdSet::Seen::first);
    CHECK(set.insert(0x3f9a2c11, 7) == IdSet::Seen::same);
    CHECK(set.insert(0x3f9a2c11, 8) == IdSet::Seen::different);
    // The first line's hash stays: a different claim does not replace it.
    CHECK(set.insert(0x3f9a2c11, 7) == IdSet::Seen::same);
}

TEST_CASE("id 0, which marks an empty slot, is a session id like any other") {
    IdSet set;
    CHECK(set.insert(0, 1) == IdSet::Seen::first);
    CHECK(set.insert(0, 1) == IdSet::Seen::same);
    CHECK(set.insert(0, 2) == IdSet::Seen::different);
    CHECK(set.insert(1, 1) == IdSet::Seen::first);
}

TEST_CASE("ids that collide in the table, and many more than it starts with, are all kept") {
    IdSet set;
    // Multiples of 2^44 all land in the same first slot of a small table.
    constexpr int kCount = 5000;
    for (std::uint64_t i = 1; i <= kCount; ++i)
        REQUIRE(set.insert(i << 44, i) == IdSet::Seen::first);
    for (std::uint64_t i = 1; i <= kCount; ++i) {
        REQUIRE(set.insert(i << 44, i) == IdSet::Seen::same);
        REQUIRE(set.insert(i << 44, i + 1) == IdSet::Seen::different);
    }
    CHECK(set.insert(std::uint64_t{kCount + 1} << 44, 0) == IdSet::Seen::first);
}
