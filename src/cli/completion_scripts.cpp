// The three completion scripts. Each hands the words typed so far to
// `selfcare __complete` and turns its answer (completion.hpp) into the
// shell's own candidates; none of them knows a command or an option.

#include "completion.hpp"

namespace selfcare {
namespace {

// Uses only bash itself, not the bash-completion package, so it also works
// when sourced from ~/.bashrc on a system without that package.
constexpr std::string_view kBash =
    R"(# bash completion for selfcare, written by 'selfcare completions bash'.
# The candidates come from selfcare itself at each Tab, so they match the
# program installed and the routines you have now.
_selfcare() {
    local cur=${COMP_WORDS[COMP_CWORD]} line files=
    COMPREPLY=()
    while IFS= read -r line; do
        if [[ $line == :files ]]; then
            files=1
        else
            COMPREPLY+=("$line")
        fi
    done < <("${COMP_WORDS[0]}" __complete bash -- "${COMP_WORDS[@]:1:COMP_CWORD-1}" "$cur" 2>/dev/null)
    if [[ -n $files ]]; then
        compopt -o filenames 2>/dev/null
        while IFS= read -r line; do
            COMPREPLY+=("$line")
        done < <(compgen -f -- "$cur")
    fi
    return 0
}
complete -F _selfcare selfcare
)";

// Autoloaded from $fpath (the file is then the function's body) or sourced,
// when it registers itself with compdef.
constexpr std::string_view kZsh = R"(#compdef selfcare
# zsh completion for selfcare, written by 'selfcare completions zsh'.
# The candidates come from selfcare itself at each Tab, so they match the
# program installed and the routines you have now.
_selfcare() {
    local -a candidates
    local line files=0 ret=1
    for line in "${(@f)$("${words[1]}" __complete zsh -- "${(@)words[2,CURRENT-1]}" "${words[CURRENT]}" 2>/dev/null)}"; do
        if [[ $line == :files ]]; then
            files=1
        elif [[ -n $line ]]; then
            candidates+=("$line")
        fi
    done
    (( ${#candidates} )) && _describe -t selfcare selfcare candidates && ret=0
    (( files )) && _files && ret=0
    return ret
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _selfcare "$@"
else
    compdef _selfcare selfcare
fi
)";

constexpr std::string_view kFish =
    R"(# fish completion for selfcare, written by 'selfcare completions fish'.
# The candidates come from selfcare itself at each Tab, so they match the
# program installed and the routines you have now.
function __selfcare_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    for line in ($words[1] __complete fish -- $words[2..-1] "$current" 2>/dev/null)
        if test "$line" = :files
            __fish_complete_path "$current"
        else
            printf '%s\n' $line
        end
    end
end
complete -c selfcare -f -a '(__selfcare_complete)'
)";

}  // namespace

std::string completion_script(Shell shell) {
    switch (shell) {
        case Shell::bash:
            return std::string(kBash);
        case Shell::zsh:
            return std::string(kZsh);
        case Shell::fish:
            return std::string(kFish);
    }
    return {};
}

}  // namespace selfcare
