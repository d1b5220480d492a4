#include "read_file.hpp"

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
    // Read one byte past the limit so an oversized file is known without
    // trusting its reported size (it may be a pipe or still growing).
    std::string text(max_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) throw fail(std::strerror(errno));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes) {
        throw fail(
            fmt::format("file is larger than {} KiB; refusing to read it", max_bytes / 1024));
    }
    return text;
}

}  // namespace selfcare
