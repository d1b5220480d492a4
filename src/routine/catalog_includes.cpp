// How the catalog resolves `include`: by name beside the including file or
// in the catalog, or by a path from the including file's folder that must
// stay inside the folder tree that file lives in.

#include <algorithm>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "catalog.hpp"
#include "text.hpp"

namespace selfcare {
namespace fs = std::filesystem;

namespace {

// `path` with every link and "..". resolved, or made absolute as written
// when it does not exist (nothing is read from it then).
fs::path real_path(const fs::path& path) {
    std::error_code ec;
    fs::path real = fs::canonical(path, ec);
    if (ec) real = fs::absolute(path, ec).lexically_normal();
    return real;
}

// True when `path` is `root` or lies below it, compared a component at a
// time, so that /a/bc is not inside /a/b.
bool inside(const fs::path& path, const fs::path& root) {
    const auto mismatch = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
    return mismatch.first == root.end();
}

}  // namespace

// A routine whose includes are being resolved. A built-in has no folder and
// can include only by name.
struct Catalog::Source {
    std::string key;     // what it is, for cycles and sharing: its real path, or "builtin/NAME"
    fs::path shown_dir;  // its folder as the user wrote it, for messages
    fs::path real_dir;   // its folder with links resolved: paths start here
    fs::path root;       // the folder tree that paths it includes must stay inside
};

// What an include names: the file to read and where it is, or why not.
struct Catalog::Found {
    CatalogEntry entry;
    Source source;
    std::string problem;
};

// What one load has learnt so far. Each included file is read once and
// shared, so a routine that includes another many times, at many levels,
// costs one parse per distinct file rather than one per path through it.
struct Catalog::Resolution {
    std::vector<std::string> keys;   // the files being resolved, outermost first
    std::vector<std::string> shown;  // the same as the user wrote them, for a cycle
    std::map<std::string, std::shared_ptr<const Routine>, std::less<>> done;
    std::vector<std::string> failed;  // keys reported already
    std::vector<Diagnostic>& problems;
    std::vector<Diagnostic>& warnings;
};

namespace {

// Where `relative` from `from`'s folder is, to read and to show: under the
// folder as the user wrote it when that is the same file, else the real one.
fs::path child_path(const fs::path& shown_dir, const fs::path& real_dir, const fs::path& relative) {
    const fs::path real = (real_dir / relative).lexically_normal();
    const fs::path shown = (shown_dir / relative).lexically_normal();
    return real_path(shown) == real_path(real) ? shown : real;
}

}  // namespace

Catalog::Source Catalog::source_of(const CatalogEntry& entry) const {
    if (entry.origin == Origin::builtin) return Source{entry.path, {}, {}, {}};
    const fs::path real = real_path(entry.path);
    const fs::path user_root = real_path(user_dir_);
    // A file in the routines folder may include anything in that folder; a
    // file elsewhere, what is in its own folder.
    const fs::path root = inside(real, user_root) ? user_root : real.parent_path();
    return Source{real.string(), fs::path(entry.path).parent_path(), real.parent_path(), root};
}

void Catalog::resolve_all(RoutineParse& loaded, const CatalogEntry& entry) const {
    const Source top = source_of(entry);
    Resolution state{{top.key}, {loaded.routine.name}, {}, {}, loaded.problems, loaded.warnings};
    resolve_includes(loaded.routine, top, state);
}

Catalog::Found Catalog::locate(const std::string& include, const Source& from) const {
    if (!is_routine_name(include)) return locate_path(include, from);
    // A name is looked for beside the including file first, then in the
    // catalog (the user's folder, then the built-ins).
    if (!from.real_dir.empty()) {
        const fs::path file = fmt::format("{}.toml", include);
        std::error_code ec;
        if (fs::exists(from.real_dir / file, ec)) {
            const fs::path path = child_path(from.shown_dir, from.real_dir, file);
            const fs::path real = real_path(path);
            return Found{{include, Origin::user, path.string()},
                         {real.string(), path.parent_path(), real.parent_path(), from.root},
                         {}};
        }
    }
    const auto entry = find(include);
    if (!entry) return Found{{}, {}, not_found(include, " to include")};
    return Found{*entry, source_of(*entry), {}};
}

Catalog::Found Catalog::locate_path(const std::string& include, const Source& from) const {
    const auto refuse = [](std::string message) { return Found{{}, {}, std::move(message)}; };
    const fs::path written(include);
    if (from.real_dir.empty()) {
        return refuse(
            fmt::format("'{}' is a path; a built-in routine includes only by name", include));
    }
    if (written.is_absolute()) {
        return refuse(
            fmt::format("'{}' is an absolute path; write the path from this file's folder, such as "
                        "\"./calm-breathing.toml\"",
                        include));
    }
    const fs::path target = (from.real_dir / written).lexically_normal();
    if (!inside(target, from.root)) {
        return refuse(fmt::format("'{}' leads out of {}; an included file must lie inside it",
                                  include, from.root.string()));
    }
    if (written.extension() != ".toml") {
        return refuse(fmt::format("'{}' is not a .toml file", include));
    }
    const fs::path path = child_path(from.shown_dir, from.real_dir, written);
    std::error_code ec;
    const fs::path real = fs::canonical(target, ec);
    if (ec) return refuse(fmt::format("cannot include {}: {}", path.string(), ec.message()));
    if (!inside(real, from.root)) {
        return refuse(
            fmt::format("'{}' is a link that leads out of {}; an included file must lie inside it",
                        include, from.root.string()));
    }
    return Found{{name_from_path(written), Origin::user, path.string()},
                 {real.string(), path.parent_path(), real.parent_path(), from.root},
                 {}};
}

void Catalog::resolve_includes(Routine& routine, const Source& from, Resolution& state) const {
    for (Step& step : routine.steps) {
        if (step.kind != StepKind::include || step.include.empty()) continue;
        const auto report = [&](std::string message) {
            Diagnostic d = step.include_site;
            d.message = std::move(message);
            state.problems.push_back(std::move(d));
        };
        Found found = locate(step.include, from);
        if (!found.problem.empty()) {
            report(std::move(found.problem));
            continue;
        }
        const std::string& key = found.source.key;
        if (std::ranges::find(state.keys, key) != state.keys.end()) {
            report(fmt::format("include cycle: {} -> {}", fmt::join(state.shown, " -> "),
                               step.include));
            continue;
        }
        if (auto it = state.done.find(key); it != state.done.end()) {
            step.included = it->second;
            continue;
        }
        if (std::ranges::find(state.failed, key) != state.failed.end()) continue;
        if (static_cast<int>(state.keys.size()) > kMaxIncludeDepth) {
            report(fmt::format("includes nest more than {} deep", kMaxIncludeDepth));
            continue;
        }
        const size_t known = state.problems.size();
        Routine inner = parse_entry(found.entry, state.problems, state.warnings);
        if (state.problems.size() == known) {
            state.keys.push_back(key);
            state.shown.push_back(step.include);
            resolve_includes(inner, found.source, state);
            state.keys.pop_back();
            state.shown.pop_back();
        }
        if (state.problems.size() != known) {
            state.failed.push_back(key);
            continue;
        }
        step.included = std::make_shared<const Routine>(std::move(inner));
        state.done.emplace(key, step.included);
    }
}

}  // namespace selfcare
