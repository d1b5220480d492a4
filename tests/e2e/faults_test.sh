#!/usr/bin/env bash
# Faults against the real binary: another local user's files in the data
# folder (ssh's StrictModes rules), litter after a failed first write, and
# `log add` killed with SIGKILL at random moments.
# Usage: faults_test.sh SELFCARE_BINARY [privacy|litter|kill]
set -euo pipefail

bin=$(realpath "$1")
part=${2:-all}
work=$(mktemp -d "${TMPDIR:-/tmp}/selfcare-faults-XXXXXX")
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

fresh() {
    home="$work/$1"
    mkdir -p "$home"
    export HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
        XDG_STATE_HOME="$home/state" XDG_CACHE_HOME="$home/cache" \
        SELFCARE_NOW=2026-11-19T10:00:00+01:00 TZ=Europe/Berlin
    data="$XDG_DATA_HOME/selfcare"
}

# Another local user: the tests run as root, which owns everything it makes,
# so files are handed to uid 65534 (nobody) with chown.
[ "$(id -u)" -eq 0 ] || fail "these checks need root, to chown files to another user"
other=65534

privacy() {
    # Someone else plants this month's file, writable by all, to collect the
    # sessions: refused, the file untouched, and the message says what to do.
    fresh planted
    mkdir -p "$data"
    chmod 0700 "$data"
    file="$data/2026-11.$("$bin" log add walk --minutes 1 --at 2026-10-01 >/dev/null &&
        cat "$XDG_STATE_HOME/selfcare/device").log"
    : >"$file"
    chown "$other" "$file"
    chmod 0666 "$file"
    set +e
    out=$("$bin" log add walk --minutes 10 --pain-before 7 2>&1)
    status=$?
    set -e
    [ $status -eq 1 ] || fail "planted file: exit $status, not 1 ($out)"
    [ "$out" = "selfcare: session NOT saved: $file: belongs to another user (uid $other), who could read your sessions; refusing to write to it. Check it, then move it out of the folder and run again" ] ||
        fail "planted file: unexpected message: $out"
    [ ! -s "$file" ] || fail "planted file: something was written to it"
    echo "ok: a month file another user owns is refused and left empty"

    # Our own file that others can write: refused too, with the fix.
    chown 0 "$file"
    chmod 0622 "$file"
    set +e
    out=$("$bin" log add walk --minutes 10 2>&1)
    status=$?
    set -e
    [ $status -eq 1 ] && [[ "$out" == *"can be written by other users"*"chmod 600"* ]] ||
        fail "group-writable file: exit $status: $out"
    chmod 0644 "$file"
    "$bin" log add walk --minutes 10 >/dev/null || fail "our own readable file was refused"
    [ "$(stat -c %a "$file")" = 600 ] || fail "our own file was not made private: $(stat -c %a "$file")"
    echo "ok: a file others can write is refused; our own readable file is made 0600"

    # The folder: ours but open to all is tightened; someone else's is refused.
    chmod 0777 "$data"
    "$bin" log add walk --minutes 10 >/dev/null || fail "our own open folder was refused"
    [ "$(stat -c %a "$data")" = 700 ] || fail "our folder was not made private: $(stat -c %a "$data")"
    chown "$other" "$data"
    before=$(cat "$file")
    set +e
    out=$("$bin" log add walk --minutes 10 2>&1)
    status=$?
    set -e
    [ $status -eq 1 ] && [[ "$out" == *"$data: belongs to another user (uid $other)"* ]] ||
        fail "someone else's folder: exit $status: $out"
    [ "$(cat "$file")" = "$before" ] || fail "someone else's folder: the log changed"
    echo "ok: our open folder is made 0700; a folder another user owns is refused"

    # Reading stays allowed: another device's file in a synced folder may
    # belong to whoever runs the sync.
    chown 0 "$data"
    grep -v '^#' "$file" | head -n 1 |
        awk -F '\t' -v OFS='\t' '{ $13 = "phone-000001"; $14 = "00000000000000ff"; print }' >"$work/line"
    { printf '# selfcare log v1\n'; cat "$work/line"; } >"$data/2026-11.phone-000001.log"
    chown "$other" "$data/2026-11.phone-000001.log"
    out=$("$bin" status 2>&1) || fail "status failed with another user's device file: $out"
    [ "$out" = "3/3 this week, goal met" ] || fail "another device's file was not read: $out"
    echo "ok: another device's file owned by another user is still read"
}

litter() {
    # A first write that fails (a full disk) leaves no empty month file.
    fresh litter
    "$bin" log add walk --minutes 10 --at 2026-10-01 >/dev/null
    set +e
    out=$( (ulimit -f 0; "$bin" log add walk --minutes 10) 2>&1)
    status=$?
    set -e
    [ $status -eq 1 ] || fail "litter: exit $status, not 1 ($out)"
    [ "$(ls "$data")" = "$(basename "$data"/2026-10.*.log)" ] ||
        fail "litter: a failed first write left a file: $(ls "$data")"
    echo "ok: a failed first write leaves no month file behind"
}

# SIGKILL at random moments of `log add`, many times. Each add logs a
# distinct number of minutes, so every add that printed "Logged" can be
# found. A kill may land after the write but before the message: more lines
# than messages is fine; a torn or missing line is not.
kill_adds() {
    fresh kill
    local rounds=${KILL_ROUNDS:-120} said=() i
    # Kills land 0 to 7 ms after the start, or 0 to 70 ms with KILL_SLOW=1:
    # a sanitized binary takes tens of milliseconds to reach its first write,
    # and a test that never kills a write proves nothing.
    local unit=0.00
    [ "${KILL_SLOW:-0}" = 1 ] && unit=0.0
    RANDOM=9  # the same moments each run
    for ((i = 1; i <= rounds; i++)); do
        # A state folder of its own every few rounds, so that making the
        # device id is killed too.
        export XDG_STATE_HOME="$home/state$((i / 8))"
        # A kill can land before the shell has opened the output file: it
        # must not be left holding the last round's message.
        rm -f "$work/out"
        "$bin" log add walk --minutes "$i" >"$work/out" 2>/dev/null &
        local pid=$!
        sleep "$unit$((RANDOM % 8))"
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        grep -q "^Logged walk, $i min" "$work/out" 2>/dev/null && said+=("$i")
    done
    local lines bad
    compgen -G "$data/*.log" >/dev/null || fail "kill: not one add got as far as writing"
    lines=$(cat "$data"/*.log | grep -vc '^#' || true)
    bad=$(cat "$data"/*.log | grep -v '^#' | awk -F '\t' 'NF != 15 || $15 != "completed"' | wc -l)
    [ "$bad" -eq 0 ] || fail "kill: $bad torn lines"
    "$bin" log --csv 2>"$work/err" >/dev/null
    [ ! -s "$work/err" ] || fail "kill: the reader found damage: $(cat "$work/err")"
    for i in "${said[@]}"; do
        cat "$data"/*.log | awk -F '\t' -v s=$((i * 60)) '$5 == s { found = 1 } END { exit !found }' ||
            fail "kill: the add of $i minutes said Logged but is not in the log"
    done
    [ "$lines" -ge "${#said[@]}" ] || fail "kill: $lines lines for ${#said[@]} messages"
    [ -z "$(find "$home" -name '*.tmp')" ] || fail "kill: left $(find "$home" -name '*.tmp')"
    echo "ok: $rounds adds killed at random: $lines whole lines, all ${#said[@]} that said Logged among them"
}

case "$part" in
privacy) privacy ;;
litter) litter ;;
kill) kill_adds ;;
all) privacy; litter; kill_adds ;;
*) fail "unknown part $part" ;;
esac
