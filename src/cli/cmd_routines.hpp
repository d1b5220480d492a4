#pragma once
// The commands about routines themselves: `list`, `show` and `check`.

#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"
#include "context.hpp"
#include "list_view.hpp"
#include "schedule.hpp"

namespace selfcare {

// The routine `target` names (a name or a path), expanded. Throws Error
// (invalid input) with every problem found in it and in what it includes.
Schedule load_schedule(const Context& context, std::string_view target);

// Every routine in `catalog`, loaded: its schedule, or its first problem.
// Throws Error when the user's folder cannot be read.
std::vector<ListRow> list_rows(const Catalog& catalog);

// Every routine the catalog has, as a table or JSON; a file with problems is
// listed as invalid, with a pointer to `check`.
int cmd_list(bool json, const Context& context);

// The routines' names only, one a line, for scripts and completion.
int cmd_list_names(const Context& context);

// One routine's plan: every segment with its start and length.
int cmd_show(const std::string& target, bool json, const Context& context);

// Checks every file, reporting every problem in each, so one run shows all
// there is to fix. Returns 2 when any has problems.
int cmd_check(const std::vector<std::string>& targets, const Context& context);

}  // namespace selfcare
