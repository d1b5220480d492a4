// selfcare: a terminal coach for self-care routines. See README.md.

#include <csignal>
#include <cstdio>

#include <fmt/format.h>

#include "cli.hpp"
#include "error.hpp"

int main(int argc, char** argv) {
    // The process-wide settings, made here and nowhere else. A write past
    // `ulimit -f` raises SIGXFSZ, which would kill selfcare before it could
    // undo a partial log line and say so; ignored, the write just fails.
    std::signal(SIGXFSZ, SIG_IGN);
    try {
        return selfcare::run_cli(argc, argv);
    } catch (const selfcare::Error& e) {
        std::fflush(stdout);
        fmt::print(stderr, "{}", e.report());
        return static_cast<int>(e.code());
    } catch (const std::exception& e) {
        std::fflush(stdout);
        fmt::print(stderr, "selfcare: {}\n", e.what());
        return static_cast<int>(selfcare::ExitCode::failure);
    }
}
