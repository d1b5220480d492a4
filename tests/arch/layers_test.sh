#!/bin/sh
# The architecture, checked by reading the sources (README.md, "For
# developers"): which folder may include which, and the facts that keep the
# environment, TOML and the command line each in one place. The build
# enforces the include rule too (each library sees only its own folder and
# the layers it links); this says which rule was broken, and in which file.
# Usage: layers_test.sh SOURCE_DIR
set -u
src="${1:?usage: layers_test.sh SOURCE_DIR}/src"
status=0
fail() {
    echo "layers: $*" >&2
    status=1
}

# The folders each folder may include from, besides its own.
allowed() {
    case "$1" in
        base) echo "" ;;
        routine) echo "base" ;;
        run) echo "routine base" ;;
        log) echo "base" ;;
        cli) echo "log run routine base" ;;
        *) echo "?" ;;
    esac
}

for dir in "$src"/*/; do
    layer=$(basename "$dir")
    [ "$(allowed "$layer")" = "?" ] && fail "src/$layer/ is not a known layer; add it to $0"
    for file in "$dir"*.hpp "$dir"*.cpp; do
        [ -f "$file" ] || continue
        # Quoted includes name the project's own headers.
        sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$file" |
            while read -r header; do
                [ -f "$dir$header" ] && continue
                found=""
                for lower in $(allowed "$layer"); do
                    [ -f "$src/$lower/$header" ] && found=$lower
                done
                if [ -z "$found" ]; then
                    owner=$(cd "$src" && ls -d */"$header" 2>/dev/null | head -n 1)
                    echo "layers: src/$layer/$(basename "$file") includes \"$header\"" \
                        "(${owner:-not found}); $layer/ may include only: $(allowed "$layer")" >&2
                    echo x
                fi
            done | grep -q x && status=1
    done
done

# Only cli/ reads the environment.
outside_cli=$(grep -lE '\b(getenv|secure_getenv|isatty|setlocale)\b' "$src"/base/* "$src"/routine/* \
    "$src"/run/* "$src"/log/* 2>/dev/null)
[ -n "$outside_cli" ] && fail "the environment is read outside cli/: $outside_cli"

# CLI11 in one file, the command line's.
cli11=$(grep -l '#include <CLI/' "$src"/*/* | sed "s|$src/||")
[ "$cli11" = "cli/cli.cpp" ] || fail "CLI11 must be included by cli/cli.cpp only, not: $cli11"

# toml++ in one file, the TOML reader's.
toml=$(grep -l '#include <toml++/' "$src"/*/* | sed "s|$src/||")
[ "$toml" = "routine/toml_reader.cpp" ] ||
    fail "toml++ must be included by routine/toml_reader.cpp only, not: $toml"

# One Style.
styles=$(grep -lE '^\s*struct Style\b' "$src"/*/* | sed "s|$src/||")
[ "$styles" = "base/style.hpp" ] || fail "struct Style must be defined once, in base/style.hpp: $styles"

[ "$status" -eq 0 ] && echo "layers: ok"
exit "$status"
