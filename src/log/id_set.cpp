#include "id_set.hpp"

#include <utility>

namespace selfcare {

IdSet::Seen IdSet::insert(std::uint64_t id, std::uint64_t hash) {
    if (id == 0) {
        if (!std::exchange(has_zero_, true)) {
            zero_hash_ = hash;
            return Seen::first;
        }
        return zero_hash_ == hash ? Seen::same : Seen::different;
    }
    if (2 * (size_ + 1) > slots_.size()) grow();
    return place(slots_, Slot{id, hash});
}

IdSet::Seen IdSet::place(std::vector<Slot>& slots, Slot s) {
    const std::size_t mask = slots.size() - 1;
    // The ids are random already; the multiply only spreads hand-made ones.
    for (std::size_t i = (s.id * 0x9E3779B97F4A7C15ULL) >> 20 & mask;; i = (i + 1) & mask) {
        if (slots[i].id == s.id) return slots[i].hash == s.hash ? Seen::same : Seen::different;
        if (slots[i].id == 0) {
            slots[i] = s;
            ++size_;
            return Seen::first;
        }
    }
}

void IdSet::grow() {
    std::vector<Slot> bigger(slots_.size() * 2);
    size_ = 0;
    for (const Slot& s : slots_) {
        if (s.id != 0) place(bigger, s);
    }
    slots_.swap(bigger);
}

}  // namespace selfcare
