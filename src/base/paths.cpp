#include "paths.hpp"

#include "error.hpp"

namespace selfcare {
namespace fs = std::filesystem;

namespace {

fs::path base_dir(const Lookup& lookup, const char* variable, const char* fallback) {
    const char* value = lookup(variable);
    // Absolute means starting with '/' (what path::is_absolute checks on
    // POSIX, without splitting the path into parts first).
    if (value && value[0] == '/') return value;
    const char* home = lookup("HOME");
    if (!home || !*home) {
        throw Error(std::string("neither ") + variable +
                    " nor HOME is set; cannot tell where "
                    "selfcare's files belong");
    }
    return fs::path(home) / fallback;
}

}  // namespace

Paths resolve_paths(const Lookup& lookup) {
    return Paths{
        base_dir(lookup, "XDG_CONFIG_HOME", ".config") / "selfcare",
        base_dir(lookup, "XDG_DATA_HOME", ".local/share") / "selfcare",
        base_dir(lookup, "XDG_STATE_HOME", ".local/state") / "selfcare",
        base_dir(lookup, "XDG_CACHE_HOME", ".cache") / "selfcare",
    };
}

}  // namespace selfcare
