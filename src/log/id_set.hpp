#pragma once
// The session ids seen in one month of the log, each with a hash of the line
// that carried it, so that the reader can tell a copy of a line (a sync
// conflict file repeats them) from another session that claims the same id.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace selfcare {

// Open addressing over 64-bit ids: a month of thousands of sessions costs a
// few pages and no allocation per id. Ids are random already, so the table
// needs no strong hash; id 0, which marks an empty slot, is kept aside.
class IdSet {
  public:
    enum class Seen {
        first,      // the id was not seen before; it is now
        same,       // seen before, with the same line hash
        different,  // seen before, with another line hash
    };

    IdSet() : slots_(1024) {}

    // Records `id` with `hash` unless the id is already there, and says
    // which of the three cases it was. The first hash recorded stays.
    Seen insert(std::uint64_t id, std::uint64_t hash);

  private:
    struct Slot {
        std::uint64_t id = 0;
        std::uint64_t hash = 0;
    };
    Seen place(std::vector<Slot>& slots, Slot s);
    void grow();

    std::vector<Slot> slots_;  // a power of two, never more than half full
    std::size_t size_ = 0;
    bool has_zero_ = false;
    std::uint64_t zero_hash_ = 0;
};

}  // namespace selfcare
