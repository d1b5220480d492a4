// The test binary's main: doctest's, after the one process-wide setting
// selfcare's own main makes (src/cli/main.cpp), so that the code under test
// runs as it does in the program.

#define DOCTEST_CONFIG_IMPLEMENT
#include <csignal>

#include <doctest/doctest.h>

int main(int argc, char** argv) {
    std::signal(SIGXFSZ, SIG_IGN);
    return doctest::Context(argc, argv).run();
}
