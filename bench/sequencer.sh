#!/usr/bin/env bash
# Measures `selfcare run` as a person would use it: how late each transition
# comes against its schedule (median and max), how late the routine ends,
# CPU time per minute of countdown and peak memory, drawing a full screen
# inside tmux and printing plain lines to a pipe.
#
# Usage: bench/sequencer.sh [BUILD_DIR]      (about nine minutes)
# Needs tmux, and BUILD_DIR (default build/) built with its selfcare_measure.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=$(realpath "${1:-$here/../build}")
binary="$build/selfcare"
measure_tool="$build/bench/selfcare_measure"
work=$(mktemp -d)
socket="selfcare-bench-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"

# One run: MODE (plain or screen), ROUTINE, SPEED. Prints a result row.
measure() {
    local mode=$1 routine=$2 speed=$3
    local events="$work/events.jsonl" usage="$work/usage"
    rm -f "$events" "$usage"
    local cmd=("$measure_tool" "$usage" "$binary" run "$routine" --speed "$speed"
               --events "$events" --quiet)
    if [ "$mode" = plain ]; then
        "${cmd[@]}" --plain > /dev/null
    else
        tmux -L "$socket" -f /dev/null new-session -d -s bench -x 100 -y 30 \
            "env LANG=C.UTF-8 TERM=xterm-256color ${cmd[*]}"
        while [ ! -s "$usage" ]; do sleep 0.5; done
    fi
    read -r user sys wall rss_kb < "$usage"
    local timing
    timing=$(awk -f "$here/events.awk" "$events")
    # CPU per minute of countdown, the countdown being the wall time; the
    # measure tool gives microseconds and kilobytes.
    awk -v mode="$mode" -v routine="$(basename "$routine" .toml)" -v speed="$speed" \
        -v user="$user" -v sys="$sys" -v wall="$wall" -v rss="$rss_kb" -v timing="$timing" 'BEGIN {
        split(timing, t, " ")
        printf "| %-6s | %-20s | %5s | %4d | %9.3f | %6.3f | %6.3f | %10.2f | %6.2f |\n",
            mode, routine, speed, t[2], t[4], t[6], t[8], (user + sys) / 1000 / (wall / 60e6), rss / 1024
    }'
}

echo "selfcare $("$binary" --version | cut -d' ' -f2), $(date -u +%Y-%m-%d), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
echo

# The floors the rows are compared with: starting selfcare (loading and
# expanding a routine, no countdown), and a bare loop that wakes on a timer
# and writes one short line, once a second and ten times a second.
cpu_ms() { read -r u s _ _ < "$1"; awk -v c=$((u + s)) 'BEGIN { printf "%.2f", c / 1000 }'; }
"$measure_tool" "$work/floor" "$binary" show neck-release > /dev/null
echo "start-up (show neck-release): $(cpu_ms "$work/floor") ms CPU"
"$measure_tool" "$work/floor" "$build/bench/selfcare_wake_floor" 60 1000 > /dev/null
echo "bare wake-ups, 1 a second for a minute: $(cpu_ms "$work/floor") ms CPU"
"$measure_tool" "$work/floor" "$build/bench/selfcare_wake_floor" 600 100 > /dev/null
echo "bare wake-ups, 10 a second for a minute: $(cpu_ms "$work/floor") ms CPU"
echo
echo "| mode   | routine              | speed |  n   | median ms | max ms | end ms | CPU ms/min | RSS MB |"
echo "|--------|----------------------|-------|------|-----------|--------|--------|------------|--------|"
for mode in plain screen; do
    measure "$mode" "$here/routines/thirty-seconds.toml" 1
    measure "$mode" neck-release 1
    measure "$mode" "$here/routines/breathing-minute.toml" 1
    measure "$mode" home-session 20
done
