#!/bin/bash
# A font file changed under the running kiosk. Fonts are read through a
# file stream (SDL_RWops), never memory-mapped, so a file cut short is a
# read error and not a SIGBUS: the kiosk keeps drawing and says which font
# failed. Then the font copied back over it in place (cp, as a maintainer
# would) is used again.
# Usage: fonts_test.sh KIOSK_BINARY SOURCE_DIR OUT_DIR
. "$(dirname "$0")/lib.sh" "$@"

font=$(find /usr/share/fonts -name BIZUDPGothic-Regular.ttf | head -n1)
[ -n "$font" ] || fail "BIZUDPGothic-Regular.ttf is not installed (fonts-morisawa-bizud-gothic)"
mkdir -p "$work/fonts"
cp "$font" "$work/fonts/BIZUDPGothic-Regular.ttf"
make_config "$work/kiosk.json"
start_xvfb
kiosk_args=(--fonts "$work/fonts") # searched before every other folder
start_kiosk
grep -q "fonts $work/fonts, data" "$log" || fail "--fonts $work/fonts was not the fonts folder"
kiosk_args=()
grep -q "$work/fonts/BIZUDPGothic-Regular.ttf" /proc/"$kpid"/maps &&
    fail "the font file is memory-mapped"

# Cut short in place; then English, whose text (BIZ UD first) nothing has
# drawn yet (the kiosk draws the first screens unseen, in Japanese only):
# its glyphs are past the end.
truncate -s 4096 "$work/fonts/BIZUDPGothic-Regular.ttf"
n=$(log_lines)
tap_target home LANG 1
wait_new "$n" "cannot render text with font $work/fonts/BIZUDPGothic-Regular.ttf" 10
tap_target home SERVICES 0
wait_new "$n" "screen home -> services" 10
kill -0 "$kpid" 2>/dev/null || fail "the kiosk died on a truncated font"
echo "ok: a truncated font: the kiosk logged it and went on to the services screen"

# The whole font copied back over the same file.
cp "$font" "$work/fonts/BIZUDPGothic-Regular.ttf"
n=$(log_lines)
tap_target services HOME 0
wait_new "$n" "screen services -> home" 10
m=$(log_lines)
tap_target home KPI 0
wait_new "$m" "screen home -> kpi" 10
kill -0 "$kpid" 2>/dev/null || fail "the kiosk died after the font came back"
stop_kiosk
echo "PASS: a font truncated and copied back while the kiosk runs: no crash, the problem logged"
