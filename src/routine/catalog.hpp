#pragma once
// Finding routines: the user's own folder first, then the built-ins, or a
// file given by path. Loading through the catalog resolves includes.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "routine.hpp"

namespace selfcare {

enum class Origin { builtin, user };

struct CatalogEntry {
    std::string name;
    Origin origin = Origin::builtin;
    std::string path;  // the user's file, or "builtin/NAME.toml"
    bool overrides_builtin = false;
};

// Includes may nest this deep (home-session -> breathing is depth 1).
inline constexpr int kMaxIncludeDepth = 16;

// True when a command-line argument names a file rather than a routine: it
// contains '/' or ends in ".toml".
bool looks_like_path(std::string_view arg);

class Catalog {
  public:
    // `user_dir` is $XDG_CONFIG_HOME/selfcare/routines; it need not exist.
    explicit Catalog(std::filesystem::path user_dir);

    // Every routine by name, sorted; a user file hides the built-in of the
    // same name. Files whose names are not routine names are left out.
    std::vector<CatalogEntry> entries() const;

    // Loads a routine by name or by path (see looks_like_path), with its
    // includes resolved. Throws Error (invalid input) listing every problem
    // in the file and in what it includes.
    Routine load(std::string_view name_or_path) const;

  private:
    std::optional<CatalogEntry> find(std::string_view name) const;
    Routine parse_entry(const CatalogEntry& entry, std::vector<Diagnostic>& problems) const;
    struct Resolution;
    void resolve_includes(Routine& routine, Resolution& state) const;

    std::filesystem::path user_dir_;
};

}  // namespace selfcare
