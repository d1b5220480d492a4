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

}  // namespace selfcare
