#!/usr/bin/env bash
# Tab completion, driven as each shell drives it: bash through COMP_WORDS,
# COMP_CWORD and the function; fish through `complete -C`; zsh in a real
# terminal (tmux), where a Tab is typed and the screen read.
# Usage: completion_test.sh SELFCARE_BINARY bash|zsh|fish
set -euo pipefail

binary=$(realpath "$1")
shell=$2
work=$(mktemp -d)
socket="selfcare-completion-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
export XDG_CACHE_HOME="$work/cache" HOME="$work/home"
mkdir -p "$HOME" "$work/bin" "$work/empty" "$XDG_CONFIG_HOME/selfcare/routines"
ln -s "$binary" "$work/bin/selfcare"
export PATH="$work/bin:/usr/bin:/bin"
# A routine of the user's own, read at completion time.
printf 'title = "My stretch"\n[[step]]\ntitle = "Reach"\nduration = "20s"\n' \
    >"$XDG_CONFIG_HOME/selfcare/routines/my-stretch.toml"
selfcare completions "$shell" >"$work/script"
cd "$work/empty"

fail() {
    echo "FAIL ($shell): $*" >&2
    exit 1
}

# expect WANTED GOT: the candidates, one a line, sorted.
expect() {
    [ "$1" = "$2" ] || fail "wanted [$1], got [$2]"
}

case "$shell" in
bash)
    # bash -c so the function runs as bash runs it, not in this script.
    complete_bash() {
        bash --norc --noprofile -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
            _selfcare; printf "%s\n" "${COMPREPLY[@]}" | sort' _ "$work/script" "$@"
    }
    expect run "$(complete_bash selfcare ru)"
    expect neck-release "$(complete_bash selfcare run ne)"
    expect my-stretch "$(complete_bash selfcare show my)"
    expect "$(printf 'box-breathing\nbreathing-426')" "$(complete_bash selfcare check --help b)"
    # --week's value is optional, so log's subcommands may come next as well.
    expect "$(printf 'add\nlast\nthis')" "$(complete_bash selfcare log --week '' | grep -E '^(add|last|this)$')"
    expect last "$(complete_bash selfcare log --week l)"
    expect last "$(complete_bash selfcare log --week = l)"
    expect add "$(complete_bash selfcare log a)"
    expect "$(printf 'remove\nundo')" "$(complete_bash selfcare log r; complete_bash selfcare log u)"
    expect "" "$(complete_bash selfcare log add x --note '')"
    expect "$(printf -- '--say\n--speech\n--speed')" "$(complete_bash selfcare run neck-release --s)"
    expect "$(printf -- '--pain-after\n--pain-before')" "$(complete_bash selfcare log add x --pain)"
    # Paths complete too where a routine may be a file.
    touch "$work/empty/mine.toml"
    expect mine.toml "$(complete_bash selfcare run mi)"
    expect "" "$(complete_bash selfcare status '')"
    ;;
fish)
    fish --no-execute "$work/script" || fail "fish --no-execute rejects the script"
    complete_fish() {
        fish --no-config -c "source $work/script; complete -C '$1'" | cut -f1 | sort
    }
    expect run "$(complete_fish 'selfcare ru')"
    expect neck-release "$(complete_fish 'selfcare run ne')"
    expect my-stretch "$(complete_fish 'selfcare edit my')"
    expect last "$(complete_fish 'selfcare log --week l')"
    expect "$(printf -- '--pain-after\n--pain-before')" "$(complete_fish 'selfcare log add x --pain')"
    ;;
zsh)
    zsh -n "$work/script" || fail "zsh -n rejects the script"
    mkdir -p "$work/functions"
    cp "$work/script" "$work/functions/_selfcare"
    screen() { tmux -L "$socket" capture-pane -p -t t; }
    wait_for() {
        for _ in $(seq 100); do
            screen | grep -qF -- "$1" && return 0
            sleep 0.1
        done
        screen >&2
        fail "the screen never showed '$1'"
    }
    tmux -L "$socket" -f /dev/null new-session -d -s t -x 100 -y 20 \
        "env -i PATH=$PATH HOME=$HOME TERM=xterm XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME XDG_STATE_HOME=$XDG_STATE_HOME XDG_CACHE_HOME=$XDG_CACHE_HOME zsh -f"
    tmux -L "$socket" send-keys -t t "PS1='%% '; fpath=($work/functions \$fpath); autoload -U compinit; compinit -u -D; clear" Enter
    wait_for '% '
    # capture-pane drops the space zsh puts after a completed word.
    tmux -L "$socket" send-keys -t t "selfcare ru" Tab
    wait_for "% selfcare run"
    tmux -L "$socket" send-keys -t t "ne" Tab
    wait_for "% selfcare run neck-release"
    tmux -L "$socket" send-keys -t t C-u "selfcare show my-" Tab
    wait_for "% selfcare show my-stretch"
    tmux -L "$socket" send-keys -t t C-u "selfcare log --week l" Tab
    wait_for "% selfcare log --week last"
    ;;
*)
    fail "no such shell"
    ;;
esac
echo "ok ($shell)"
