#!/bin/sh
# Durability of the session log against the real binary: many writers at
# once, a full disk, an unwritable file, and XDG variables left unset.
# Usage: tests/durability.sh path/to/selfcare
# Every check prints what it found and the script fails on the first miss.
set -eu

bin=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/selfcare-durability-XXXXXX")
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# A fresh home with its own XDG folders, "now" and zone fixed.
fresh() {
    home="$work/$1"
    mkdir -p "$home"
    export HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
        XDG_STATE_HOME="$home/state" XDG_CACHE_HOME="$home/cache" \
        SELFCARE_NOW=2026-11-19T10:00:00+01:00 TZ=Europe/Berlin
}
log_file() { ls "$XDG_DATA_HOME"/selfcare/*.log; }

# --- 8 processes appending N sessions each, at the same time --------------
# N is 500; the sanitizer build, where each start of the binary costs ten
# times as much, passes a smaller DURABILITY_APPENDS and checks the same.
each=${DURABILITY_APPENDS:-500}
total=$((8 * each))
fresh concurrent
for p in 1 2 3 4 5 6 7 8; do
    (
        i=0
        while [ $i -lt "$each" ]; do
            "$bin" log add walk --minutes 10 --at "2026-11-1$((p % 9))" >/dev/null || exit 1
            i=$((i + 1))
        done
    ) &
done
wait
[ "$(ls "$XDG_DATA_HOME"/selfcare | wc -l)" -eq 1 ] || fail "more than one log file"
file=$(log_file)
lines=$(grep -vc '^#' "$file")
[ "$lines" -eq "$total" ] || fail "expected $total session lines, found $lines"
good=$(awk -F '\t' '!/^#/ && NF == 15 && $15 == "completed"' "$file" | wc -l)
[ "$good" -eq "$total" ] || fail "expected $total well-formed lines, found $good"
[ "$(grep -c '^# selfcare log v1$' "$file")" -eq 1 ] || fail "version line missing or repeated"
ids=$(awk -F '\t' '!/^#/ { print $14 }' "$file" | sort -u | wc -l)
[ "$ids" -eq "$total" ] || fail "expected $total distinct ids, found $ids"
csv=$("$bin" log --weeks 2 --csv 2>"$work/err" | wc -l)
[ "$csv" -eq $((total + 1)) ] && [ ! -s "$work/err" ] ||
    fail "the reader saw $csv rows: $(cat "$work/err")"
echo "ok: 8 x $each concurrent appends gave $total well-formed lines"

# --- reports writing the cache at the same time -----------------------------
fresh cache
i=0
while [ $i -lt 105 ]; do  # Monday, Wednesday and Friday for 15 weeks
    day=$(date -d "2026-08-03 +$i days" +%F)
    "$bin" log add walk --minutes 10 --at "$day 08:00" >/dev/null
    i=$((i + 2))
    [ $((i % 7)) -eq 6 ] && i=$((i + 1))
done
expected=$("$bin" log --weeks 16)
for round in 1 2 3; do
    rm -rf "$XDG_CACHE_HOME"
    for p in 1 2 3 4 5 6 7 8; do "$bin" log --weeks 16 >"$work/out.$p" 2>&1 & done
    wait
    for p in 1 2 3 4 5 6 7 8; do
        [ "$(cat "$work/out.$p")" = "$expected" ] || fail "cache race: report $p differs"
    done
done
[ -z "$(find "$XDG_CACHE_HOME" -name '*.tmp')" ] || fail "cache race: temporary files left"
summaries=$(find "$XDG_CACHE_HOME" -name '*.summary' | sort)
[ "$(echo "$summaries" | wc -l)" -eq 4 ] || fail "cache race: not one summary per month: $summaries"
before=$(ls -i $summaries)
[ "$("$bin" log --weeks 16)" = "$expected" ] || fail "cache race: the warm report differs"
[ "$(ls -i $summaries)" = "$before" ] || fail "cache race: a summary was not whole and current"
echo "ok: 8 reports filling the cache at once agree, and leave whole summaries"

# --- a full disk, simulated with ulimit -f ---------------------------------
fresh full
"$bin" log add walk --minutes 10 >/dev/null
file=$(log_file)
# Pad the file to just under 1 KiB so the limit falls inside the next line.
awk 'BEGIN { printf "# padding"; for (i = 0; i < 1000; i++) printf " "; print "" }' >>"$file"
head -c 1000 "$file" >"$work/padded" && cp "$work/padded" "$file"
printf '\n' >>"$file"
cp "$file" "$work/before"
set +e
out=$( (ulimit -f 1; "$bin" log add walk --minutes 10) 2>&1)
status=$?
set -e
[ $status -eq 1 ] || fail "full disk: exit status $status, not 1 ($out)"
case $out in
    "selfcare: session NOT saved: $file: File too large") ;;
    *) fail "full disk: unexpected message: $out" ;;
esac
cmp -s "$file" "$work/before" || fail "full disk: the log changed"
echo "ok: a full disk says 'session NOT saved', exits 1 and leaves the log as it was"
# A report must not die of SIGXFSZ writing the cache under the same limit.
rm -rf "$XDG_CACHE_HOME"
out=$( (ulimit -f 0; "$bin" status) 2>&1) || fail "full disk: status failed: $out"
[ "$out" = "1/3 this week, 10/30 min" ] || fail "full disk: status said: $out"
echo "ok: a full disk leaves reports right, only not cached"

# --- an unwritable file ------------------------------------------------------
fresh readonly
"$bin" log add walk --minutes 10 >/dev/null
file=$(log_file)
chmod 0400 "$file"
cp "$file" "$work/before"
# root ignores file modes unless it gives up CAP_DAC_OVERRIDE first.
as_user=""
if [ "$(id -u)" -eq 0 ]; then
    command -v setpriv >/dev/null || { echo "skip: unwritable file (root without setpriv)"; as_user=skip; }
    [ -z "$as_user" ] && as_user="setpriv --bounding-set -dac_override,-dac_read_search --inh-caps=-all"
fi
if [ "$as_user" != skip ]; then
    set +e
    out=$($as_user "$bin" log add walk --minutes 10 2>&1)
    status=$?
    set -e
    [ $status -eq 1 ] || fail "unwritable: exit status $status, not 1 ($out)"
    [ "$out" = "selfcare: session NOT saved: $file: Permission denied" ] ||
        fail "unwritable: unexpected message: $out"
    cmp -s "$file" "$work/before" || fail "unwritable: the log changed"
    echo "ok: an unwritable log says 'session NOT saved' and is left as it was"
fi

# --- created files are private under umask 000 -----------------------------
fresh umask
(umask 000; "$bin" log add walk --minutes 10 >/dev/null)
[ "$(stat -c %a "$(log_file)")" = 600 ] || fail "log file mode $(stat -c %a "$(log_file)")"
[ "$(stat -c %a "$XDG_DATA_HOME/selfcare")" = 700 ] || fail "log folder not 0700"
[ "$(stat -c %a "$XDG_DATA_HOME")" = 700 ] || fail "data folder not 0700"
echo "ok: files 0600 and folders 0700 under umask 000"

# --- XDG variables unset fall back to HOME -----------------------------------
fresh unset
unset XDG_CACHE_HOME
env -u XDG_DATA_HOME -u XDG_STATE_HOME -u XDG_CONFIG_HOME "$bin" log add walk --minutes 10 >/dev/null
ls "$HOME"/.local/share/selfcare/2026-11.*.log >/dev/null || fail "no log under ~/.local/share"
[ -f "$HOME/.local/state/selfcare/device" ] || fail "no device id under ~/.local/state"
[ "$(env -u XDG_DATA_HOME -u XDG_CONFIG_HOME "$bin" status)" = "1/3 this week, 10/30 min" ] ||
    fail "status did not read the fallback folder"
[ -d "$HOME/.cache/selfcare" ] || fail "no cache under ~/.cache"
echo "ok: unset XDG variables fall back to ~/.local/share, ~/.local/state and ~/.cache"
