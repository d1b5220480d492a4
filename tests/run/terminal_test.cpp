#include "terminal.hpp"

#include <csignal>

#include <doctest/doctest.h>

using namespace selfcare;

TEST_CASE(
    "StopSignals keeps the first stop signal for its scope, then puts the old handlers back") {
    struct sigaction before {};
    sigaction(SIGUSR2, nullptr, &before);
    {
        const StopSignals signals;
        CHECK(signals.caught() == 0);
        // Without the scope, either would end the test binary.
        std::raise(SIGUSR2);
        std::raise(SIGINT);
        CHECK(signals.caught() == SIGUSR2);
    }
    struct sigaction after {};
    sigaction(SIGUSR2, nullptr, &after);
    const bool restored = after.sa_handler == before.sa_handler;
    CHECK(restored);
    // A new scope starts with nothing caught.
    const StopSignals again;
    CHECK(again.caught() == 0);
}
