#!/bin/bash
# Self-test of check_banned.sh: each tests/data/banned/bad_* file must fail
# the check at the line its first line names ("// expect: N"); clean.c (the
# names only in comments, literals and longer identifiers) must pass; a
# missing folder, a folder without C files and a failing preprocessor must
# be errors (exit 2), never "clean".
set -u
here=$(cd "$(dirname "$0")" && pwd)
check=$here/check_banned.sh
data=$here/data/banned
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect RC ARGS...: runs the check, sets $out, fails unless it exits RC.
expect() {
    local want=$1 rc
    shift
    out=$("$check" "$@" 2>&1)
    rc=$?
    [ "$rc" -eq "$want" ] || fail "check_banned.sh $*: exit $rc, want $want: $out"
    [ "$rc" -eq "$want" ]
}

n=0
for f in "$data"/bad_*; do
    n=$((n + 1))
    line=$(sed -n '1s|^// expect: \([0-9][0-9]*\).*|\1|p' "$f")
    [ -n "$line" ] || { fail "$f: first line has no '// expect: N'"; continue; }
    expect 1 "$f" && { grep -q "^$f:$line: " <<<"$out" || fail "$f: not reported at line $line: $out"; }
    # only that line: the comments and literals around it stay quiet
    hits=$(grep -c "^$f:" <<<"$out")
    [ "$hits" -eq 1 ] || fail "$f: $hits lines reported, want 1: $out"
done
[ "$n" -ge 8 ] || fail "only $n bad fixtures in $data"

expect 0 "$data/clean.c"
expect 2 "$data/no_such_folder"
empty=$(mktemp -d) && trap 'rm -rf "$empty"' EXIT
expect 2 "$empty"
CC=false expect 2 "$data/clean.c"
# the folder of fixtures fails as a whole; excluded (as the real check
# excludes it), nothing is left to scan, which is an error too
expect 1 "$data"
expect 2 -x "$data" "$data"

[ "$failures" -eq 0 ] || { echo "$failures failures"; exit 1; }
echo "check_banned self-test: $n bad fixtures caught, clean file, errors and exclusion ok"
