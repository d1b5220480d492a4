#pragma once
// How `selfcare list` presents the catalog: a table for people, JSON for
// scripts.

#include <optional>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "schedule.hpp"

namespace selfcare {

// One routine as `selfcare list` shows it. `schedule` is empty when the file
// has problems; `problem` then holds the first. `warnings` counts what
// `selfcare check` would warn about; list only points there.
struct ListRow {
    CatalogEntry entry;
    std::optional<Schedule> schedule;
    std::string problem;
    size_t warnings = 0;
};
std::string render_list(const std::vector<ListRow>& rows);
std::string render_list_json(const std::vector<ListRow>& rows);

}  // namespace selfcare
