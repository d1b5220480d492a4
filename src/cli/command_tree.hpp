#pragma once
// The command line as plain data: every command with its options and
// arguments, read from the CLI11 definition by describe_cli() in cli.cpp.
// Tab completion, the listing behind the man-page test and "did you mean"
// for commands all read this, so none of them repeats the definition.

#include <string>
#include <string_view>
#include <vector>

namespace selfcare {

struct OptionSpec {
    std::vector<std::string> names;  // "-h", "--help": short names first
    std::string value;               // what it takes ("NUMBER"); empty for a flag
    bool value_optional = false;     // --week [WHEN]: the value may be left out
    std::string help;
};

struct ArgumentSpec {
    std::string name;   // "routine"
    std::string value;  // "ROUTINE": what completes it
    bool many = false;  // takes every remaining argument
    std::string help;
};

struct CommandSpec {
    std::string name;  // "run"; "selfcare" for the program itself
    std::string help;
    bool hidden = false;  // left out of --help, completion and the manual
    std::vector<OptionSpec> options;
    std::vector<ArgumentSpec> arguments;
    std::vector<CommandSpec> commands;

    // The subcommand called `wanted`, hidden ones included, or nullptr.
    const CommandSpec* command(std::string_view wanted) const;
    // The option with `wanted` among its names ("--speed", "-h"), or nullptr.
    const OptionSpec* option(std::string_view wanted) const;
};

// One line per visible command and one per option of each, as the man-page
// test reads them: "run", "run --speed NUMBER", "log add --at WHEN".
std::string list_commands(const CommandSpec& root);

}  // namespace selfcare
