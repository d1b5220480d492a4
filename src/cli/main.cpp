// selfcare: a terminal coach for self-care routines. See README.md.

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>

#include "cli.hpp"
#include "error.hpp"
#include "output.hpp"

namespace {

// Runs the command and returns its exit status with the report of what went
// wrong, if anything. Nothing escapes: an exception thrown while building a
// report (out of memory) still ends in a status, not in std::terminate.
int run(int argc, char** argv, std::string& report) {
    try {
        return selfcare::run_cli(argc, argv);
    } catch (const selfcare::Error& e) {
        try {
            report = e.report();
        } catch (...) {
            report = "selfcare: out of memory while reporting an error\n";
        }
        return static_cast<int>(e.code());
    } catch (const std::exception& e) {
        report = std::string("selfcare: ") + e.what() + "\n";
    } catch (...) {
        report = "selfcare: unexpected failure\n";
    }
    return static_cast<int>(selfcare::ExitCode::failure);
}

}  // namespace

int main(int argc, char** argv) {
    // The process-wide settings, made here and nowhere else. A write past
    // `ulimit -f` raises SIGXFSZ, which would kill selfcare before it could
    // undo a partial log line and say so; a write to a pipe whose reader has
    // gone raises SIGPIPE, which would kill a run in the middle. Ignored,
    // both writes just fail, and each writer decides what that means.
    std::signal(SIGXFSZ, SIG_IGN);
    std::signal(SIGPIPE, SIG_IGN);
    std::string report;
    int status = 0;
    try {
        status = run(argc, argv, report);
    } catch (...) {
        status = static_cast<int>(selfcare::ExitCode::failure);
    }
    // Output that never reached its destination is a failure, as it is for
    // cat: the status says so even when nothing else went wrong.
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        const int why = errno;
        if (status == 0) status = static_cast<int>(selfcare::ExitCode::output_failed);
        report += "selfcare: cannot write the output: ";
        report += why != 0 ? std::strerror(why) : "write error";
        report += "\n";
    }
    selfcare::print_error(report);
    return status;
}
