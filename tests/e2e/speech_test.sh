#!/usr/bin/env bash
# The real speech path, end to end: selfcare runs espeak-ng (through the
# speech command in the config, as a user would set it) and espeak-ng writes
# each cue as a WAV file. Every cue must become a real file of speech: a
# RIFF/WAVE header, sound data, and a length that fits the words.
# Usage: speech_test.sh SELFCARE_BINARY
set -euo pipefail

binary=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
export XDG_CACHE_HOME="$work/cache" HOME="$work/home"
mkdir -p "$XDG_CONFIG_HOME/selfcare" "$HOME" "$work/wav"

fail() {
    echo "FAIL (speech): $*" >&2
    exit 1
}

command -v espeak-ng >/dev/null || fail "espeak-ng is not installed (.ci/install-deps test)"

# One file per cue, numbered in the order spoken; the words go beside it.
cat > "$work/speak" <<SPEAK
#!/bin/sh
n=\$(ls "$work/wav" | grep -c '\.wav\$')
printf '%s\n' "\$1" > "$work/wav/\$n.txt"
exec espeak-ng -w "$work/wav/\$n.wav" -- "\$1"
SPEAK
chmod +x "$work/speak"
printf '[cues]\nsay = ["%s", "{text}"]\n' "$work/speak" > "$XDG_CONFIG_HOME/selfcare/config.toml"

# neck-release at 5x: the cues come at least a second apart, and a WAV is
# written much faster than it plays, so none is cut off by the next.
"$binary" run neck-release --speed 5 --plain < /dev/null > "$work/out" ||
    fail "the run failed: $(cat "$work/out")"

# Little-endian unsigned integer of `size` bytes at `offset` of a file.
u32() { od -An -t u4 -j "$2" -N 4 "$1" | tr -d ' '; }
u16() { od -An -t u2 -j "$2" -N 2 "$1" | tr -d ' '; }

count=0
for wav in "$work"/wav/*.wav; do
    [ -e "$wav" ] || break
    count=$((count + 1))
    words=$(cat "${wav%.wav}.txt")
    size=$(stat -c %s "$wav")
    [ "$size" -gt 44 ] || fail "$wav ('$words') is empty"
    [ "$(head -c 4 "$wav")" = RIFF ] || fail "$wav is not a RIFF file"
    [ "$(dd if="$wav" bs=1 skip=8 count=4 2>/dev/null)" = WAVE ] || fail "$wav is not WAVE"
    rate=$(u32 "$wav" 28)  # bytes per second
    [ "$(u16 "$wav" 22)" -ge 1 ] && [ "$rate" -gt 0 ] || fail "$wav has no sound format"
    # Plausible speech: at least 0.1 s a word and at most 1.5 s a word.
    ms=$(( (size - 44) * 1000 / rate ))
    n=$(echo "$words" | wc -w)
    [ "$ms" -ge $((n * 100)) ] || fail "'$words' lasts only $ms ms"
    [ "$ms" -le $((n * 1500 + 500)) ] || fail "'$words' lasts $ms ms"
done

# Get ready, left side, switch sides, right side, done, at the least.
[ "$count" -ge 5 ] || fail "only $count cues were spoken"
grep -qx "Left side. Side neck stretch, 30 seconds" "$work"/wav/*.txt ||
    fail "the first step was not announced: $(cat "$work"/wav/*.txt)"
grep -qx "Done" "$work"/wav/*.txt || fail "'Done' was not spoken"
echo "ok: speech ($count cues)"
