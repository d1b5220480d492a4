// Runs a command and prints what it cost, to the microsecond (GNU time
// rounds CPU time to 10 ms, too coarse for a countdown that idles):
//   user_us SYS sys_us wall_us maxrss_kb
// Usage: selfcare_measure OUTPUT_FILE COMMAND [ARGS...]

#include <chrono>
#include <cstdio>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char** environ;

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s OUTPUT_FILE COMMAND [ARGS...]\n", argv[0]);
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv[2], nullptr, nullptr, argv + 2, environ) != 0) {
        std::perror(argv[2]);
        return 127;
    }
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid) {
        std::perror("wait4");
        return 1;
    }
    const auto wall = std::chrono::steady_clock::now() - start;
    const auto us = [](const timeval& t) {
        return static_cast<long long>(t.tv_sec) * 1'000'000 + t.tv_usec;
    };
    std::FILE* out = std::fopen(argv[1], "w");
    if (!out) {
        std::perror(argv[1]);
        return 1;
    }
    std::fprintf(
        out, "%lld %lld %lld %ld\n", us(usage.ru_utime), us(usage.ru_stime),
        static_cast<long long>(std::chrono::duration_cast<std::chrono::microseconds>(wall).count()),
        usage.ru_maxrss);
    std::fclose(out);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
