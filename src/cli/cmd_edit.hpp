#pragma once
// Writing routines of one's own: `selfcare new` and `selfcare edit`. Both
// work in the user's routines folder, open $VISUAL or $EDITOR when there is
// a terminal to open it on, and check the file afterwards.

#include <optional>
#include <string>

#include "context.hpp"

namespace selfcare {

// Writes NAME.toml into the user's routines folder: a commented routine to
// start from, or a copy of `from` (a routine's name or a path). Never
// overwrites: an existing file is an error (invalid input). Prints the
// path, opens the editor, then checks the file; returns check's status.
int cmd_new(const std::string& name, const std::optional<std::string>& from,
            const Context& context);

// Opens the user's NAME.toml; for a built-in, copies it there first, so the
// copy replaces the built-in. Prints the path, opens the editor, then
// checks the file; returns check's status.
int cmd_edit(const std::string& name, const Context& context);

}  // namespace selfcare
