#pragma once
// Reading routine files. This is the only place that knows the TOML format of
// a routine (docs/routines.md describes it for users).

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "error.hpp"
#include "routine.hpp"

namespace selfcare {

// Routine files larger than this are refused before they are parsed.
inline constexpr std::size_t kMaxRoutineBytes = std::size_t{1024} * 1024;

// A routine and every problem found in its text. When `problems` is not empty
// the routine is incomplete and must not be run. `warnings` (each
// Severity::warning) are for its author, and do not stop it.
struct RoutineParse {
    Routine routine;
    std::vector<Diagnostic> problems;
    std::vector<Diagnostic> warnings;
};

// Parses and validates a routine's TOML text. `path` is used in messages and
// `name` becomes the routine's name. Never throws for bad input: every
// problem in the text is reported, not only the first. Includes are recorded
// by name; resolving them is the catalog's job.
RoutineParse parse_routine(std::string_view text, std::string path, std::string name);

}  // namespace selfcare
