#include "terminal.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "error.hpp"

namespace selfcare {
namespace {

// The stop signals, then the ones that redraw, suspend and continue.
constexpr int kSignals[] = {SIGINT,  SIGTERM, SIGHUP,   SIGQUIT, SIGUSR1,
                            SIGUSR2, SIGALRM, SIGWINCH, SIGTSTP, SIGCONT};
static_assert(std::size(kSignals) == std::size(kStopSignals) + 3);

// The self-pipe's writing end, for the handlers: they write the signal
// number and do nothing else. It is set only while a PosixTerminal's
// handlers are installed; the terminal owns both ends.
volatile sig_atomic_t signal_pipe = -1;
// The first stop signal caught while a StopSignals scope is open.
volatile sig_atomic_t first_stop = 0;

bool is_stop(int signal) {
    return std::ranges::find(kStopSignals, signal) != std::end(kStopSignals);
}

extern "C" void on_stop(int signal) {
    if (first_stop == 0) first_stop = signal;
}

extern "C" void on_signal(int signal) {
    const int saved = errno;
    if (is_stop(signal)) on_stop(signal);
    const char byte = static_cast<char>(signal);
    [[maybe_unused]] const ssize_t n = ::write(signal_pipe, &byte, 1);
    errno = saved;
}

constexpr std::string_view kEnterScreen = "\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J";
constexpr std::string_view kLeaveScreen = "\x1b[0m\x1b[?25h\x1b[?1049l";

}  // namespace

StopSignals::StopSignals() {
    first_stop = 0;
    struct sigaction sa = {};
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: the signal must end a blocking read
    for (size_t i = 0; i < std::size(kStopSignals); ++i)
        sigaction(kStopSignals[i], &sa, &old_[i]);
}

StopSignals::~StopSignals() {
    for (size_t i = 0; i < std::size(kStopSignals); ++i)
        sigaction(kStopSignals[i], &old_[i], nullptr);
}

int StopSignals::caught() const {
    return first_stop;
}

PosixTerminal::PosixTerminal(const Clock& clock, TerminalMode mode) : clock_(clock), mode_(mode) {
    // Everything that can fail comes before the handlers are installed, and
    // each descriptor is owned as soon as it exists, so a failure leaves
    // nothing behind.
    int ends[2] = {-1, -1};
    if (pipe2(ends, O_CLOEXEC | O_NONBLOCK) != 0) {
        throw Error(std::string("cannot create a pipe: ") + std::strerror(errno));
    }
    signal_read_ = Fd(ends[0]);
    signal_write_ = Fd(ends[1]);
    // steady_clock is CLOCK_MONOTONIC on Linux, so its time points arm the
    // timer directly.
    timer_ = Fd(timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK));
    if (!timer_) throw Error(std::string("cannot create a timer: ") + std::strerror(errno));
    signal_pipe = signal_write_.get();
    struct sigaction sa = {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    for (size_t i = 0; i < std::size(kSignals); ++i)
        sigaction(kSignals[i], &sa, &old_[i]);
    if (mode_ == TerminalMode::screen) take();
}

PosixTerminal::~PosixTerminal() {
    release();
    for (size_t i = 0; i < std::size(kSignals); ++i)
        sigaction(kSignals[i], &old_[i], nullptr);
    signal_pipe = -1;
}

void PosixTerminal::take() {
    if (tcgetattr(STDIN_FILENO, &saved_) == 0) {
        have_saved_ = true;
        termios raw = saved_;
        // Keys one at a time and unechoed; ISIG stays, so Ctrl-C and Ctrl-Z
        // remain signals.
        raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        tcsetattr(STDIN_FILENO, TCSANOW, &raw);
    }
    write_all(STDOUT_FILENO, kEnterScreen);
    taken_ = true;
}

void PosixTerminal::release() {
    if (!taken_) return;
    write_all(STDOUT_FILENO, kLeaveScreen);
    if (have_saved_) tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
    taken_ = false;
}

void PosixTerminal::suspend() {
    release();
    // Stop the way Ctrl-Z would have without us, then take the terminal
    // back when continued.
    struct sigaction dfl = {}, ours = {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGTSTP, &dfl, &ours);
    raise(SIGTSTP);
    sigaction(SIGTSTP, &ours, nullptr);
    if (mode_ == TerminalMode::screen) take();
}

bool PosixTerminal::read_keys() {
    char buf[256];
    const ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
    if (n < 0) return errno == EINTR || errno == EAGAIN;
    if (n == 0) return false;
    for (ssize_t i = 0; i < n; ++i) {
        const char c = buf[i];
        if (mode_ == TerminalMode::screen) {
            keys_.push_back(c);
            continue;
        }
        // A line at a time: its first character is the command, and an
        // empty line is Enter.
        if (c != '\n') {
            line_ += c;
            continue;
        }
        keys_.push_back(line_.empty() ? '\n' : line_.front());
        line_.clear();
    }
    return true;
}

Input PosixTerminal::wait(TimePoint deadline) {
    while (true) {
        if (!keys_.empty()) {
            const char key = keys_.front();
            keys_.pop_front();
            if (key == '\x1b') {
                // An escape sequence (arrow keys and the like): drop the rest.
                while (!keys_.empty() && keys_.front() != '\x1b' &&
                       !(keys_.front() >= '@' && keys_.front() <= '~' && keys_.front() != '[')) {
                    keys_.pop_front();
                }
                if (!keys_.empty() && keys_.front() != '\x1b') keys_.pop_front();
                continue;
            }
            return Input{Input::Kind::key, key};
        }
        if (clock_.now() >= deadline) return Input{};
        // An absolute timer, not a poll timeout: Linux lets a poll wake up to
        // 0.1% of its timeout late (1 ms on a 1 s wait), a timer it does not.
        itimerspec when{};
        if (deadline != TimePoint::max()) {
            const auto ns = deadline.time_since_epoch().count();
            when.it_value = {static_cast<time_t>(ns / 1'000'000'000),
                             static_cast<long>(ns % 1'000'000'000)};
        }
        timerfd_settime(timer_.get(), TFD_TIMER_ABSTIME, &when, nullptr);
        pollfd fds[3] = {{signal_read_.get(), POLLIN, 0},
                         {keys_open_ ? STDIN_FILENO : -1, POLLIN, 0},
                         {timer_.get(), POLLIN, 0}};
        const int ready = ppoll(fds, 3, nullptr, nullptr);
        if (ready < 0 && errno != EINTR) throw Error(std::string("poll: ") + std::strerror(errno));
        if (ready <= 0) continue;
        if (fds[2].revents & POLLIN) {
            uint64_t expirations = 0;
            [[maybe_unused]] const ssize_t n = read(timer_.get(), &expirations, sizeof expirations);
        }
        if (fds[0].revents & POLLIN) {
            char signal = 0;
            if (read(signal_read_.get(), &signal, 1) == 1) {
                switch (signal) {
                    case SIGWINCH:
                    case SIGCONT:
                        return Input{Input::Kind::redraw};
                    case SIGTSTP:
                        return Input{Input::Kind::suspend};
                    default:
                        return Input{Input::Kind::stop};
                }
            }
        }
        if (fds[1].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) keys_open_ = read_keys();
    }
}

void PosixTerminal::write(std::string_view text) {
    write_all(STDOUT_FILENO, text);
}

int PosixTerminal::width() const {
    winsize ws{};
    return ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 ? ws.ws_col : 80;
}

int PosixTerminal::height() const {
    winsize ws{};
    return ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 ? ws.ws_row : 24;
}

}  // namespace selfcare
