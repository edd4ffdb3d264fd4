#!/bin/bash
# Emblems: a municipality with an `emblem` PNG shows it on its tile and on
# its page (a pure magenta test image: its pixels are counted in the
# screenshots); an emblem that does not decode is left out, nothing breaks.
# Usage: emblem_test.sh KIOSK_BINARY SOURCE_DIR
set -euo pipefail
kiosk=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
convert -size 96x96 xc:'#FF00FF' "$work/magenta.png"
printf 'not a png' >"$work/broken.png"
python3 - "$src/config/kiosk.json" "$work/kiosk.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
c["municipalities"][0]["emblem"] = "magenta.png"
json.dump(c, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
magenta() { # png -> number of pure magenta pixels
    convert "$1" -fill black +opaque '#FF00FF' -fill white -opaque '#FF00FF' \
        -format '%[fx:round(mean*w*h)]' info:
}
for screen in municipalities municipality:tobetsu; do
    SDL_VIDEODRIVER=dummy "$kiosk" --config "$work/kiosk.json" --screenshot "$work/s.png" \
        --screen "$screen" --size 1920x1080 --at 2026-12-01T10:00 2>/dev/null
    n=$(magenta "$work/s.png")
    [ "$n" -ge 2000 ] || { echo "FAIL: $screen shows $n emblem pixels"; exit 1; }
    echo "ok: $screen shows the emblem ($n pixels)"
done
# Without the emblem, no magenta at all (the count above is the emblem's).
SDL_VIDEODRIVER=dummy "$kiosk" --screenshot "$work/s.png" --screen municipalities \
    --size 1920x1080 --at 2026-12-01T10:00 2>/dev/null
[ "$(magenta "$work/s.png")" -eq 0 ] || { echo "FAIL: magenta without an emblem"; exit 1; }
# A file that does not decode: --check-config says so, the screen still draws.
sed 's/magenta.png/broken.png/' "$work/kiosk.json" >"$work/broken.json"
if "$kiosk" --config "$work/broken.json" --check-config >"$work/check.txt" 2>&1; then
    echo "FAIL: --check-config accepted an emblem that does not decode"; exit 1
fi
grep -q "emblem" "$work/check.txt" || { echo "FAIL: no emblem message"; cat "$work/check.txt"; exit 1; }
echo "ok: $(grep -m1 emblem "$work/check.txt")"
echo "PASS: emblems"
