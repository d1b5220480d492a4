#include "list_view.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "json.hpp"
#include "plan_view.hpp"

namespace selfcare {
namespace {

std::string origin_text(const CatalogEntry& e) {
    if (e.origin == Origin::builtin) return "built-in";
    return e.overrides_builtin ? fmt::format("{} (overrides the built-in)", e.path) : e.path;
}

}  // namespace

std::string render_list(const std::vector<ListRow>& rows) {
    size_t w_name = 4, w_title = 5, w_time = 4;
    std::vector<std::string> times;
    for (const ListRow& r : rows) {
        times.push_back(r.schedule ? format_span(r.schedule->total_min, r.schedule->total_max)
                                   : "invalid");
        w_name = std::max(w_name, r.entry.name.size());
        w_title = std::max(w_title, r.schedule ? r.schedule->title.size() : 0);
        w_time = std::max(w_time, times.back().size());
    }
    std::string out = fmt::format("{:<{}}  {:<{}}  {:>{}}  {}\n", "NAME", w_name, "TITLE", w_title,
                                  "TIME", w_time, "FROM");
    for (size_t i = 0; i < rows.size(); ++i) {
        const ListRow& r = rows[i];
        std::string from = origin_text(r.entry);
        if (!r.schedule) {
            from += fmt::format(" (run 'selfcare check {}')", r.entry.path);
        } else if (r.warnings > 0) {
            from += fmt::format(" ({} {}: run 'selfcare check {}')", r.warnings,
                                r.warnings == 1 ? "warning" : "warnings", r.entry.path);
        }
        out += fmt::format("{:<{}}  {:<{}}  {:>{}}  {}\n", r.entry.name, w_name,
                           r.schedule ? r.schedule->title : "", w_title, times[i], w_time, from);
    }
    return out;
}

std::string render_list_json(const std::vector<ListRow>& rows) {
    std::vector<std::string> items;
    for (const ListRow& r : rows) {
        const bool ok = r.schedule.has_value();
        items.push_back(fmt::format(
            R"(  {{"name": {}, "title": {}, "total_seconds": {}, "origin": {}, "path": {}, )"
            R"("overrides_builtin": {}, "valid": {}, "problem": {}, "warnings": {}}})",
            json_string(r.entry.name), ok ? json_string(r.schedule->title) : "null",
            ok ? seconds_json(r.schedule->total_min, r.schedule->total_max) : "null",
            json_string(r.entry.origin == Origin::builtin ? "builtin" : "user"),
            json_string(r.entry.path), r.entry.overrides_builtin, ok,
            ok ? "null" : json_string(r.problem), r.warnings));
    }
    if (items.empty()) return "[]\n";
    return fmt::format("[\n{}\n]\n", fmt::join(items, ",\n"));
}

}  // namespace selfcare
