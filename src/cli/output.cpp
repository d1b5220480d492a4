#include "output.hpp"

#include <cstdio>
#include <unistd.h>

#include "file.hpp"

namespace selfcare {

void print_error(std::string_view text) noexcept {
    std::fflush(stdout);
    write_all(STDERR_FILENO, text);
}

bool print_now(std::string_view text) noexcept {
    const bool flushed = std::fflush(stdout) == 0;
    return write_all(STDOUT_FILENO, text) == text.size() && flushed;
}

}  // namespace selfcare
