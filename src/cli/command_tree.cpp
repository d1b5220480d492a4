#include "command_tree.hpp"

#include <algorithm>

#include <fmt/core.h>

namespace selfcare {

const CommandSpec* CommandSpec::command(std::string_view wanted) const {
    const auto it = std::find_if(commands.begin(), commands.end(),
                                 [&](const CommandSpec& c) { return c.name == wanted; });
    return it == commands.end() ? nullptr : &*it;
}

const OptionSpec* CommandSpec::option(std::string_view wanted) const {
    for (const OptionSpec& o : options) {
        if (std::find(o.names.begin(), o.names.end(), wanted) != o.names.end()) return &o;
    }
    return nullptr;
}

namespace {

void list_into(const CommandSpec& command, const std::string& path, std::string& out) {
    if (!path.empty()) out += path + "\n";
    const std::string prefix = path.empty() ? "" : path + " ";
    for (const OptionSpec& o : command.options) {
        out +=
            fmt::format("{}{}{}{}\n", prefix, o.names.back(), o.value.empty() ? "" : " ", o.value);
    }
    for (const CommandSpec& sub : command.commands) {
        if (!sub.hidden) list_into(sub, prefix + sub.name, out);
    }
}

}  // namespace

std::string list_commands(const CommandSpec& root) {
    std::string out;
    list_into(root, "", out);
    return out;
}

}  // namespace selfcare
