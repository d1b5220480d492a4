#include "cmd_completions.hpp"

#include <fmt/core.h>

#include "catalog.hpp"
#include "completion.hpp"
#include "context.hpp"
#include "error.hpp"

namespace selfcare {

int cmd_completions(const std::string& shell) {
    const std::optional<Shell> known = shell_named(shell);
    if (!known) {
        throw invalid_input(fmt::format("completions are for bash, zsh and fish, not '{}'", shell));
    }
    fmt::print("{}", completion_script(*known));
    return 0;
}

int cmd_complete(const CommandSpec& root, const std::vector<std::string>& args) {
    if (args.size() < 3 || args[1] != "--") return 2;
    const std::optional<Shell> shell = shell_named(args[0]);
    if (!shell) return 2;
    const std::vector<std::string> before(args.begin() + 2, args.end() - 1);
    const auto routine_names = []() {
        std::vector<std::string> names;
        try {
            const Context context = context_from_environment();
            for (CatalogEntry& e : Catalog(context.paths.routines()).list().entries)
                names.push_back(std::move(e.name));
        } catch (const std::exception&) {
            // No paths, no user routines: the shell offers what it can.
        }
        return names;
    };
    const Completion completion = complete(root, before, args.back(), routine_names);
    fmt::print("{}", format_completion(completion, *shell));
    return 0;
}

}  // namespace selfcare
