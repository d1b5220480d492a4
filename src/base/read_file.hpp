#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace selfcare {

// Reads a whole file that is expected to be small. Throws Error (exit status
// 2, since the file is the user's input) when it cannot be opened or read, or
// is larger than `max_bytes`; the message names the path and the reason.
std::string read_small_file(const std::filesystem::path& path, std::size_t max_bytes);

}  // namespace selfcare
