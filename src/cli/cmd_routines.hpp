#pragma once
// The commands about routines themselves: `list`, `show` and `check`.

#include <string>
#include <vector>

#include "catalog.hpp"
#include "context.hpp"
#include "list_view.hpp"

namespace selfcare {

// Every routine in `catalog`, loaded: its schedule, or its first problem.
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
