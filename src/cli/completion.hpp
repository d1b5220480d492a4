#pragma once
// Tab completion. The scripts for bash, zsh and fish are small and the same
// for every version of selfcare: at each Tab they run the program itself
// (`selfcare __complete SHELL -- WORDS... CURRENT`), which answers from its
// own command-line definition and, for routine names, from the catalog as
// it is at that moment. A new option or a new routine file completes with
// no script to edit.

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "command_tree.hpp"

namespace selfcare {

enum class Shell { bash, zsh, fish };

// "bash", "zsh" or "fish"; nothing for any other word.
std::optional<Shell> shell_named(std::string_view name);

struct Candidate {
    std::string word;
    std::string help;  // shown by zsh and fish beside the word
};

struct Completion {
    std::vector<Candidate> candidates;
    bool files = false;  // file names fit here too: the shell adds its own
};

// What may come next after `before` (the words after the program name,
// already typed) in the word being typed, `current`. Only candidates that
// start with `current` are returned. Arguments that take a ROUTINE offer
// `routine_names()`, called only then; WEEK offers "last" and "this".
Completion complete(const CommandSpec& root, std::span<const std::string> before,
                    std::string_view current,
                    const std::function<std::vector<std::string>()>& routine_names);

// The candidates as the script for `shell` reads them: one per line, with
// the help after a tab (fish) or a colon (zsh), and a last line ":files"
// when file names fit too.
std::string format_completion(const Completion& completion, Shell shell);

// The completion script for `shell`, to be sourced or installed.
std::string completion_script(Shell shell);

}  // namespace selfcare
