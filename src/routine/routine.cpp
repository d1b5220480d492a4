#include "routine.hpp"

#include <algorithm>

namespace selfcare {

std::string_view to_string(BreathKind kind) {
    switch (kind) {
        case BreathKind::inhale:
            return "inhale";
        case BreathKind::hold:
            return "hold";
        case BreathKind::exhale:
            return "exhale";
    }
    return "?";
}

bool is_routine_name(std::string_view name) {
    return !name.empty() && name.size() <= 64 && std::ranges::all_of(name, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

}  // namespace selfcare
