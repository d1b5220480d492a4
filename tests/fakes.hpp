#pragma once
// The two test seams: a clock that moves only when told, and a terminal that
// plays a script of inputs at given times and records what is written.

#include <string>
#include <utility>
#include <vector>

#include "clock.hpp"
#include "terminal.hpp"

namespace selfcare::test {

class FakeClock final : public Clock {
  public:
    explicit FakeClock(TimePoint start) : now_(start) {}
    TimePoint now() const override { return now_; }
    void set(TimePoint t) { now_ = t; }

  private:
    TimePoint now_;
};

class ScriptedTerminal final : public Terminal {
  public:
    // Each input arrives at its time after `start`; in between, waiting moves
    // the clock straight to the deadline, so nothing really sleeps.
    ScriptedTerminal(FakeClock& clock, std::vector<std::pair<Duration, Input>> script)
        : clock_(clock), start_(clock.now()), script_(std::move(script)) {}

    Input wait(TimePoint deadline) override {
        ++waits;
        if (next_ < script_.size() && start_ + script_[next_].first <= deadline) {
            clock_.set(std::max(clock_.now(), start_ + script_[next_].first));
            return script_[next_++].second;
        }
        if (deadline == TimePoint::max()) throw std::logic_error("waiting forever with no input");
        clock_.set(deadline);
        return Input{};
    }
    void write(std::string_view text) override { written += text; }
    int width() const override { return cols; }
    int height() const override { return rows; }
    void suspend() override {
        ++suspended;
        clock_.set(clock_.now() + stopped_for);  // the time spent in the background
    }

    std::string written;
    int waits = 0;
    int suspended = 0;
    Duration stopped_for{};
    int cols = 80;
    int rows = 24;

  private:
    FakeClock& clock_;
    TimePoint start_;
    std::vector<std::pair<Duration, Input>> script_;
    size_t next_ = 0;
};

inline Input key(char k) {
    return Input{Input::Kind::key, k};
}

}  // namespace selfcare::test
