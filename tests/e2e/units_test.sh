#!/bin/sh
# The reminder's systemd user units pass `systemd-analyze verify`, with the
# man pages they name and the program they start. The service as built
# starts the installed program; here it starts the one just built, and a
# recording notify-send shows that the timer's service really sends.
# Usage: units_test.sh SELFCARE_BINARY BUILD_DIR SOURCE_DIR
set -eu
binary=$(realpath "$1")
build=$(realpath "$2")
source=$(realpath "$3")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

mkdir -p "$work/units" "$work/man/man1" "$work/man/man5" "$work/runtime" "$work/bin" "$work/home"
grep -qx "ExecStart=/.*/selfcare remind --notify --timer" "$build/dist/selfcare-remind.service" ||
    fail "the service does not start 'selfcare remind --notify --timer' by its full path"
sed "s|^ExecStart=[^ ]*|ExecStart=$binary|" "$build/dist/selfcare-remind.service" \
    >"$work/units/selfcare-remind.service"
cp "$source/dist/systemd/selfcare-remind.timer" "$work/units/"
cp "$build/docs/man/selfcare.1" "$work/man/man1/"
cp "$build/docs/man/selfcare-config.5" "$work/man/man5/"

cd "$work/units"
XDG_RUNTIME_DIR="$work/runtime" MANPATH="$work/man" \
    systemd-analyze verify --user selfcare-remind.service selfcare-remind.timer \
    >"$work/verify" 2>&1 || { cat "$work/verify" >&2; fail "systemd-analyze verify"; }
[ ! -s "$work/verify" ] || { cat "$work/verify" >&2; fail "systemd-analyze verify warned"; }

# The timer asks again every quarter hour, and fires at all.
grep -qx 'OnCalendar=\*:0/15' selfcare-remind.timer || fail "the timer's schedule changed"

# Run the service's command line as systemd would (no shell), on a
# Thursday evening with nothing done, with a stand-in notify-send.
printf '#!/bin/sh\nprintf "%%s\\n" "$@" > "%s/notified"\n' "$work" >"$work/bin/notify-send"
chmod +x "$work/bin/notify-send"
command=$(sed -n 's/^ExecStart=//p' selfcare-remind.service)
env -i PATH="$work/bin:/usr/bin:/bin" HOME="$work/home" TZ=Europe/Berlin \
    SELFCARE_NOW=2026-11-19T18:10:00 XDG_CONFIG_HOME="$work/c" XDG_DATA_HOME="$work/d" \
    XDG_STATE_HOME="$work/s" XDG_CACHE_HOME="$work/k" $command || fail "the service failed"
grep -qx "3 sessions to go by Sunday: home-session takes 8-11 min" "$work/notified" ||
    fail "no notification was sent"
echo ok
