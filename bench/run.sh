#!/bin/sh
# Measures the log commands on the two generated logs: wall time with
# hyperfine and peak RSS with GNU time. Prints one row per measurement. The
# cache of month summaries goes in $work/KIND/cache; it is warm for the
# first rows and deleted before every run for the "cold cache" rows.
# Usage: bench/run.sh [path/to/selfcare]   (default: build/selfcare)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
bin=$(realpath "${1:-$here/../build/selfcare}")
work=${BENCH_DIR:-${TMPDIR:-/tmp}/selfcare-bench}
runs=${BENCH_RUNS:-50}
command -v hyperfine >/dev/null || { echo "bench: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 1; }

for kind in realistic stress; do
    if [ ! -d "$work/$kind/data/selfcare" ]; then
        echo "bench: generating the $kind log in $work/$kind" >&2
        python3 "$here/gen_log.py" "$kind" "$work/$kind/data/selfcare"
    fi
done

export SELFCARE_NOW=2026-11-19T20:00:00+01:00 TZ=Europe/Berlin LANG=C.UTF-8 NO_COLOR=1

# measure KIND LABEL ARGS...: median wall time in ms and peak RSS in KiB,
# with the cache of month summaries as the warm-up runs left it (warm).
# With COLD=1 the cache is deleted before every run, RSS run included.
measure() {
    kind=$1 label=$2
    shift 2
    export HOME="$work/$kind" XDG_DATA_HOME="$work/$kind/data" XDG_CONFIG_HOME="$work/$kind/config" \
        XDG_STATE_HOME="$work/$kind/state" XDG_CACHE_HOME="$work/$kind/cache"
    prepare=true
    [ "${COLD:-0}" = 1 ] && prepare="rm -rf $XDG_CACHE_HOME"
    hyperfine -N --warmup 5 --runs "$runs" --prepare "$prepare" --export-json "$work/h.json" \
        "$bin $*" >/dev/null 2>&1
    median=$(python3 -c "import json; r = json.load(open('$work/h.json'))['results'][0]; \
print(f\"{r['median'] * 1000:.2f} ms (mean {r['mean'] * 1000:.2f}, min {r['min'] * 1000:.2f})\")")
    $prepare
    rss=$(/usr/bin/time -f %M "$bin" "$@" 2>&1 >/dev/null | tail -1)
    printf '%-10s %-34s %-40s %6.1f MB\n' "$kind" "$label" "$median" "$(echo "$rss / 1024" | bc -l)"
}

printf '%-10s %-34s %-40s %9s\n' log command "median wall time" "peak RSS"
measure realistic "--version (process start)" --version
measure realistic "log --week" log --week
measure realistic "status" status
measure stress "status" status
measure stress "log --week 2020-W02" log --week 2020-W02
measure stress "log --weeks 52" log --weeks 52
measure stress "log --week (19-year streak)" log --week
# The first report after the cache was deleted (or after an upgrade) reads
# the whole log once, as every report did before there was a cache.
COLD=1 measure realistic "log --week, cold cache" log --week
COLD=1 measure stress "log --week 2020-W02, cold cache" log --week 2020-W02
COLD=1 measure stress "log --week, cold cache" log --week
