#pragma once
// Finding routines: the user's own folder first, then the built-ins, or a
// file given by path. Loading through the catalog resolves includes.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "error.hpp"
#include "routine.hpp"
#include "routine_loader.hpp"
#include "schedule.hpp"

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

// A routine read by path is named after its file, folded into the name
// alphabet so that it can be logged like any other ("My Neck.toml" is
// "my-neck"); "routine" when nothing usable is left.
std::string name_from_path(const std::filesystem::path& path);

// Every routine the catalog knows, by name.
struct Listing {
    std::vector<CatalogEntry> entries;  // sorted by name
    // Why the user's folder could not be read ("cannot read DIR: reason");
    // its routines are then missing from `entries`.
    std::string problem;
    // Files in the user's folder ending in ".toml" whose names are not
    // routine names ("My Neck.toml"): left out, and worth a warning.
    std::vector<std::string> misnamed;
};

// A routine name close to a file's stem, to suggest: "My Neck" -> "my-neck".
// Empty when nothing usable is left.
std::string routine_name_for(std::string_view stem);

// A routine ready to show or run, or every problem found on the way: in its
// file, in what it includes, or in expanding it.
struct Plan {
    Schedule schedule;
    std::vector<Diagnostic> problems;  // when not empty, `schedule` must not be used
    std::vector<Diagnostic> warnings;  // for the author; `schedule` is fine
};

class Catalog {
  public:
    // `user_dir` is $XDG_CONFIG_HOME/selfcare/routines; it need not exist.
    explicit Catalog(std::filesystem::path user_dir);

    // Every routine by name, sorted; a user file hides the built-in of the
    // same name. Files whose names are not routine names are left out.
    Listing list() const;

    // Loads a routine by name or by path (see looks_like_path), with its
    // includes resolved, and every problem in the file and in what it
    // includes. An unknown name is a problem too, with "did you mean".
    RoutineParse load(std::string_view name_or_path) const;

    // load() and then expand().
    Plan plan(std::string_view name_or_path) const;

  private:
    std::optional<CatalogEntry> find(std::string_view name) const;
    Routine parse_entry(const CatalogEntry& entry, std::vector<Diagnostic>& problems,
                        std::vector<Diagnostic>& warnings) const;
    // "no routine named 'x'{purpose}", with a near name if there is one.
    std::string not_found(std::string_view name, std::string_view purpose = "") const;

    // Include resolution, in catalog_includes.cpp.
    struct Source;
    struct Found;
    struct Resolution;
    void resolve_all(RoutineParse& loaded, const CatalogEntry& entry) const;
    Source source_of(const CatalogEntry& entry) const;
    Found locate(const std::string& include, const Source& from) const;
    Found locate_path(const std::string& include, const Source& from) const;
    void resolve_includes(Routine& routine, const Source& from, Resolution& state) const;

    std::filesystem::path user_dir_;
};

}  // namespace selfcare
