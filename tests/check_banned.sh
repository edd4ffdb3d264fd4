#!/bin/bash
# The project never writes these (curl's way): unbounded copies and parsers
# that cannot report failure. Fails listing every use in the C files under
# the given folders or files (default: kiosk/ and tests/).
#
# Usage: check_banned.sh [-x EXCLUDED_FOLDER]... [PATH]...
# Exit: 0 clean, 1 banned names found, 2 the check itself could not run (a
# missing folder, no C files, a tool failing): never "clean" by accident.
#
# Any use of the name counts, not only a call: `#define COPY strcpy`,
# `(strcpy)(d, s)` and `&strcpy` too. Comments and string literals do not:
# the compiler's own preprocessor (-fpreprocessed: no includes, no macro
# expansion) strips the comments, awk blanks the literals. Its warnings (-w)
# are about macros it does not expand here, not about the code.
set -uo pipefail
banned='strcpy|stpcpy|sprintf|vsprintf|strcat|atoi|atol|atof|strtok|gets'
here=$(cd "$(dirname "$0")" && pwd)
cc=${CC:-cc}

excludes=()
while getopts x: opt; do
    case $opt in
    x) excludes+=("$OPTARG") ;;
    *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
if [ $# -eq 0 ]; then
    set -- "$here/../kiosk" "$here"
    excludes+=("$here/data/banned") # the self-test's bad fixtures
fi

die() { echo "check_banned: $*" >&2; exit 2; }

# C files under $1 (a folder or one file), minus the excluded folders.
list_files() {
    local prune=()
    for x in "${excludes[@]+"${excludes[@]}"}"; do
        [ -d "$x" ] || die "excluded folder $x does not exist"
        prune+=(-path "$(cd "$x" && pwd)" -prune -o)
    done
    find "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" "${prune[@]+"${prune[@]}"}" \
        -type f \( -name '*.c' -o -name '*.h' \) -print
}

# Prints FILE:LINE: TEXT for each line of $1 that names a banned function
# outside comments and literals. Returns 2 if the preprocessor fails.
scan_file() {
    local stripped
    stripped=$("$cc" -w -fpreprocessed -dD -E -x c "$1") || return 2
    printf '%s\n' "$stripped" | awk -v file="$1" -v re="(^|[^A-Za-z0-9_])($banned)([^A-Za-z0-9_]|\$)" '
        # line markers: # N "file" (the next line is line N)
        /^# [0-9]+ "/ { line = $2 - 1; next }
        {
            line++
            s = $0
            # string and character literals, escapes included
            gsub(/"([^"\\]|\\.)*"/, "\"\"", s)
            gsub(/'\''([^'\''\\]|\\.)*'\''/, "'\'''\''", s)
            if (s ~ re)
                printf "%s:%d: %s\n", file, line, $0
        }'
}

hits="" nfiles=0
for path in "$@"; do
    [ -e "$path" ] || die "$path does not exist"
    files=$(list_files "$path") || die "cannot list the C files under $path"
    [ -n "$files" ] || die "no C files under $path"
    while IFS= read -r f; do
        out=$(scan_file "$f") || die "cannot read $f"
        nfiles=$((nfiles + 1))
        [ -n "$out" ] && hits+="$out"$'\n'
    done <<<"$files"
done
if [ -n "$hits" ]; then
    echo "banned functions used:"
    printf '%s' "$hits"
    exit 1
fi
echo "no banned functions in $nfiles files under $*"
