#pragma once
// Asking for a pain rating, 0 to 10 (the numeric rating scale), before and
// after a run. On a terminal one key does it: a digit answers at once, "1"
// waits a moment for a "0" to make 10, Enter skips. Elsewhere (a pipe, a
// screen reader) the question is a line and the answer a typed line.
//
// The key and line handling are pure (PainKeys, parse_pain_line) so they are
// tested without a terminal; ask_pain only moves bytes.

#include <chrono>
#include <optional>
#include <string_view>

namespace selfcare {

// How long a lone "1" waits for a "0" before it counts as 1.
inline constexpr std::chrono::milliseconds kTenWait{800};

// The keys of a one-key rating, fed one byte at a time.
class PainKeys {
  public:
    enum class State { waiting, rated, skipped };

    // Digits rate ("1" then waits for "0"); Enter rates a waiting "1" or
    // skips; Escape and "s" skip; Backspace takes back a waiting "1". Other
    // bytes are ignored.
    State feed(char c);
    // The wait for a "0" ran out: a waiting "1" is the answer.
    State timeout();

    bool pending_one() const { return pending_one_; }
    // REQUIRES: the last result was State::rated.
    int value() const { return value_; }

  private:
    State rate(int v);
    bool pending_one_ = false;
    int value_ = -1;
};

// A typed answer: a whole number 0-10 (spaces around it allowed), or empty
// to skip. `valid` is false for anything else, which is asked again.
struct PainLine {
    bool valid = false;
    std::optional<int> rating;
};
PainLine parse_pain_line(std::string_view line);

enum class PainMode { keys, lines };

// Writes `question` (e.g. "Pain now, 0-10 (Enter skips): ") to `out_fd` and
// reads the answer from `in_fd`: with PainMode::keys one key at a time (the
// terminal is put in non-canonical mode without echo, keeping signals, and
// put back before returning); with PainMode::lines a line at a time, read
// byte by byte so nothing after the answer is taken from `in_fd`. Returns
// nullopt when skipped, at end of input, or when a signal interrupts the
// read (the caller checks its own signal state).
std::optional<int> ask_pain(int in_fd, int out_fd, std::string_view question, PainMode mode);

}  // namespace selfcare
