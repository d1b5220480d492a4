#pragma once
// Damage found while reading a log file: which lines were skipped, and the
// one warning that tells the user so.

#include <filesystem>
#include <string>
#include <vector>

namespace selfcare {

// Lines skipped in one file.
struct FileDamage {
    std::filesystem::path path;
    int skipped = 0;
    std::vector<int> lines;  // the first few line numbers, 1-based
    std::string note;        // set when the whole file was skipped, saying why

    bool operator==(const FileDamage&) const = default;
};

// "selfcare: warning: PATH: skipped 2 damaged lines (5, 9); the rest was read\n".
std::string format_damage(const FileDamage& d);

}  // namespace selfcare
