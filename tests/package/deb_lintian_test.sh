#!/bin/bash
# Builds the .deb with cpack from BUILD_DIR (already built), lists it, and
# runs lintian: no error, and no warning that packaging/lintian-allowed.txt
# does not list with its reason.
# Usage: deb_lintian_test.sh BUILD_DIR SOURCE_DIR [OUT_DIR]
set -euo pipefail
build=$1 src=$2
out=${3:-$(mktemp -d)}
mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" > "$out/cpack.log" 2>&1 ||
    { cat "$out/cpack.log"; fail "cpack"; }
deb=$(ls "$out"/*.deb)
echo "package: $deb ($(stat -c %s "$deb") bytes)"
dpkg-deb -I "$deb" | sed -n '/Package:/,$p'
dpkg-deb -c "$deb"
# lintian refuses nothing as root but says so on stderr: keep only its tags.
lintian --tag-display-limit 0 "$deb" > "$out/lintian.txt" 2> "$out/lintian.err" || true
grep -v 'running with root privileges' "$out/lintian.err" >&2 || true
echo "lintian:"
cat "$out/lintian.txt"
grep -q '^E: ' "$out/lintian.txt" && fail "lintian errors"
bad=0
while read -r tag; do
    if ! grep -q "^$tag " "$src/packaging/lintian-allowed.txt"; then
        echo "FAIL: lintian warning $tag is not listed (with its reason) in packaging/lintian-allowed.txt" >&2
        bad=1
    fi
done < <(sed -n 's/^W: [^:]*: \([^ ]*\).*/\1/p' "$out/lintian.txt" | sort -u)
[ "$bad" -eq 0 ] || exit 1
echo "PASS"
