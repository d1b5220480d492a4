#!/bin/sh
# The manual cannot drift from the program: every command and every option
# the command line has (as the hidden `selfcare __commands` lists them from
# the CLI11 definition) must be in selfcare(1), under that command's own
# heading "*selfcare COMMAND*", as "*--option*" with its value "_VALUE_" on
# the same line. --help is described once, under OPTIONS.
# Usage: man_test.sh SELFCARE_BINARY PAGE.scd
set -u
binary=$1
page=$2
status=0
missing() {
    echo "man: $* is not in $page" >&2
    status=1
}

# The lines of the block about `path` ("" for the program's own options).
block() {
    if [ -z "$1" ]; then
        awk '/^# /{on = ($0 == "# OPTIONS"); next} on' "$page"
    else
        awk -v head="*selfcare $1*" '
            /^# / || /^\*selfcare / { on = (index($0, head) == 1) }
            on' "$page"
    fi
}

list=$("$binary" __commands) || { echo "man: selfcare __commands failed" >&2; exit 1; }
[ -n "$list" ] || { echo "man: selfcare __commands listed nothing" >&2; exit 1; }
echo "$list" | {
    while read -r line; do
        path="" option="" value=""
        for word in $line; do
            case $word in
                -*) option=$word ;;
                *) if [ -n "$option" ]; then value=$word; else path="$path${path:+ }$word"; fi ;;
            esac
        done
        if [ -z "$option" ]; then
            [ -n "$(block "$path")" ] || missing "the command '$path'"
            continue
        fi
        [ "$option" = --help ] && [ -n "$path" ] && continue
        found=$(block "$path" | grep -F -- "*$option*")
        if [ -z "$found" ]; then
            missing "'${path:+$path }$option'"
        elif [ -n "$value" ] && ! echo "$found" | grep -qF -- "_${value}_"; then
            missing "the value $value of '${path:+$path }$option'"
        fi
    done
    exit $status
}
