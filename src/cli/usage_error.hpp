#pragma once
// Mistakes on the command line, told in selfcare's own words. CLI11 finds
// them; this turns its report into one line that names the option or word,
// says what was wanted, and points at the command's own --help.

#include <optional>
#include <string>
#include <string_view>

#include "command_tree.hpp"

namespace selfcare {

// What CLI11 reported, reduced to strings so the wording is tested without
// CLI11. `kind` is its error's name ("ValidationError", "ExtrasError",
// "RequiredError", "ArgumentMismatch", ...), `message` its text, `path` the
// command being parsed ("run", "log add"; "" for the program itself) and
// `command` that command's definition.
struct UsageProblem {
    std::string kind;
    std::string message;
    std::string path;
    const CommandSpec* command = nullptr;
};

// One line without "selfcare: " (main adds it), for example
// "--speed needs a number from 0.1 to 1000, got 'abc' (see 'selfcare run --help')".
std::string explain(const UsageProblem& problem);

// When `word`, the first word after the program's options, is not one of
// root's commands: "unknown command 'rn'; did you mean 'run'? (see
// 'selfcare --help')". Nothing when it is a command or an option.
std::optional<std::string> unknown_command(const CommandSpec& root, std::string_view word);

}  // namespace selfcare
