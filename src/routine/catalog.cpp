#include "catalog.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>

#include <fmt/format.h>

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

// A routine read by path is named after its file, folded into the name
// alphabet so that it can be logged like any other ("My Neck.toml" is
// "my-neck").
std::string name_from_path(const fs::path& path) {
    std::string name;
    for (const char c : path.stem().string()) {
        const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        name += is_routine_name(std::string_view(&lower, 1)) ? lower : '-';
    }
    return is_routine_name(name) ? name : "routine";
}

std::string not_found(std::string_view name, const std::vector<CatalogEntry>& entries,
                      std::string_view purpose = "") {
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

}  // namespace

bool looks_like_path(std::string_view arg) {
    return arg.find('/') != std::string_view::npos || arg.ends_with(".toml");
}

Catalog::Catalog(fs::path user_dir) : user_dir_(std::move(user_dir)) {}

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

Routine Catalog::parse_entry(const CatalogEntry& entry, std::vector<Diagnostic>& problems) const {
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
    return std::move(parsed.routine);
}

// What one load has learnt so far. Each included routine is read once and
// shared, so a routine that includes another many times, at many levels,
// costs one parse per distinct name rather than one per path through it.
struct Catalog::Resolution {
    std::vector<std::string> chain;  // the includes being resolved, outermost first
    std::map<std::string, std::shared_ptr<const Routine>, std::less<>> done;
    std::vector<std::string> failed;  // reported already
    std::vector<Diagnostic>& problems;
};

RoutineParse Catalog::load(std::string_view name_or_path) const {
    RoutineParse out;
    if (looks_like_path(name_or_path)) {
        const fs::path path(name_or_path);
        const CatalogEntry entry{name_from_path(path), Origin::user, path.string()};
        out.routine = parse_entry(entry, out.problems);
    } else if (!is_routine_name(name_or_path)) {
        out.problems.push_back(Diagnostic{
            {},
            fmt::format(
                "'{}' is neither a routine name (a-z, 0-9 and '-') nor a path to a .toml file",
                name_or_path),
            {}});
    } else if (auto entry = find(name_or_path)) {
        out.routine = parse_entry(*entry, out.problems);
    } else {
        out.problems.push_back(Diagnostic{{}, not_found(name_or_path, list().entries), {}});
    }
    if (!out.problems.empty()) return out;
    Resolution state{{out.routine.name}, {}, {}, out.problems};
    resolve_includes(out.routine, state);
    return out;
}

Plan Catalog::plan(std::string_view name_or_path) const {
    Plan plan;
    RoutineParse loaded = load(name_or_path);
    plan.problems = std::move(loaded.problems);
    if (!plan.problems.empty()) return plan;
    Expansion expanded = expand(loaded.routine);
    if (!expanded.problem.empty()) {
        plan.problems.push_back(Diagnostic{{}, std::move(expanded.problem), {}});
    } else {
        plan.schedule = std::move(expanded.schedule);
    }
    return plan;
}

void Catalog::resolve_includes(Routine& routine, Resolution& state) const {
    for (Step& step : routine.steps) {
        if (step.kind != StepKind::include || step.include.empty()) continue;
        const auto report = [&](std::string message) {
            Diagnostic d = step.include_site;
            d.message = std::move(message);
            state.problems.push_back(std::move(d));
        };
        if (std::ranges::find(state.chain, step.include) != state.chain.end()) {
            report(fmt::format("include cycle: {} -> {}", fmt::join(state.chain, " -> "),
                               step.include));
            continue;
        }
        if (auto it = state.done.find(step.include); it != state.done.end()) {
            step.included = it->second;
            continue;
        }
        if (std::ranges::find(state.failed, step.include) != state.failed.end()) continue;
        if (static_cast<int>(state.chain.size()) > kMaxIncludeDepth) {
            report(fmt::format("includes nest more than {} deep", kMaxIncludeDepth));
            continue;
        }
        const auto entry = find(step.include);
        if (!entry) {
            report(not_found(step.include, list().entries, " to include"));
            continue;
        }
        const size_t known = state.problems.size();
        Routine inner = parse_entry(*entry, state.problems);
        if (state.problems.size() == known) {
            state.chain.push_back(step.include);
            resolve_includes(inner, state);
            state.chain.pop_back();
        }
        if (state.problems.size() != known) {
            state.failed.push_back(step.include);
            continue;
        }
        step.included = std::make_shared<const Routine>(std::move(inner));
        state.done.emplace(step.include, step.included);
    }
}

}  // namespace selfcare
