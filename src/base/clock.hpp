#pragma once
// The monotonic clock, behind an interface so that tests can drive time.

#include <chrono>

namespace selfcare {

using TimePoint = std::chrono::steady_clock::time_point;
using Duration = std::chrono::nanoseconds;

class Clock {
  public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

// std::chrono::steady_clock: never jumps with wall-clock changes or DST.
class SteadyClock final : public Clock {
  public:
    TimePoint now() const override { return std::chrono::steady_clock::now(); }
};

}  // namespace selfcare
