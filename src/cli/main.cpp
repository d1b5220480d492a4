// selfcare: a terminal coach for self-care routines. See README.md.

#include <cstdio>

#include <fmt/format.h>

#include "cli.hpp"
#include "error.hpp"

int main(int argc, char** argv) {
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
