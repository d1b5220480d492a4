#include "read_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include <fmt/format.h>

#include "error.hpp"

namespace selfcare {

std::string read_small_file(const std::filesystem::path& path, std::size_t max_bytes) {
    const auto fail = [&](std::string_view why) {
        return Error(Diagnostic{{path.string()}, std::string(why), {}}, ExitCode::invalid_input);
    };
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw fail("is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw fail(std::strerror(errno));
    // Read in pieces, one byte past the limit at most, so an oversized file
    // is known without trusting its reported size (it may be a pipe or still
    // growing) and a small file costs only its own size.
    std::string text;
    char buffer[16 * 1024];
    while (text.size() <= max_bytes && in) {
        const size_t want = std::min(sizeof buffer, max_bytes + 1 - text.size());
        in.read(buffer, static_cast<std::streamsize>(want));
        text.append(buffer, static_cast<size_t>(in.gcount()));
    }
    if (in.bad()) throw fail(std::strerror(errno));
    if (text.size() > max_bytes) {
        throw fail(
            fmt::format("file is larger than {} KiB; refusing to read it", max_bytes / 1024));
    }
    return text;
}

}  // namespace selfcare
