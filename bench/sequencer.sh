#!/usr/bin/env bash
# Measures `selfcare run` as a person would use it: how late each transition
# comes against its schedule (median and max), how late the routine ends,
# CPU time per minute of countdown and peak memory, drawing a full screen
# inside tmux and printing plain lines to a pipe.
#
# Usage: bench/sequencer.sh [path/to/selfcare]      (about seven minutes)
# Needs tmux and GNU time (Debian: apt-get install tmux time).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
binary=$(realpath "${1:-$here/../build/selfcare}")
work=$(mktemp -d)
socket="selfcare-bench-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"

# One run: MODE (plain or screen), ROUTINE, SPEED. Prints a result row.
measure() {
    local mode=$1 routine=$2 speed=$3
    local events="$work/events.jsonl" usage="$work/usage"
    rm -f "$events" "$usage"
    local cmd=(/usr/bin/time -f '%U %S %e %M' -o "$usage" "$binary" run "$routine" --speed "$speed"
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
    # CPU per minute of countdown, the countdown being the wall time.
    awk -v mode="$mode" -v routine="$(basename "$routine" .toml)" -v speed="$speed" \
        -v user="$user" -v sys="$sys" -v wall="$wall" -v rss="$rss_kb" -v timing="$timing" 'BEGIN {
        split(timing, t, " ")
        printf "| %-6s | %-20s | %5s | %4d | %8.3f | %8.3f | %8.3f | %7.1f | %6.2f |\n",
            mode, routine, speed, t[2], t[4], t[6], t[8], (user + sys) * 1000 / (wall / 60), rss / 1024
    }'
}

echo "selfcare $("$binary" --version | cut -d' ' -f2), $(date -u +%Y-%m-%d), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
echo
echo "| mode   | routine              | speed |  n   | median ms | max ms | end ms | CPU ms/min | RSS MB |"
echo "|--------|----------------------|-------|------|-----------|--------|--------|------------|--------|"
for mode in plain screen; do
    measure "$mode" "$here/routines/thirty-seconds.toml" 1
    measure "$mode" neck-release 1
    measure "$mode" "$here/routines/breathing-minute.toml" 1
    measure "$mode" home-session 20
done
