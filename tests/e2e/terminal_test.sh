#!/usr/bin/env bash
# End-to-end tests of `selfcare run` in a real terminal: tmux runs a shell,
# send-keys types as a person would and capture-pane reads the screen.
# Usage: terminal_test.sh SELFCARE_BINARY SCENARIO
set -euo pipefail

binary=$(realpath "$1")
scenario=$2
work=$(mktemp -d)
socket="selfcare-test-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
export HOME="$work/home"
mkdir -p "$HOME"

fail() {
    echo "FAIL ($scenario): $*" >&2
    echo "--- screen ---" >&2
    screen >&2 || true
    exit 1
}

screen() { tmux -L "$socket" capture-pane -p -t t; }
flag() { tmux -L "$socket" display -p -t t "#{$1}"; }
type_keys() { tmux -L "$socket" send-keys -t t "$@"; }

# Waits up to 10 s for the screen to show a fixed string.
wait_for() {
    for _ in $(seq 100); do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1
    done
    fail "the screen never showed '$1'"
}

wait_gone() {
    for _ in $(seq 100); do
        screen | grep -qF -- "$1" || return 0
        sleep 0.1
    done
    fail "the screen kept showing '$1'"
}

# The m:ss at the end of the progress bar, in seconds. A frame can be
# caught half drawn when the machine is busy, so it looks again for up to
# 5 s before giving up.
left() {
    local t
    for _ in $(seq 50); do
        t=$(screen | grep -E '^ [[▕].*[]▏]  [0-9]+:[0-9]{2}$' | grep -oE '[0-9]+:[0-9]{2}$' | head -n1)
        [ -n "$t" ] && break
        sleep 0.1
    done
    [ -n "$t" ] || fail "no countdown on the screen"
    echo $(( 10#${t%%:*} * 60 + 10#${t##*:} ))
}

# A shell in an 80x24 terminal; the run starts from its prompt so that
# stty, Ctrl-Z and fg behave as they do for a person.
tmux -L "$socket" -f /dev/null new-session -d -s t -x 80 -y 24 \
    "env -i PATH=/usr/bin:/bin HOME=$HOME TERM=xterm-256color LANG=C.UTF-8 XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME XDG_STATE_HOME=$XDG_STATE_HOME PS1='$ ' bash --norc --noprofile"
wait_for '$'
type_keys "stty -g > $work/stty.before; clear" Enter
for _ in $(seq 50); do
    [ -s "$work/stty.before" ] && break
    sleep 0.1
done

start_run() {
    type_keys "$binary run neck-release $*; echo EXIT=\$?" Enter
    wait_for "Get ready"
    type_keys n  # skip the get-ready countdown
    wait_for "Side neck stretch, left side"
}

# After the run: the terminal must be exactly as it was. A run that was
# stopped with Ctrl-Z has had its "; echo EXIT" run already, so it waits for
# the summary instead.
check_restored() {
    wait_for "${1:-EXIT=0}"
    [ "$(flag alternate_on)" = 0 ] || fail "still on the alternate screen"
    [ "$(flag cursor_flag)" = 1 ] || fail "the cursor is still hidden"
    type_keys "stty -g > $work/stty.after" Enter
    # The shell writes the file when it gets to it, later on a busy machine.
    for _ in $(seq 50); do
        [ -s "$work/stty.after" ] && break
        sleep 0.1
    done
    diff "$work/stty.before" "$work/stty.after" >&2 || fail "terminal settings changed"
}

case "$scenario" in
countdown)
    start_run
    a=$(left); sleep 2.2; b=$(left)
    [ "$b" -lt "$a" ] || fail "the countdown did not move ($a then $b)"
    screen | grep -qF "step 1/1 · left side" || fail "no step and side in the header"
    screen | grep -qF "Next: Side neck stretch, right side (after 0:05)" || fail "no 'next'"
    type_keys q
    check_restored
    ;;
pause)
    start_run
    type_keys Space
    wait_for "PAUSED"
    a=$(left); sleep 2.2; b=$(left)
    [ "$a" = "$b" ] || fail "the countdown moved while paused ($a then $b)"
    type_keys Space
    wait_gone "PAUSED"
    sleep 2.2; c=$(left)
    [ "$c" -lt "$b" ] || fail "the countdown did not resume ($b then $c)"
    type_keys q
    check_restored
    ;;
skip)
    start_run
    type_keys n
    wait_for "Get ready: right side"
    type_keys Enter
    wait_for "Side neck stretch, right side"
    type_keys q
    wait_for "Stopped after "
    check_restored
    ;;
quit)
    start_run
    type_keys q
    wait_for "Stopped after "
    check_restored
    ;;
sigterm | sighup | sigusr1 | sigalrm)
    start_run
    # Only our own run: the child of this pane's shell (tests run in parallel).
    pkill "-${scenario#sig}" -P "$(flag pane_pid)" -f "run neck-release" || fail "no process to signal"
    wait_for "Stopped after "
    # Exit status 128 + the signal's number, as a shell reports a kill.
    check_restored "EXIT=$((128 + $(kill -l "${scenario#sig}")))"
    ;;
sigquit)
    start_run
    type_keys 'C-\'
    wait_for "Stopped after "
    check_restored "EXIT=131"
    ;;
sigpipe)
    # The --events reader reads one line and leaves: the events stop, the
    # routine goes on, and q still ends it normally.
    mkfifo "$work/events"
    (head -n 1 < "$work/events" > "$work/first-event") &
    start_run "--events $work/events"
    a=$(left); sleep 2.2; b=$(left)
    [ "$b" -lt "$a" ] || fail "the countdown stopped when the event reader left ($a then $b)"
    grep -q routine_start "$work/first-event" || fail "the reader never got the first event"
    type_keys q
    wait_for "Stopped after "
    check_restored
    ;;
rate-ctrl-c-before)
    # Ctrl-C at the first question: nothing was done, nothing is logged.
    type_keys "$binary run neck-release --rate; echo EXIT=\$?" Enter
    wait_for "Pain right now, 0-10 (Enter skips):"
    type_keys C-c
    check_restored "EXIT=130"
    [ -z "$(ls "$XDG_DATA_HOME/selfcare" 2>/dev/null)" ] || fail "a session was logged"
    ;;
rate-ctrl-c-after)
    # Ctrl-C at the second question: the session is kept without it.
    mkdir -p "$XDG_CONFIG_HOME/selfcare/routines"
    printf 'title = "Tiny"\n[[step]]\ntitle = "Breathe"\nduration = 2\n' \
        > "$XDG_CONFIG_HOME/selfcare/routines/tiny.toml"
    type_keys "$binary run tiny --rate; echo EXIT=\$?" Enter
    wait_for "Pain right now, 0-10 (Enter skips):"
    type_keys 7
    wait_for "Get ready"
    type_keys n
    wait_for "Pain now, 0-10 (Enter skips):"
    type_keys C-c
    wait_for "Logged"
    check_restored "EXIT=130"
    line=$(grep -hv '^#' "$XDG_DATA_HOME"/selfcare/*.log)
    [ "$(printf '%s\n' "$line" | cut -f10,11,15)" = "$(printf '7\t-\tcompleted')" ] ||
        fail "logged '$line', not the session with only the first rating"
    ;;
closed)
    # The window is closed after 31 s of a minute-long hold: SIGHUP, and
    # every write to the terminal fails. Exactly one stopped session is left.
    mkdir -p "$XDG_CONFIG_HOME/selfcare/routines"
    printf 'title = "Minute"\n[[step]]\ntitle = "Hold"\nduration = 60\n' \
        > "$XDG_CONFIG_HOME/selfcare/routines/minute.toml"
    type_keys "$binary run minute" Enter
    wait_for "Get ready"
    type_keys n
    wait_for "Hold"
    sleep 31
    pid=$(pgrep -P "$(flag pane_pid)" -f "run minute") || fail "no run to close"
    tmux -L "$socket" kill-server
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    ! kill -0 "$pid" 2>/dev/null || { echo "FAIL (closed): still running" >&2; exit 1; }
    lines=$(grep -hv '^#' "$XDG_DATA_HOME"/selfcare/*.log 2>/dev/null || true)
    [ "$(printf '%s\n' "$lines" | grep -c .)" = 1 ] ||
        { echo "FAIL (closed): logged '$lines', not one session" >&2; exit 1; }
    [ "$(printf '%s\n' "$lines" | cut -f15)" = stopped ] ||
        { echo "FAIL (closed): '$lines' is not a stopped session" >&2; exit 1; }
    ;;
suspend)
    start_run
    a=$(left)
    type_keys C-z
    wait_for "Stopped"
    [ "$(flag alternate_on)" = 0 ] || fail "Ctrl-Z left the alternate screen on"
    [ "$(flag cursor_flag)" = 1 ] || fail "Ctrl-Z left the cursor hidden"
    sleep 3
    type_keys "fg" Enter
    wait_for "Side neck stretch, left side"
    b=$(left)
    [ $((a - b)) -le 1 ] || fail "time in the background was counted ($a then $b)"
    sleep 1.5; c=$(left)
    [ "$c" -lt "$b" ] || fail "the countdown did not go on after fg ($b then $c)"
    type_keys q
    check_restored "Stopped after "
    ;;
resize)
    start_run
    tmux -L "$socket" resize-window -t t -x 50 -y 20
    sleep 0.5
    header=$(screen | head -n1)
    [[ "$header" == *"step 1/1 · left side" ]] || fail "header not redrawn for 50 columns: '$header'"
    [ "${#header}" -le 50 ] || fail "header wider than the window: '$header'"
    type_keys q
    check_restored
    ;;
timeleft)
    start_run
    type_keys t
    wait_for "Left: 0:"
    screen | grep -qE '^ Left: 0:[0-9]{2} in this step, 1:[0-9]{2} in all' ||
        fail "t did not show the time left in the step and the routine"
    type_keys q
    check_restored
    ;;
narrow40 | narrow20)
    if [ "$scenario" = narrow40 ]; then cols=40 rows=10; else cols=20 rows=5; fi
    tmux -L "$socket" resize-window -t t -x "$cols" -y "$rows"
    sleep 0.3
    type_keys "$binary run neck-release; echo EXIT=\$?" Enter
    wait_for "Get ready"
    type_keys n
    wait_for "Side neck"
    keys=$(screen | tail -n1)
    [[ "$keys" == *"q quit"*"? help"* ]] || fail "the key line at ${cols}x${rows} is '$keys'"
    screen | head -n1 | grep -qF "left" || fail "the side is not on the first line"
    a=$(left); sleep 2.2; b=$(left)
    [ "$b" -lt "$a" ] || fail "no moving countdown at ${cols}x${rows} ($a then $b)"
    while IFS= read -r line; do
        [ "${#line}" -le "$cols" ] || fail "a line wider than $cols columns: '$line'"
    done < <(screen)
    type_keys q
    wait_for "EXIT=0"
    ;;
resume)
    # Stopped in the second step with q, then taken up again where it was.
    mkdir -p "$XDG_CONFIG_HOME/selfcare/routines"
    printf 'title = "Two"\n[[step]]\ntitle = "First"\nduration = 60\n[[step]]\ntitle = "Second"\nduration = 3\n' \
        > "$XDG_CONFIG_HOME/selfcare/routines/two.toml"
    type_keys "$binary run two; echo EXIT=\$?" Enter
    wait_for "Get ready"
    type_keys n
    wait_for "step 1/2"
    type_keys n
    wait_for "step 2/2"
    type_keys q
    wait_for "selfcare run two --resume"
    type_keys "clear; $binary run two --resume; echo EXIT=\$?" Enter
    wait_for "From here: Second"
    type_keys n
    wait_for "step 2/2"
    screen | grep -qF "step 1/2" && fail "--resume started from the first step"
    wait_for "Done: Two in"
    check_restored
    sessions=$(grep -hcv '^#' "$XDG_DATA_HOME"/selfcare/*.log)
    [ "$sessions" = 1 ] || fail "the log holds $sessions sessions, not one"
    ;;
rate)
    # A person rates their pain with one key before and two after (10).
    mkdir -p "$XDG_CONFIG_HOME/selfcare/routines"
    printf 'title = "Tiny"\n[[step]]\ntitle = "Breathe"\nduration = 2\n' \
        > "$XDG_CONFIG_HOME/selfcare/routines/tiny.toml"
    type_keys "$binary run tiny --rate; echo EXIT=\$?" Enter
    wait_for "Pain right now, 0-10 (Enter skips):"
    type_keys 7
    wait_for "Get ready"
    type_keys n
    wait_for "Pain now, 0-10 (Enter skips):"
    type_keys 1 0
    wait_for "Logged"
    check_restored
    # Fields 10 and 11 of the one session line are the ratings.
    ratings=$(grep -hv '^#' "$XDG_DATA_HOME"/selfcare/*.log | cut -f10,11)
    [ "$ratings" = "$(printf '7\t10')" ] || fail "pain ratings logged as '$ratings', not 7 and 10"
    ;;
*)
    echo "unknown scenario $scenario" >&2
    exit 2
    ;;
esac
echo "ok: $scenario"
