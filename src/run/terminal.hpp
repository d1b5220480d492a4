#pragma once
// The terminal: keys in, text out, signals, and sleeping until a deadline.
// Abstract so the runner can be tested with a scripted terminal and a fake
// clock; PosixTerminal is the real one.

#include <csignal>
#include <deque>
#include <iterator>
#include <string>
#include <string_view>
#include <termios.h>

#include "clock.hpp"
#include "file.hpp"

namespace selfcare {

struct Input {
    enum class Kind {
        timeout,  // the deadline came
        key,      // `key` was pressed
        stop,     // a stop signal (kStopSignals): stop and keep what was done
        suspend,  // SIGTSTP (Ctrl-Z)
        redraw,   // the window changed size, or the process was continued
    };
    Kind kind = Kind::timeout;
    char key = 0;
};

// The signals that end a run early and keep what was done: Ctrl-C, Ctrl-\,
// kill, the terminal closing, and the ones whose default would kill the
// process without a word (SIGUSR1, SIGUSR2, SIGALRM). The exit status after
// one is 128 + its number, as a shell reports a process it killed.
inline constexpr int kStopSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM};

// Catches the stop signals for the life of the scope, outside the run's own
// terminal (the pain prompts before and after it): a signal then interrupts
// a blocking read instead of killing the process with the terminal still in
// key mode, and caught() says which came first. A PosixTerminal made inside
// the scope records what it catches here too. One at a time.
class StopSignals {
  public:
    StopSignals();
    ~StopSignals();
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    // The first stop signal caught since the scope began; 0 for none.
    int caught() const;

  private:
    struct sigaction old_[std::size(kStopSignals)] = {};
};

class Terminal {
  public:
    virtual ~Terminal() = default;
    // Sleeps until `deadline` or until there is input, whichever is first.
    virtual Input wait(TimePoint deadline) = 0;
    virtual void write(std::string_view text) = 0;
    virtual int width() const = 0;
    virtual int height() const = 0;
    // Gives the terminal back as it was and stops the process (Ctrl-Z);
    // returns after `fg`, with the screen taken again.
    virtual void suspend() = 0;
};

enum class TerminalMode {
    screen,  // raw keys, alternate screen, hidden cursor
    plain,   // lines; keys read a line at a time, if at all
};

class PosixTerminal final : public Terminal {
  public:
    // Installs the signal handlers and, in screen mode, takes the terminal.
    // Everything is given back by the destructor, including when unwinding.
    PosixTerminal(const Clock& clock, TerminalMode mode);
    ~PosixTerminal() override;
    PosixTerminal(const PosixTerminal&) = delete;
    PosixTerminal& operator=(const PosixTerminal&) = delete;

    Input wait(TimePoint deadline) override;
    void write(std::string_view text) override;
    int width() const override;
    int height() const override;
    void suspend() override;

    // Gives the terminal back now (idempotent); the destructor does it too.
    void release();

  private:
    void take();
    bool read_keys();

    const Clock& clock_;
    TerminalMode mode_;
    Fd signal_read_;  // the self-pipe the signal handlers write to
    Fd signal_write_;
    Fd timer_;               // a timerfd armed at the absolute deadline
    bool keys_open_ = true;  // false once standard input has ended
    bool taken_ = false;
    termios saved_{};
    bool have_saved_ = false;
    std::deque<char> keys_;
    std::string line_;  // plain mode: the line being typed
    struct sigaction old_[std::size(kStopSignals) + 3] = {};
};

}  // namespace selfcare
