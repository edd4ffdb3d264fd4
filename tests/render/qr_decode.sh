#!/bin/sh
# qr_decode.sh KIOSK CONFIG OUT_DIR
# Every municipality website and every service url of CONFIG, drawn by the
# kiosk as its QR code (landscape and portrait), must decode with zbarimg
# (Debian's zbar-tools) to exactly that URL. Every kiosk run must exit 0
# with no sanitizer report on stderr. Without zbarimg: exit 77 (skipped),
# but in CI (CI set and not 0) exit 1: a missing tool is a failure there.
set -u
kiosk=$1 config=$2 out=$3
if ! command -v zbarimg >/dev/null 2>&1; then
    if [ -n "${CI:-}" ] && [ "${CI:-}" != 0 ]; then
        echo "FAIL: zbarimg not found (CI): apt-get install -y zbar-tools"
        exit 1
    fi
    echo "zbarimg not found: apt-get install -y zbar-tools (test skipped)"
    exit 77
fi
mkdir -p "$out"
list=$(python3 - "$config" <<'PY'
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
for m in c.get("municipalities", []):
    if m.get("website"):
        print("municipality:%s %s" % (m["id"], m["website"]))
for s in c.get("services", []):
    if s.get("url"):
        print("service:%s %s" % (s["id"], s["url"]))
PY
) || { echo "FAIL: cannot read $config"; exit 1; }
fail=0 n=0
echo "$list" | {
while read -r screen url; do
    [ -n "$screen" ] || continue
    for size in 1920x1080 1080x1920; do
        n=$((n + 1))
        png="$out/$(echo "$screen" | tr ':' '-')_$size.png"
        err="$png.stderr"
        SDL_VIDEODRIVER=dummy "$kiosk" --config "$config" --screenshot "$png" --screen "$screen" \
            --size "$size" --lang en --at 2026-12-01T10:00 >/dev/null 2>"$err"
        rc=$?
        if [ "$rc" -ne 0 ] || grep -qE 'Sanitizer|runtime error:' "$err"; then
            echo "FAIL: $screen $size: the kiosk exited $rc; its stderr:"
            cat "$err"
            fail=$((fail + 1))
            continue
        fi
        got=$(zbarimg --raw -q "$png" 2>/dev/null | head -n 1)
        if [ "$got" != "$url" ]; then
            echo "FAIL: $screen $size: decoded '$got', want '$url' ($png)"
            fail=$((fail + 1))
        fi
    done
done
echo "qr: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
}
