#!/bin/bash
# Every systemd unit the package ships, installed as the .deb installs it
# (prefix /usr into a DESTDIR), through `systemd-analyze verify`. It exits 0
# even on unknown keys, so any line it prints fails the test. Then the
# service's exposure score (`systemd-analyze security --offline`), which must
# stay at or below MAX_EXPOSURE.
# Usage: units_verify_test.sh BUILD_DIR PACKAGE
set -euo pipefail
build=$1 pkg=$2
max_exposure=4.0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

DESTDIR=$tmp/root cmake --install "$build" --prefix /usr > /dev/null
units=$(find "$tmp/root/lib/systemd/system" -type f \( -name '*.service' -o -name '*.socket' \
        -o -name '*.timer' -o -name '*.path' -o -name '*.target' \))
[ -n "$units" ] || fail "no unit installed"
grep -q "^ExecStart=/usr/bin/xinit /usr/bin/$pkg " "$tmp/root/lib/systemd/system/$pkg.service" ||
    fail "ExecStart does not start /usr/bin/$pkg under xinit"
for u in $units; do
    out=$(systemd-analyze verify "$u" 2>&1) || fail "systemd-analyze verify $u: exit $?: $out"
    if [ -n "$out" ]; then
        echo "$out"
        fail "systemd-analyze verify $(basename "$u") printed the lines above"
    fi
    echo "ok: systemd-analyze verify $(basename "$u"): no output"
done
svc=$tmp/root/lib/systemd/system/$pkg.service
systemd-analyze security --offline=true "$svc" > "$tmp/security.txt" 2>&1 || true
grep -E '✗' "$tmp/security.txt" | sed 's/  */ /g' || true
score=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' "$tmp/security.txt")
[ -n "$score" ] || { cat "$tmp/security.txt"; fail "no exposure score"; }
echo "exposure score of $pkg.service: $score (at most $max_exposure)"
awk -v s="$score" -v m="$max_exposure" 'BEGIN { exit !(s <= m) }' || fail "exposure $score > $max_exposure"
echo "PASS"
