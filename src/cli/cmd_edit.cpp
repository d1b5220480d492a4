#include "cmd_edit.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

#include <fmt/core.h>

#include "builtin_routines.hpp"
#include "catalog.hpp"
#include "cmd_routines.hpp"
#include "error.hpp"
#include "file.hpp"
#include "routine_loader.hpp"
#include "spawn.hpp"
#include "suggest.hpp"
#include "text.hpp"

namespace selfcare {
namespace {

namespace fs = std::filesystem;

// "my-evening-stretch" -> "My evening stretch".
std::string title_from(const std::string& name) {
    std::string title = name;
    for (char& c : title)
        if (c == '-') c = ' ';
    if (!title.empty()) title[0] = static_cast<char>(std::toupper(title[0]));
    return title;
}

// A routine that passes check and shows each kind of step, with the
// numbers the advice gives: holds of 30-60 s, 4-2-6 breathing.
std::string starting_routine(const std::string& name) {
    return fmt::format(
        R"(# A routine of your own. Every key is described in 'man selfcare-routine'.
# Try it with 'selfcare run {0}'; 'selfcare check {0}' finds mistakes.
title = "{1}"
summary = "What it is for, in one line."
caution = "Gentle pressure only. Stop if pain sharpens or spreads."

# A timed step: what to do, and for how long ("45s", "1m30s", "5m").
[[step]]
title = "Gentle stretch"
cue = "Move slowly through an easy range."
duration = "30s"

# A hold on each side, with time to switch between them. A range may be
# ended with 'n' once its shortest time has passed, and ends by itself.
[[step]]
title = "Steady pressure"
cue = "Press a tight spot with your thumb, then release slowly."
hold = "30s..60s"
sides = ["left", "right"]
between = "5s"

# Slow breathing to finish: in for 4, hold for 2, out for 6.
[[step]]
title = "4-2-6 breathing"
breathe = ["inhale 4s", "hold 2s", "exhale 6s"]
duration = "2m"
)",
        name, title_from(name));
}

void require_name(const std::string& name) {
    if (!is_routine_name(name)) {
        throw invalid_input(fmt::format(
            "'{}' cannot be a routine's name: use a-z, 0-9 and '-', at most 64", printable(name)));
    }
}

std::string read_routine(const std::string& path) {
    FileText file = read_small_file(path, kMaxRoutineBytes);
    if (!file.ok()) throw Error(Diagnostic{{path}, file.error, {}}, ExitCode::invalid_input);
    return std::move(file.text);
}

// The text of a routine to copy: the user's file, a built-in, or a file
// given by its path.
std::string source_text(const std::string& from, const Catalog& catalog) {
    if (looks_like_path(from)) return read_routine(from);
    std::vector<std::string_view> names;
    const Listing listing = catalog.list();
    for (const CatalogEntry& e : listing.entries) {
        if (e.name == from && e.origin == Origin::user) return read_routine(e.path);
        names.push_back(e.name);
    }
    for (const BuiltinRoutine& b : builtin_routines())
        if (b.name == from) return std::string(b.text);
    const std::string near = closest_match(from, names);
    throw invalid_input(fmt::format("no routine named '{}'{} (see 'selfcare list')",
                                    printable(from),
                                    near.empty() ? "" : fmt::format("; did you mean '{}'?", near)));
}

// Creates `path` with `text`, failing if it exists: O_EXCL, so two at once
// cannot both write it.
void create_new(const fs::path& path, const std::string& text) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0 && errno == EEXIST) {
        throw invalid_input(fmt::format("{} is already there; 'selfcare edit {}' opens it",
                                        path.string(), path.stem().string()));
    }
    if (fd < 0)
        throw Error(fmt::format("cannot create {}: {}", path.string(), std::strerror(errno)));
    const bool written = write_all(fd, text) == text.size();
    const bool closed = ::close(fd) == 0;
    if (!written || !closed) {
        const std::string reason = std::strerror(errno);
        fs::remove(path, ec);
        throw Error(fmt::format("cannot write {}: {}", path.string(), reason));
    }
}

// Opens the editor on a terminal, then checks the file either way.
int open_and_check(const fs::path& path, const Context& context) {
    if (!context.editor.empty() && context.stdin_terminal && context.stdout_terminal) {
        std::vector<std::string> argv = split_command(context.editor);
        argv.push_back(path.string());
        const std::optional<int> status = run_and_wait(argv, ChildOutput::inherit);
        if (!status) {
            throw Error(fmt::format("cannot start the editor '{}'; the file is {}",
                                    printable(context.editor), path.string()));
        }
    }
    return cmd_check({path.string()}, context);
}

}  // namespace

int cmd_new(const std::string& name, const std::optional<std::string>& from,
            const Context& context) {
    require_name(name);
    const Catalog catalog(context.paths.routines());
    std::string text = from ? source_text(*from, catalog) : starting_routine(name);
    const fs::path path = context.paths.routines() / (name + ".toml");
    create_new(path, text);
    fmt::print("Wrote {}\n", path.string());
    return open_and_check(path, context);
}

int cmd_edit(const std::string& name, const Context& context) {
    require_name(name);
    const fs::path path = context.paths.routines() / (name + ".toml");
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        const Catalog catalog(context.paths.routines());
        const auto builtin = std::find_if(builtin_routines().begin(), builtin_routines().end(),
                                          [&](const BuiltinRoutine& b) { return b.name == name; });
        if (builtin == builtin_routines().end()) {
            std::vector<std::string_view> names;
            const Listing listing = catalog.list();
            for (const CatalogEntry& e : listing.entries)
                names.push_back(e.name);
            const std::string near = closest_match(name, names);
            throw invalid_input(
                fmt::format("no routine named '{}'{}; 'selfcare new {}' writes one", name,
                            near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near), name));
        }
        create_new(path, std::string(builtin->text));
        fmt::print("Copied the built-in {} to {}; your copy replaces it\n", name, path.string());
    } else {
        fmt::print("{}\n", path.string());
    }
    return open_and_check(path, context);
}

}  // namespace selfcare
