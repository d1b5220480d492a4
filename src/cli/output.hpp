#pragma once
// Writing to standard output and standard error without ever aborting.
//
// Output can fail: a full disk (`>/dev/full`), a closed descriptor (`2>&-`),
// a pipe whose reader left, a terminal window that was closed. None of that
// may throw out of a report of another error, and none may stop a session
// from being saved. Standard output goes through stdio and is checked once,
// at the end, in main (a failure there is ExitCode::output_failed, 74);
// standard error is written directly and a failure is ignored, because there
// is nowhere left to say it.

#include <string_view>

namespace selfcare {

// Flushes standard output (so the two streams keep their order), then
// writes `text` to standard error. Never throws.
void print_error(std::string_view text) noexcept;

// Flushes standard output, then writes `text` straight to it. Returns false,
// with errno set, when any of it could not be written. Never throws.
bool print_now(std::string_view text) noexcept;

}  // namespace selfcare
