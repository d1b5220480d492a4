#pragma once
// `selfcare config`: the effective settings and where each came from.

#include "paths.hpp"

namespace selfcare {

enum class ConfigView { settings, path };

// Prints every setting as TOML with its origin ("default" or "path:line"),
// or with ConfigView::path only the config file's path. Throws Error when
// the file exists and has problems.
int cmd_config(ConfigView view, const Paths& paths);

}  // namespace selfcare
