#!/bin/sh
# The report for a therapist as a person sees it: twelve weeks of log, a
# goal change and notes, written with `log --weeks 12 --html`, rendered by
# headless Chromium to PDF and to PNG, and read back with pdftotext.
# Usage: html_report_test.sh SELFCARE_BINARY [PNG_TO_KEEP]
# With KEEP_WORK=1 the work folder (page, PDF, text, PNG) is left for a look.
set -eu

bin=$(realpath "$1")
keep_png=${2:-}
work=$(mktemp -d)
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache" TZ=Europe/Berlin LANG=C.UTF-8
mkdir -p "$HOME" "$XDG_CONFIG_HOME/selfcare"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# add DAY ROUTINE BEFORE AFTER [NOTE]: a session logged on its evening.
add() {
    if [ $# -ge 5 ]; then
        SELFCARE_NOW="$1T20:00:00" "$bin" log add "$2" --at "$1 19:00" --pain-before "$3" \
            --pain-after "$4" --note "$5" >/dev/null || fail "log add $*"
    else
        SELFCARE_NOW="$1T20:00:00" "$bin" log add "$2" --at "$1 19:00" --pain-before "$3" \
            --pain-after "$4" >/dev/null || fail "log add $*"
    fi
}

printf '[goal]\nsessions = 3\n' >"$XDG_CONFIG_HOME/selfcare/config.toml"
add 2026-08-31 home-session 7 6
add 2026-09-02 home-session 7 5
add 2026-09-04 home-session 6 5 'Shoulder flared <b>after</b> a long drive & kept it gentle'
add 2026-09-08 home-session 6 4
add 2026-09-10 breathing-426 6 5
add 2026-09-12 home-session 6 4
add 2026-09-16 home-session 5 4 '<script>alert(1)</script> $(touch "$TMPDIR/pwned")'
add 2026-09-23 tennis-ball-release 6 4
add 2026-09-25 home-session 5 4
add 2026-09-27 home-session 6 4
add 2026-09-29 pressure-holds 5 3
add 2026-10-01 home-session 5 3
add 2026-10-03 home-session 5 4
add 2026-10-07 home-session 6 5
# From week 42 the plan is lighter.
printf '[goal]\nsessions = 2\nminutes = 20\n' >"$XDG_CONFIG_HOME/selfcare/config.toml"
add 2026-10-12 home-session 4 1
add 2026-10-14 home-session 4 1
add 2026-10-20 home-session 3 1
add 2026-10-23 hand-massage 4 2
add 2026-10-27 home-session 3 1 'Neck felt looser than in weeks'
add 2026-11-03 home-session 2 1
add 2026-11-05 home-session 3 1
add 2026-11-10 home-session 2 0
add 2026-11-17 home-session 1 0

export SELFCARE_NOW=2026-11-19T20:00:00+01:00
html="$work/report.html"
"$bin" log --weeks 12 --html "$html" || fail "log --html failed"
[ "$(stat -c %a "$html")" = 600 ] || fail "the report is not private: $(stat -c %a "$html")"
"$bin" log --weeks 12 --html - >"$work/stdout.html" || fail "log --html - failed"
cmp -s "$html" "$work/stdout.html" || fail "--html - differs from the file"

# Self-contained and inert: no script, no link or fetch outside the page,
# and the notes' markup escaped.
! grep -qi '<script' "$html" || fail "a script element in the page"
! grep -qiE '(src|href)=|https?:|url\((["'\'']?)[a-z]' "$html" || fail "a reference outside the page"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$html" || fail "a note was not escaped"
grep -q '&lt;b&gt;after&lt;/b&gt; a long drive &amp; kept' "$html" || fail "a note was not escaped"
[ ! -e "${TMPDIR:-/tmp}/pwned" ] || fail "a note ran a command"

chrome() {
    profile=$(mktemp -d "$work/profile.XXXXXX")
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
        --hide-scrollbars "$@" "file://$html" >"$work/chromium.log" 2>&1 ||
        fail "chromium failed: $(tail -5 "$work/chromium.log")"
}
chrome --no-pdf-header-footer --print-to-pdf="$work/report.pdf"
chrome --window-size=800,1560 --screenshot="$work/report.png"

pages=$(pdfinfo "$work/report.pdf" | awk '/^Pages:/ { print $2 }')
[ "$pages" -ge 1 ] && [ "$pages" -le 2 ] || fail "the report prints on $pages pages, not 1 or 2"
pdfinfo "$work/report.pdf" | grep -q 'Page size: *59[45].* x 84[12]' || fail "not A4"
pdftotext -layout "$work/report.pdf" "$work/report.txt"
text="$work/report.txt"
for want in 'Self-care record' '2026-W36 to 2026-W47' 'Mon 31 Aug to Sun 22 Nov' \
    'Goal: 3 sessions and 30 minutes a week; 2 sessions and 20 minutes from 2026-W42' \
    'Sessions a week' 'Pain, 0 to 10' 'Week by week' 'Routines' 'Notes' \
    'Neck felt looser than in weeks' '<script>alert(1)</script>'; do
    grep -qF "$want" "$text" || fail "the PDF does not say '$want'"
done
# Rows of the weeks table: week, sessions, goal, minutes, result, pain.
grep -qE '2026-W36 +Mon 31 Aug +3 +3 / 30 min +34 +met +6\.7 +5\.3 +-1\.3' "$text" ||
    fail "week 36's row is not in the PDF"
grep -qE '2026-W41 +Mon 5 Oct +1 +3 / 30 min +11 +missed' "$text" ||
    fail "week 41's row is not in the PDF"
grep -qE '2026-W42 +Mon 12 Oct +2 +2 / 20 min +23 +met +4\.0 +1\.0 +-3\.0' "$text" ||
    fail "week 42's row is not in the PDF"
grep -qE '2026-W47 +Mon 16 Nov +1 +2 / 20 min +11 +in progress' "$text" ||
    fail "week 47's row is not in the PDF"
grep -qE 'home-session +19 +218' "$text" || fail "the routines table is not in the PDF"

# The PNG is a real image of the page.
[ "$(head -c 8 "$work/report.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "the screenshot is not a PNG"
[ "$(stat -c %s "$work/report.png")" -gt 20000 ] || fail "the screenshot is nearly empty"
[ -z "$keep_png" ] || cp "$work/report.png" "$keep_png"
echo "ok: $pages page(s)"
