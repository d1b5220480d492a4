#pragma once
// The command line: options, subcommands, and the dispatch to each command.

namespace selfcare {

// Parses the arguments and runs the command. Returns the exit status; throws
// Error for failures, which main prints.
int run_cli(int argc, char** argv);

}  // namespace selfcare
