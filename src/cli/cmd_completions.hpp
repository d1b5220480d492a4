#pragma once
// `selfcare completions SHELL` and the hidden `selfcare __complete` that the
// scripts it prints call at each Tab (completion.hpp).

#include <string>
#include <vector>

#include "command_tree.hpp"

namespace selfcare {

// Prints the completion script for `shell` ("bash", "zsh" or "fish").
// Throws Error (invalid input) for any other name.
int cmd_completions(const std::string& shell);

// `args` is "SHELL -- WORD... CURRENT" as the scripts pass it: the words
// after the program's name, the last one being typed. Prints the
// candidates. Never fails loudly: a broken environment completes nothing.
int cmd_complete(const CommandSpec& root, const std::vector<std::string>& args);

}  // namespace selfcare
