#!/bin/sh
# Makes the README's pictures from the real program: tmux runs selfcare in
# an 80-column terminal, capture-pane -e keeps the colours, ansi_to_html.py
# turns the capture into a page, and headless Chromium photographs it.
# Run it again whenever the screens change:
#     docs/pictures/make-pictures.sh [build/selfcare]
# Needs tmux, python3, chromium and fonts-dejavu-core. Writes run.png and
# week.png beside itself. The data is made up, in a temporary folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
binary=$(realpath "${1:-build/selfcare}")
work=$(mktemp -d)
socket="selfcare-pictures-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

export TZ=Europe/Berlin SELFCARE_NOW=2026-11-19T19:00:00
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
export XDG_CACHE_HOME="$work/cache" HOME="$work/home"
mkdir -p "$HOME"

# A made-up history: a streak of weeks that met the goal, and this week so far.
add() { "$binary" log add "$@" >/dev/null; }
for week in 2 3 4; do
    monday=$(date -d "2026-11-16 - $week weeks" +%F)
    add home-session --at "$monday 18:00" --pain-before 6 --pain-after 4
    add pressure-holds --at "$(date -d "$monday + 2 days" +%F) 18:30" --minutes 11
    add home-session --at "$(date -d "$monday + 4 days" +%F) 09:00" --pain-before 5 --pain-after 3
done
add home-session --at "2026-11-09 18:00"
add tennis-ball-release --at "2026-11-11 18:00" --minutes 12
add home-session --at "2026-11-13 18:00"
add home-session --at "2026-11-16 18:10" --pain-before 6 --pain-after 3
add breathing-426 --at "2026-11-16 21:30" --pain-before 5 --pain-after 4
add neck-release --at "2026-11-18 12:15" --minutes 6 --pain-before 4 --pain-after 3 \
    --note "slept badly, shoulders tight"

# shot NAME ROWS COMMAND [KEYS_THEN_WAIT]: runs COMMAND in tmux, and
# photographs the screen once TEXT is on it.
shot() {
    name=$1 rows=$2 command=$3 wait_text=$4 keys=${5:-}
    tmux -L "$socket" -f /dev/null new-session -d -s t -x 80 -y "$rows" \
        "env TERM=xterm-256color LANG=C.UTF-8 $command; sleep 30"
    [ -z "$keys" ] || { sleep 1; tmux -L "$socket" send-keys -t t "$keys"; }
    for _ in $(seq 100); do
        tmux -L "$socket" capture-pane -p -t t | grep -qF -- "$wait_text" && break
        sleep 0.1
    done
    sleep "${SETTLE:-0.5}"
    tmux -L "$socket" capture-pane -e -p -t t >"$work/$name.ansi"
    tmux -L "$socket" kill-server
    python3 "$here/ansi_to_html.py" 80 "$rows" <"$work/$name.ansi" >"$work/$name.html"
    width=$((80 * 904 / 100 + 34))
    height=$((rows * 20 + 24))
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
        --user-data-dir="$work/chromium-$name" --window-size="$width,$height" \
        --screenshot="$here/$name.png" "file://$work/$name.html" >/dev/null 2>&1
    echo "wrote $here/$name.png"
}

shot week 19 "$binary log" "Routines"
SETTLE=3.5 shot run 16 "$binary run tennis-ball-release --quiet --no-log" "Ball against the wall" n
