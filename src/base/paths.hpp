#pragma once
// Where selfcare keeps its files, following the XDG Base Directory spec.

#include <filesystem>
#include <functional>

namespace selfcare {

struct Paths {
    std::filesystem::path config;  // $XDG_CONFIG_HOME/selfcare: config.toml, routines/
    std::filesystem::path data;    // $XDG_DATA_HOME/selfcare: the session log
    std::filesystem::path state;   // $XDG_STATE_HOME/selfcare: this device's id
    // $XDG_CACHE_HOME/selfcare: summaries of the log that only make reports
    // faster. Empty means no cache (reports then read every month they need).
    std::filesystem::path cache;

    std::filesystem::path routines() const { return config / "routines"; }
    std::filesystem::path config_file() const { return config / "config.toml"; }
};

// Looks an environment variable up: its value, or null when it is unset.
using Lookup = std::function<const char*(const char*)>;

// Each XDG variable is used when it is set to an absolute path; otherwise
// (unset, empty or relative, as the spec says) the default under $HOME is.
// Throws Error when a default is needed and HOME is not set.
Paths resolve_paths(const Lookup& lookup);

}  // namespace selfcare
