#!/usr/bin/env bash
# Output that cannot be written: every command with standard error closed or
# full, and with standard output full or closed. None may die of a signal
# (SIGABRT was the old answer); each ends with its usual status, or with 74
# (EX_IOERR) when its own output was lost, and a session is saved first.
# Usage: output_test.sh SELFCARE_BINARY
set -uo pipefail

binary=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
export XDG_CACHE_HOME="$work/cache" HOME="$work/home"
mkdir -p "$HOME" "$XDG_CONFIG_HOME/selfcare/routines"
printf 'title = "Tiny"\n[[step]]\ntitle = "Breathe"\nduration = 1\n' \
    > "$XDG_CONFIG_HOME/selfcare/routines/tiny.toml"
printf '\n' > "$work/enter"  # skips a run's get-ready countdown
input=/dev/null
failures=0

# expect STATUS REDIRECTION ARGS...: runs the binary with ARGS and the
# redirection, and checks the exit status.
expect() {
    local want=$1 how=$2 got
    shift 2
    case "$how" in
    '2>&-') "$binary" "$@" <"$input" >/dev/null 2>&- ;;
    '2>/dev/full') "$binary" "$@" <"$input" >/dev/null 2>/dev/full ;;
    '>/dev/full') "$binary" "$@" <"$input" >/dev/full 2>/dev/null ;;
    '>&-') "$binary" "$@" <"$input" >&- 2>/dev/null ;;
    esac
    got=$?
    if [ "$got" != "$want" ]; then
        echo "FAIL: selfcare $* $how: exit $got, wanted $want" >&2
        failures=$((failures + 1))
    fi
}

# Commands that fail: their own status, whatever happens to the message.
for how in '2>&-' '2>/dev/full' '>/dev/full' '>&-'; do
    expect 2 "$how" log --bogus
    expect 2 "$how" log add nosuch
    expect 2 "$how" run nosuch
    expect 2 "$how" check "$work/missing.toml"
    expect 2 "$how" --no-such-option
done

# Commands that succeed: 0 when only standard error is lost (they had
# nothing to say there), 74 when their output is.
for args in "status" "log" "log --json" "log --csv" "log --weeks 4" "list" "list --json" \
    "show neck-release" "show neck-release --json" "check neck-release" "config" \
    "config --path" "--help" "--version" "run tiny --plain --speed 100" "status --json" \
    "completions bash" "log --weeks 2 --json"; do
    # shellcheck disable=SC2086
    {
        expect 0 '2>&-' $args
        expect 0 '2>/dev/full' $args
        expect 74 '>/dev/full' $args
        expect 74 '>&-' $args
    }
done

# A session is saved before anything is printed: the output is lost, the
# session is not.
input="$work/enter"
count() { cat "$XDG_DATA_HOME"/selfcare/*.log 2>/dev/null | grep -vc '^#'; }
expect 74 '>/dev/full' log add walk --minutes 5
[ "$(count)" = 1 ] || { echo "FAIL: log add >/dev/full did not save the session" >&2; failures=$((failures + 1)); }
expect 74 '>/dev/full' run tiny --plain
[ "$(count)" = 2 ] || { echo "FAIL: run >/dev/full did not save the session" >&2; failures=$((failures + 1)); }
expect 74 '>&-' run tiny --plain
[ "$(count)" = 3 ] || { echo "FAIL: run >&- did not save the session" >&2; failures=$((failures + 1)); }

[ "$failures" = 0 ] || exit 1
echo "ok: output"
