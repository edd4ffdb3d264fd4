#!/bin/sh
# Regenerates the README pictures (docs/screenshots/*.png) with the kiosk's
# headless --screenshot, at a fixed time so they only change when the
# screens do:   cmake --build build && docs/screenshots.sh [build/kiosk/kiosk]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
kiosk=${1:-$root/build/kiosk/kiosk}
out=$root/docs/screenshots
at=2026-12-01T10:00
mkdir -p "$out"
shot() { # NAME SCREEN LANG SIZE [FLAGS...]
    name=$1 screen=$2 lang=$3 size=$4
    shift 4
    SDL_VIDEODRIVER=dummy "$kiosk" --config "$root/config/kiosk.json" --screenshot "$out/$name.png" \
        --screen "$screen" --lang "$lang" --size "$size" --at "$at" "$@"
}
shot home-ja home ja 1920x1080
shot home-en home en 1920x1080
shot municipalities-ja municipalities ja 1920x1080
shot municipality-tobetsu-ja municipality:tobetsu ja 1920x1080
shot municipality-tobetsu-en municipality:tobetsu en 1920x1080
shot services-en services en 1920x1080
shot service-marriage-support-ja service:marriage-support ja 1920x1080
shot kpi-ja kpi ja 1920x1080
shot kpi-en kpi en 1920x1080
shot calling-tobetsu-ja calling:tobetsu ja 1920x1080
shot idle-warning-en idle-warning en 1920x1080
shot home-ko-high-contrast home ko 1920x1080 --high-contrast
shot municipalities-ja-easy-large-text municipalities ja-easy 1920x1080 --large-text
shot home-ja-portrait home ja 1080x1920
shot municipality-tobetsu-zh-Hant-portrait municipality:tobetsu zh-Hant 1080x1920
echo "docs/screenshots: $(ls "$out"/*.png | wc -l) pictures"
