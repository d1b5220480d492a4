#!/usr/bin/env bash
# `selfcare new` and `edit` at a real terminal (tmux): the editor from
# $EDITOR, with its arguments and no shell, opens the file, and check runs
# on what it left. The "editor" here is a script that records its arguments
# and misspells a key, as a person might.
# Usage: edit_test.sh SELFCARE_BINARY
set -euo pipefail

binary=$(realpath "$1")
work=$(mktemp -d)
socket="selfcare-edit-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/config"

cat >"$work/editor" <<'SH'
#!/bin/sh
printf '%s\n' "$@" >"$(dirname "$0")/editor.args"
sed -i 's/^duration = "30s"$/duraton = "30s"/' "$2"
SH
chmod +x "$work/editor"

fail() {
    echo "FAIL: $*" >&2
    tmux -L "$socket" capture-pane -p -t t >&2 || true
    exit 1
}
wait_for() {
    for _ in $(seq 100); do
        tmux -L "$socket" capture-pane -p -t t | grep -qF -- "$1" && return 0
        sleep 0.1
    done
    fail "the screen never showed '$1'"
}

tmux -L "$socket" -f /dev/null new-session -d -s t -x 120 -y 30 \
    "env -i PATH=/usr/bin:/bin HOME=$work/home TERM=xterm XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state VISUAL='$work/editor --wait' PS1='$ ' bash --norc --noprofile"
wait_for '$'
tmux -L "$socket" send-keys -t t "$binary new evening; echo EXIT=\$?" Enter
# "EXIT=" is on the screen as soon as the command is typed; the run is over
# only when a status follows it.
wait_for "EXIT=2"
file="$work/config/selfcare/routines/evening.toml"
[ "$(cat "$work/editor.args")" = "$(printf -- '--wait\n%s' "$file")" ] ||
    fail "the editor got: $(cat "$work/editor.args")"
wait_for "evening.toml:11:1: unknown key 'duraton' in a step"
echo ok
