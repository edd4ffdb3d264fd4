#!/bin/bash
# `cmake --install` to a temporary prefix, then the installed command finds
# its config and fonts by the README's search order: --config, then
# PREFIX/etc/PACKAGE (/etc for the prefix /usr), then PREFIX/share/PACKAGE.
# Usage: install_prefix_test.sh BUILD_DIR PACKAGE
set -euo pipefail
build=$1 pkg=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" > "$tmp/install.log"
cmd=$prefix/bin/$pkg
for f in "bin/$pkg" "etc/$pkg/kiosk.json" "etc/chromium/policies/managed/$pkg.json" \
         "lib/systemd/system/$pkg.service" "share/$pkg/config/kiosk.json" \
         "share/$pkg/config/kiosk.schema.json" "share/$pkg/alerts.yml" \
         "share/$pkg/fonts/README.md" "share/$pkg/assets/README.md" \
         "share/doc/$pkg/README.md" "share/doc/$pkg/copyright"; do
    [ -e "$prefix/$f" ] || fail "$f not installed"
done
[ -d "$prefix/var/lib/$pkg" ] || fail "state folder var/lib/$pkg not made"
# Nothing outside the prefix: every installed path starts with it.
grep -- '-- Installing\|-- Up-to-date' "$tmp/install.log" | grep -v " $prefix/" &&
    fail "installed outside $prefix"
grep -q "\"stats_path\": \"$prefix/var/lib/$pkg/stats.jsonl\"" "$prefix/etc/$pkg/kiosk.json" ||
    fail "the /etc config does not keep records in the state folder"
python3 -m json.tool "$prefix/etc/chromium/policies/managed/$pkg.json" > /dev/null || fail "policy is not JSON"

# which config and fonts the installed command takes (--verbose says)
found() { "$cmd" --check-config --verbose "$@" 2>&1 | grep 'debug: config ' || true; }
expect() {
    local want=$1; shift
    local got; got=$(found "$@")
    [[ "$got" == *"$want"* ]] || fail "expected '$want', got '$got' (args: $*)"
    echo "ok: $want"
}
(cd "$tmp" && "$cmd" --check-config) >"$tmp/check.out" 2>&1 ||
    fail "--check-config on the installed /etc config: $(cat "$tmp/check.out")"
# The example PIN is not installed: the staff set their own, and until then
# the checker says the admin screen stays closed.
grep -q admin_pin_sha256 "$prefix/etc/$pkg/kiosk.json" &&
    fail "the /etc config keeps the shipped example PIN"
grep -q "no admin PIN, so the admin screen stays closed" "$tmp/check.out" ||
    fail "--check-config does not say the admin screen is closed: $(cat "$tmp/check.out")"
grep -q "example PIN" "$tmp/check.out" && fail "the installed config warns of the example PIN"
expect "config $prefix/etc/$pkg/kiosk.json (from /etc), fonts $prefix/share/$pkg/fonts, data $prefix/share/$pkg"
# the command line first
cp "$prefix/share/$pkg/config/kiosk.json" "$tmp/mine.json"
expect "config $tmp/mine.json (from command line)" --config "$tmp/mine.json"
# fonts never come from beside a config given on the command line (its
# folder's fonts/ is ignored): the shipped folder
mkdir "$tmp/fonts"
expect "fonts $prefix/share/$pkg/fonts" --config "$tmp/mine.json"
# --fonts comes first
expect "fonts $tmp/fonts, data" --fonts "$tmp/fonts"
# the maintainer's override in PREFIX/etc/PACKAGE/fonts wins over the shipped folder
mkdir "$prefix/etc/$pkg/fonts"
expect "fonts $prefix/etc/$pkg/fonts"
expect "fonts $prefix/etc/$pkg/fonts" --config "$tmp/mine.json"
# no /etc config: the example in share/ (never ./config/kiosk.json of the working folder)
mkdir -p "$tmp/config" && echo '{' > "$tmp/config/kiosk.json"
mv "$prefix/etc/$pkg/kiosk.json" "$tmp/etc-kiosk.json"
(cd "$tmp" && found) | grep -q "config $prefix/share/$pkg/config/kiosk.json (from data)" ||
    fail "without /etc config: $(cd "$tmp" && found)"
echo "ok: data config when /etc has none"
# records inside the installed data folder are refused (an upgrade replaces it)
python3 - "$prefix/share/$pkg/config/kiosk.json" "$tmp/in-data.json" "$prefix/share/$pkg/stats.jsonl" <<'PY'
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
c["kiosk"]["stats_path"] = sys.argv[3]
json.dump(c, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
rc=0
"$cmd" --check-config --config "$tmp/in-data.json" > "$tmp/in-data.out" 2>&1 || rc=$?
[ "$rc" = 1 ] && grep -q "kiosk.stats_path: .* is inside the kiosk's data folder $(realpath "$prefix/share/$pkg")" \
    "$tmp/in-data.out" || fail "records inside share/$pkg passed (exit $rc): $(cat "$tmp/in-data.out")"
echo "ok: records inside the installed data folder refused"
# the installed command draws a screen from its installed data
"$cmd" --screenshot "$tmp/home.png" --screen home --size 640x360 2> "$tmp/shot.log" ||
    { cat "$tmp/shot.log"; fail "--screenshot"; }
[ -s "$tmp/home.png" ] || fail "no screenshot"
echo "PASS"
