#pragma once
// Starting another program (an editor, notify-send) directly, never through
// a shell, so nothing in a routine name or a message is ever interpreted.

#include <optional>
#include <string>
#include <vector>

namespace selfcare {

enum class ChildOutput { inherit, silent };

// Runs argv[0], found on PATH, with the rest as its arguments, and waits for
// it. With ChildOutput::silent its input, output and errors are /dev/null.
// While it runs, Ctrl-C and Ctrl-\ go to it alone (an editor handles them
// itself). Returns its exit status (128 + the signal that ended it), or
// nothing when it could not be started (not installed, not executable).
std::optional<int> run_and_wait(const std::vector<std::string>& argv, ChildOutput output);

// An editor setting such as "code -w" or "emacs -nw" split at spaces, the
// way it is run: no shell, so no quoting.
std::vector<std::string> split_command(const std::string& command);

}  // namespace selfcare
