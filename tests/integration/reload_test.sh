#!/bin/bash
# Live reload under a running kiosk: a broken save keeps the last good config
# on screen, a fixed save is taken, and a save during a call waits until the
# visitor has gone. The kiosk never writes the staff's file.
# Usage: reload_test.sh KIOSK_BINARY SOURCE_DIR OUT_DIR
. "$(dirname "$0")/lib.sh" "$@"

make_config "$work/kiosk.json" "c['kiosk']['idle_timeout_s'] = 600"
cp "$work/kiosk.json" "$work/good.json"
start_xvfb
export LAUNCHER_RECORD=$work/record
start_kiosk
# A still screen (home may animate); the clock on the right is left out of
# the comparisons, the title on the left is in.
tap_target home KPI 0
wait_log "screen home -> kpi" 5
sleep 0.5
screenshot "$work/before.png"

same() {
    convert "$1" -crop 900x720+0+0 +repage "$work/a.png"
    convert "$2" -crop 900x720+0+0 +repage "$work/b.png"
    [ "$(compare -metric AE "$work/a.png" "$work/b.png" null: 2>&1 || true)" = "0" ]
}

# 1. A clerk saves a broken file (a missing comma): refused, old one kept.
n=$(log_lines)
sed '0,/"id": "sapporo-cityhall-1",/s//"id": "sapporo-cityhall-1"/' "$work/good.json" >"$work/kiosk.json"
wait_new "$n" "error: .*comma" 10
wait_new "$n" "keeps running the last good config" 5
sleep 0.5
screenshot "$out/reload_broken.png"
same "$work/before.png" "$out/reload_broken.png" || fail "the screen changed after a broken save"
echo "ok: broken save refused, screen unchanged"

# 2. The clerk fixes it and changes the title: checked at once, taken when
# the visitor goes home (never under a visitor), and then on screen.
n=$(log_lines)
python3 - "$work/good.json" "$work/kiosk.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
c["kiosk"]["title"]["ja"] = "リモート相談窓口（再読み込みテスト）"
json.dump(c, open(sys.argv[2] + ".tmp", "w", encoding="utf-8"), ensure_ascii=False)
PY
mv "$work/kiosk.json.tmp" "$work/kiosk.json" # an editor's save by rename
wait_new "$n" "changed: checking it" 10
sleep 1
tail -n +$((n + 1)) "$log" | grep -q "config reloaded" && fail "config swapped under a visitor"
tap_target kpi HOME 0
wait_new "$n" "config reloaded" 5
tap_target home KPI 0
wait_new "$n" "screen home -> kpi" 5
sleep 0.5
screenshot "$out/reload_fixed.png"
same "$work/before.png" "$out/reload_fixed.png" && fail "the new title did not show"
echo "ok: fixed save taken when the visitor left, new title on screen"

# 3. A save during a call waits until the visitor has gone home.
n=$(log_lines)
tap_target kpi HOME 0
wait_new "$n" "screen kpi -> home" 5
tap_target home MUNICIPALITIES 0
wait_new "$n" "screen home -> municipalities" 5
tap_target municipalities MUNICIPALITY 0
tap_target municipality:tobetsu START_CALL 0
wait_log "screen municipality -> calling" 5
n=$(log_lines)
cp "$work/good.json" "$work/kiosk.json"
wait_new "$n" "screen in-call -> thanks" 15
tail -n +$((n + 1)) "$log" | grep -q "config reloaded" && fail "config swapped during the visit"
sum=$(md5sum <"$work/kiosk.json")
tap_target thanks HOME 0
wait_new "$n" "config reloaded" 5
echo "ok: save during a call taken only after the visitor left"
[ "$(md5sum <"$work/kiosk.json")" = "$sum" ] || fail "the kiosk changed the staff's file"
stop_kiosk
echo "PASS: broken config kept out, fixed config taken, no swap mid-visit"
