#!/bin/sh
# selfcare against Timewarrior on the same sessions, side by side in one
# run: the realistic and the stress logs of bench/gen_log.py, each also
# written as a Timewarrior database (bench/to_timew.py). Every pair is timed
# by one hyperfine call, so both sides share the machine's state, and the
# result is given as a ratio. Peak RSS comes from GNU time.
#
# Needs hyperfine, GNU time and Timewarrior (Debian: apt-get install
# hyperfine time timewarrior).
# Usage: bench/versus_timew.sh [path/to/selfcare]   (default: build/selfcare)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
bin=$(realpath "${1:-$here/../build/selfcare}")
work=${BENCH_DIR:-${TMPDIR:-/tmp}/selfcare-bench}
runs=${BENCH_RUNS:-40}
for tool in hyperfine timew; do
    command -v $tool >/dev/null || { echo "bench: needs $tool" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 1; }

for kind in realistic stress; do
    if [ ! -d "$work/$kind/data/selfcare" ]; then
        echo "bench: generating the $kind log in $work/$kind" >&2
        python3 "$here/gen_log.py" "$kind" "$work/$kind/data/selfcare"
    fi
    if [ ! -d "$work/$kind/timew/data" ]; then
        echo "bench: writing it as a Timewarrior database" >&2
        python3 "$here/to_timew.py" "$work/$kind/data/selfcare" "$work/$kind/timew"
    fi
done

# selfcare's "now" is fixed; Timewarrior reads the clock, so ':week' is the
# week the benchmark runs in. gen_log.py ends its logs on 2026-11-19, so run
# this in that week, or both report an empty week (the ratio is still fair:
# both open the same months).
export SELFCARE_NOW=${SELFCARE_NOW:-2026-11-19T20:00:00+01:00} TZ=Europe/Berlin LANG=C.UTF-8 NO_COLOR=1

use() {
    export HOME="$work/$1" XDG_DATA_HOME="$work/$1/data" XDG_CONFIG_HOME="$work/$1/config" \
        XDG_STATE_HOME="$work/$1/state" XDG_CACHE_HOME="$work/$1/cache" \
        TIMEWARRIORDB="$work/$1/timew"
}

# median MS from hyperfine's JSON for command index I.
median() {
    python3 -c "import json; print(f\"{json.load(open('$work/h.json'))['results'][$1]['median'] * 1000:.2f}\")"
}
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

# pair KIND LABEL SELFCARE_ARGS -- TIMEW_ARGS: both timed in one hyperfine
# call, with the selfcare cache warm.
pair() {
    kind=$1 label=$2
    shift 2
    ours="" theirs=""
    while [ "$1" != -- ]; do ours="$ours $1"; shift; done
    shift
    theirs="$*"
    use "$kind"
    hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/h.json" \
        "$bin$ours" "timew $theirs" >/dev/null 2>&1
    a=$(median 0) b=$(median 1)
    # shellcheck disable=SC2086
    ra=$(rss "$bin" $ours) rb=$(rss timew $theirs)
    printf '%-9s %-36s %8s ms %8s ms %7s   %5.1f MB %5.1f MB\n' "$kind" "$label" "$a" "$b" \
        "$(python3 -c "print(f'{$a / $b:.2f}x')")" "$(echo "$ra / 1024" | bc -l)" \
        "$(echo "$rb / 1024" | bc -l)"
}

printf '%-9s %-36s %11s %11s %7s   %8s %8s\n' log "selfcare vs timew" selfcare timew ratio \
    "RSS ours" "RSS timew"
pair realistic "log --week / summary :week" log --week -- summary :week
pair realistic "log --week 2020-W02 / summary" log --week 2020-W02 -- summary 2020-01-06 - 2020-01-13
pair realistic "status / --version" status -- --version
pair realistic "--version / --version" --version -- --version
pair stress "log --week / summary :week" log --week -- summary :week
pair stress "log --week 2020-W02 / summary" log --week 2020-W02 -- summary 2020-01-06 - 2020-01-13

# selfcare's status against its own start-up. The two take about a
# millisecond each, and the noise of a shared machine drifts over the
# second a hyperfine call takes, which tilts a ratio of two blocks of runs
# either way by as much as the 0.1 to 0.2 ms between them. So this pair is
# timed in five calls, the order of the two swapped each time, and the
# ratio given is the median of the five (the five follow in brackets).
use realistic
rounds=""
for round in 1 2 3 4 5; do
    if [ $((round % 2)) = 1 ]; then
        set -- "$bin status" "$bin --version"; ours=0 theirs=1
    else
        set -- "$bin --version" "$bin status"; ours=1 theirs=0
    fi
    hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/h.json" "$@" >/dev/null 2>&1
    rounds="$rounds $(python3 -c "print(f'{$(median $ours) / $(median $theirs):.2f}')")"
done
rounds=${rounds# }
printf '%-9s %-36s %29s   (%s)\n' realistic "status / selfcare --version" \
    "$(python3 -c "import statistics; print(f'{statistics.median([$(echo "$rounds" | tr ' ' ',')]):.2f}x')")" \
    "$rounds"
