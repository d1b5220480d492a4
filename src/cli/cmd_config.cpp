#include "cmd_config.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/core.h>

#include "config.hpp"

namespace selfcare {

int cmd_config(ConfigView view, const Paths& paths) {
    const std::filesystem::path file = paths.config_file();
    if (view == ConfigView::path) {
        fmt::print("{}\n", file.string());
        return 0;
    }
    const Config config = load_config(file);
    std::error_code ec;
    const bool exists = std::filesystem::exists(file, ec);
    fmt::print("# {}{}\n", file.string(),
               exists ? "" : " (not there: every setting is the default)");
    // The origins line up after the short settings; a long list (the
    // reminder's days) does not push every other origin off to the right.
    constexpr size_t kAlignUpTo = 32;
    size_t width = 0;
    for (const Setting& s : config.settings) {
        const size_t length = s.name.size() + s.value.size() + 3;
        if (length <= kAlignUpTo) width = std::max(width, length);
    }
    for (const Setting& s : config.settings) {
        const std::string line = fmt::format("{} = {}", s.name, s.value);
        fmt::print("{:<{}}  # {}\n", line, width, s.origin);
    }
    return 0;
}

}  // namespace selfcare
