#include "pain_prompt.hpp"

#include <cerrno>
#include <poll.h>
#include <string>
#include <termios.h>
#include <unistd.h>

#include <fmt/core.h>

#include "file.hpp"

namespace selfcare {
namespace {

constexpr int kLineAttempts = 3;

// Non-canonical input without echo for a scope; ISIG stays on so Ctrl-C and
// Ctrl-Z keep working.
class KeyMode {
  public:
    explicit KeyMode(int fd) : fd_(fd), active_(::tcgetattr(fd, &saved_) == 0) {
        if (!active_) return;
        termios raw = saved_;
        raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        ::tcsetattr(fd_, TCSANOW, &raw);
    }
    ~KeyMode() {
        if (active_) ::tcsetattr(fd_, TCSANOW, &saved_);
    }
    KeyMode(const KeyMode&) = delete;
    KeyMode& operator=(const KeyMode&) = delete;

  private:
    int fd_;
    termios saved_{};
    bool active_;
};

constexpr int kEnd = -1;          // end of input, or a read error
constexpr int kTimedOut = -2;     // `timeout_ms` passed first
constexpr int kInterrupted = -3;  // a signal came: the caller stops asking

// One byte, or one of the three above.
int read_byte(int fd, int timeout_ms) {
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, timeout_ms);
    if (ready == 0) return kTimedOut;
    if (ready < 0) return errno == EINTR ? kInterrupted : kEnd;
    unsigned char c = 0;
    const ssize_t n = ::read(fd, &c, 1);
    if (n == 1) return c;
    return n < 0 && errno == EINTR ? kInterrupted : kEnd;
}

std::optional<int> ask_keys(int in_fd, int out_fd) {
    KeyMode mode(in_fd);
    PainKeys keys;
    while (true) {
        const int timeout = keys.pending_one() ? static_cast<int>(kTenWait.count()) : -1;
        const int c = read_byte(in_fd, timeout);
        if (c == kInterrupted) {
            write_all(out_fd, "\n");
            return std::nullopt;
        }
        if (c == kEnd) break;
        const PainKeys::State s = c == kTimedOut ? keys.timeout() : keys.feed(static_cast<char>(c));
        if (s == PainKeys::State::rated) {
            write_all(out_fd, fmt::format("{}\n", keys.value()));
            return keys.value();
        }
        if (s == PainKeys::State::skipped) break;
    }
    write_all(out_fd, "skipped\n");
    return std::nullopt;
}

std::optional<int> ask_lines(int in_fd, int out_fd) {
    for (int attempt = 0; attempt < kLineAttempts; ++attempt) {
        std::string line;
        int c = 0;
        while ((c = read_byte(in_fd, -1)) >= 0 && c != '\n')
            line += static_cast<char>(c);
        if (c == kInterrupted || (c < 0 && line.empty())) return std::nullopt;
        const PainLine answer = parse_pain_line(line);
        if (answer.valid) return answer.rating;
        write_all(out_fd, "Please type a whole number from 0 to 10, or just Enter to skip: ");
    }
    write_all(out_fd, "\nskipped\n");
    return std::nullopt;
}

}  // namespace

PainKeys::State PainKeys::rate(int v) {
    pending_one_ = false;
    value_ = v;
    return State::rated;
}

PainKeys::State PainKeys::feed(char c) {
    if (pending_one_) {
        if (c == '0') return rate(10);
        if (c == '\r' || c == '\n') return rate(1);
        if (c == 0x7f || c == '\b') pending_one_ = false;
        return State::waiting;
    }
    if (c == '1') {
        pending_one_ = true;
        return State::waiting;
    }
    if (c >= '0' && c <= '9') return rate(c - '0');
    if (c == '\r' || c == '\n' || c == 0x1b || c == 's' || c == 'S') return State::skipped;
    return State::waiting;
}

PainKeys::State PainKeys::timeout() {
    return pending_one_ ? rate(1) : State::waiting;
}

PainLine parse_pain_line(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) {
        line.remove_suffix(1);
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
        line.remove_prefix(1);
    if (line.empty()) return PainLine{true, std::nullopt};
    if (line.size() > 2) return {};
    int v = 0;
    for (const char c : line) {
        if (c < '0' || c > '9') return {};
        v = v * 10 + (c - '0');
    }
    if (v > 10) return {};
    return PainLine{true, v};
}

std::optional<int> ask_pain(int in_fd, int out_fd, std::string_view question, PainMode mode) {
    write_all(out_fd, question);
    return mode == PainMode::keys ? ask_keys(in_fd, out_fd) : ask_lines(in_fd, out_fd);
}

}  // namespace selfcare
