#!/bin/sh
# `cmake --install` with DESTDIR puts every part where it belongs, and the
# installed parts work: the program from any folder, its man pages (found
# by man, rendered by groff without a warning), the bash completion, and
# the reminder's systemd user units, which pass `systemd-analyze verify` and
# whose command line, run as systemd runs it (no shell), sends through a
# recording notify-send.
# Usage: install_test.sh BUILD_DIR
set -eu
build=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# Installed as a package would be, staged in DESTDIR; the prefix a user of
# `cmake --install` would choose.
prefix=/usr/local
DESTDIR="$work/root" cmake --install "$build" --prefix "$prefix" >/dev/null
root="$work/root$prefix"
for file in bin/selfcare share/selfcare/routines/neck-release.toml \
    share/man/man1/selfcare.1.gz share/man/man5/selfcare-routine.5.gz \
    share/man/man5/selfcare-config.5.gz share/bash-completion/completions/selfcare \
    share/zsh/site-functions/_selfcare share/fish/vendor_completions.d/selfcare.fish \
    lib/systemd/user/selfcare-remind.service lib/systemd/user/selfcare-remind.timer \
    share/doc/selfcare/copyright share/doc/selfcare/changelog.gz; do
    [ -f "$root/$file" ] || fail "cmake --install did not put $prefix/$file in DESTDIR"
done
grep -qx "ExecStart=$prefix/bin/selfcare remind --notify --timer" \
    "$root/lib/systemd/user/selfcare-remind.service" ||
    fail "the service does not start $prefix/bin/selfcare remind --notify --timer"
for page in "$root"/share/man/man*/*.gz; do
    warnings=$(zcat "$page" | groff -man -Tutf8 -ww -z 2>&1)
    [ -z "$warnings" ] || fail "groff warns about $(basename "$page"): $warnings"
done
[ "$(man -M "$root/share/man" -w selfcare-routine)" = "$root/share/man/man5/selfcare-routine.5.gz" ] ||
    fail "man does not find selfcare-routine(5)"

mkdir -p "$work/bin" "$work/home" "$work/runtime"
ln -s "$root/bin/selfcare" "$work/bin/selfcare"
reply=$(cd / && PATH="$work/bin:/usr/bin:/bin" XDG_CONFIG_HOME="$work/c" bash --norc -c \
    'source "$1"; COMP_WORDS=(selfcare run neck-); COMP_CWORD=2; _selfcare; echo "${COMPREPLY[*]}"' \
    _ "$root/share/bash-completion/completions/selfcare")
[ "$reply" = neck-release ] || fail "the installed bash completion offered '$reply'"

# The units as installed, but starting the staged program.
mkdir -p "$work/units"
sed "s|^ExecStart=$prefix|ExecStart=$root|" "$root/lib/systemd/user/selfcare-remind.service" \
    >"$work/units/selfcare-remind.service"
cp "$root/lib/systemd/user/selfcare-remind.timer" "$work/units/"
cd "$work/units"
XDG_RUNTIME_DIR="$work/runtime" MANPATH="$root/share/man" \
    systemd-analyze verify --user selfcare-remind.service selfcare-remind.timer \
    >"$work/verify" 2>&1 || { cat "$work/verify" >&2; fail "systemd-analyze verify"; }
[ ! -s "$work/verify" ] || { cat "$work/verify" >&2; fail "systemd-analyze verify warned"; }
grep -qx 'OnCalendar=\*:0/15' selfcare-remind.timer || fail "the timer's schedule changed"

# Thursday evening with nothing done, and a stand-in notify-send.
printf '#!/bin/sh\nprintf "%%s\\n" "$@" > "%s/notified"\n' "$work" >"$work/bin/notify-send"
chmod +x "$work/bin/notify-send"
command=$(sed -n 's/^ExecStart=//p' selfcare-remind.service)
env -i PATH="$work/bin:/usr/bin:/bin" HOME="$work/home" TZ=Europe/Berlin \
    SELFCARE_NOW=2026-11-19T18:10:00 XDG_CONFIG_HOME="$work/c" XDG_DATA_HOME="$work/d" \
    XDG_STATE_HOME="$work/s" XDG_CACHE_HOME="$work/k" $command || fail "the service failed"
grep -qx "3 sessions to go by Sunday: home-session takes 9-11 min" "$work/notified" ||
    fail "no notification was sent"
echo ok
