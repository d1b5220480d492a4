// The least a countdown can cost on this machine: wake on an absolute timer
// N times, INTERVAL_MS apart, and write one short line each time, doing
// nothing else. Run under selfcare_measure, its CPU time is the floor that
// selfcare's own figures are compared with in docs/performance.md.
// Usage: selfcare_wake_floor N INTERVAL_MS

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <poll.h>
#include <sys/timerfd.h>
#include <unistd.h>

int main(int argc, char** argv) {
    if (argc != 3) return 2;
    const long long n = std::atoll(argv[1]);
    const long long interval_ns = std::atoll(argv[2]) * 1'000'000;
    const int timer = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    timespec start{};
    clock_gettime(CLOCK_MONOTONIC, &start);
    const long long start_ns = start.tv_sec * 1'000'000'000LL + start.tv_nsec;
    for (long long i = 1; i <= n; ++i) {
        const long long at = start_ns + i * interval_ns;
        itimerspec when{};
        when.it_value = {static_cast<time_t>(at / 1'000'000'000),
                         static_cast<long>(at % 1'000'000'000)};
        timerfd_settime(timer, TFD_TIMER_ABSTIME, &when, nullptr);
        pollfd fd{timer, POLLIN, 0};
        ppoll(&fd, 1, nullptr, nullptr);
        std::uint64_t expirations = 0;
        if (read(timer, &expirations, sizeof expirations) < 0) return 1;
        if (write(STDOUT_FILENO, "\x1b[2;1H 0:29\x1b[K", 15) < 0) return 1;
    }
    return 0;
}
