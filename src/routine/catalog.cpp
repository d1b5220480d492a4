#include "catalog.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/core.h>

#include "builtin_routines.hpp"
#include "file.hpp"
#include "routine_loader.hpp"
#include "suggest.hpp"
#include "text.hpp"

namespace selfcare {
namespace fs = std::filesystem;

namespace {

std::string builtin_path(std::string_view name) {
    return fmt::format("builtin/{}.toml", name);
}

}  // namespace

std::string name_from_path(const fs::path& path) {
    std::string name;
    for (const char c : path.stem().string()) {
        const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        name += is_routine_name(std::string_view(&lower, 1)) ? lower : '-';
    }
    return is_routine_name(name) ? name : "routine";
}

bool looks_like_path(std::string_view arg) {
    return arg.find('/') != std::string_view::npos || arg.ends_with(".toml");
}

Catalog::Catalog(fs::path user_dir) : user_dir_(std::move(user_dir)) {}

std::string Catalog::not_found(std::string_view name, std::string_view purpose) const {
    const std::vector<CatalogEntry> entries = list().entries;
    std::vector<std::string_view> names;
    names.reserve(entries.size());
    for (const CatalogEntry& e : entries)
        names.push_back(e.name);
    std::string message = fmt::format("no routine named '{}'{}", name, purpose);
    if (std::string near = closest_match(name, names); !near.empty()) {
        message += fmt::format("; did you mean '{}'?", near);
    } else {
        message += " (see 'selfcare list')";
    }
    return message;
}

std::string routine_name_for(std::string_view stem) {
    std::string out;
    for (const char c : stem) {
        const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
            out += lower;
        } else if ((c == ' ' || c == '_' || c == '-' || c == '.') && !out.empty() &&
                   out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    if (out.size() > 64) out.resize(64);
    return is_routine_name(out) ? out : std::string();
}

Listing Catalog::list() const {
    Listing listing;
    std::map<std::string, CatalogEntry, std::less<>> by_name;
    for (const BuiltinRoutine& b : builtin_routines()) {
        by_name[std::string(b.name)] = {std::string(b.name), Origin::builtin, builtin_path(b.name)};
    }
    std::error_code ec;
    fs::directory_iterator it(user_dir_, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
        listing.problem = fmt::format("cannot read {}: {}", user_dir_.string(), ec.message());
    }
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const fs::path& p = it->path();
        const std::string stem = p.stem().string();
        if (p.extension() != ".toml") continue;
        if (!is_routine_name(stem)) {
            listing.misnamed.push_back(p.string());
            continue;
        }
        const bool overrides = by_name.contains(stem);
        by_name[stem] = {stem, Origin::user, p.string(), overrides};
    }
    listing.entries.reserve(by_name.size());
    for (auto& [name, entry] : by_name)
        listing.entries.push_back(std::move(entry));
    return listing;
}

std::optional<CatalogEntry> Catalog::find(std::string_view name) const {
    const auto builtins = builtin_routines();
    const bool builtin =
        std::ranges::any_of(builtins, [&](const BuiltinRoutine& b) { return b.name == name; });
    const fs::path user_file = user_dir_ / fmt::format("{}.toml", name);
    std::error_code ec;
    if (fs::exists(user_file, ec)) {
        return CatalogEntry{std::string(name), Origin::user, user_file.string(), builtin};
    }
    if (builtin) return CatalogEntry{std::string(name), Origin::builtin, builtin_path(name)};
    return std::nullopt;
}

Routine Catalog::parse_entry(const CatalogEntry& entry, std::vector<Diagnostic>& problems,
                             std::vector<Diagnostic>& warnings) const {
    RoutineParse parsed;
    if (entry.origin == Origin::builtin) {
        const auto builtins = builtin_routines();
        const auto it = std::ranges::find(builtins, entry.name, &BuiltinRoutine::name);
        parsed = parse_routine(it->text, entry.path, entry.name);
    } else {
        const FileText file = read_small_file(entry.path, kMaxRoutineBytes);
        if (!file.ok()) {
            problems.push_back(Diagnostic{{entry.path}, file.error, {}});
            return Routine{};
        }
        parsed = parse_routine(file.text, entry.path, entry.name);
    }
    std::ranges::move(parsed.problems, std::back_inserter(problems));
    std::ranges::move(parsed.warnings, std::back_inserter(warnings));
    return std::move(parsed.routine);
}

RoutineParse Catalog::load(std::string_view name_or_path) const {
    RoutineParse out;
    std::optional<CatalogEntry> entry;
    if (looks_like_path(name_or_path)) {
        const fs::path path(name_or_path);
        entry = CatalogEntry{name_from_path(path), Origin::user, path.string()};
    } else if (!is_routine_name(name_or_path)) {
        out.problems.push_back(Diagnostic{
            {},
            fmt::format(
                "'{}' is neither a routine name (a-z, 0-9 and '-') nor a path to a .toml file",
                name_or_path),
            {}});
    } else if (entry = find(name_or_path); !entry) {
        out.problems.push_back(Diagnostic{{}, not_found(name_or_path), {}});
    }
    if (!entry) return out;
    out.routine = parse_entry(*entry, out.problems, out.warnings);
    if (out.problems.empty()) resolve_all(out, *entry);
    return out;
}

Plan Catalog::plan(std::string_view name_or_path) const {
    Plan plan;
    RoutineParse loaded = load(name_or_path);
    plan.problems = std::move(loaded.problems);
    plan.warnings = std::move(loaded.warnings);
    if (!plan.problems.empty()) return plan;
    Expansion expanded = expand(loaded.routine);
    if (!expanded.problem.empty()) {
        plan.problems.push_back(Diagnostic{{}, std::move(expanded.problem), {}});
    } else {
        plan.schedule = std::move(expanded.schedule);
    }
    return plan;
}

}  // namespace selfcare
