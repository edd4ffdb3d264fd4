#!/bin/bash
# Live reload under a running kiosk: a broken save keeps the last good config
# on screen, a fixed save is taken, and a save during a call waits until the
# visitor has gone. The kiosk never writes the staff's file. A config
# deleted or replaced by a symlink loop is logged once, the last good one
# kept, and the file loaded again when it is back.
# Usage: reload_test.sh KIOSK_BINARY SOURCE_DIR OUT_DIR
. "$(dirname "$0")/lib.sh" "$@"

make_config "$work/kiosk.json" "
c['kiosk']['idle_timeout_s'] = 600
c['call']['launcher'][0] = c['call']['launcher'][0].replace('record.sh', 'record_forever.sh')
"
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

# The number of pixels that differ between the left 900 px of two images
# (the clock on the right is left out); fails when a tool fails.
differ() { # a.png b.png
    local ae rc=0
    convert "$1" -crop 900x720+0+0 +repage "$work/a.png" || fail "convert $1"
    convert "$2" -crop 900x720+0+0 +repage "$work/b.png" || fail "convert $2"
    ae=$(compare -metric AE "$work/a.png" "$work/b.png" null: 2>&1) || rc=$?
    # compare: 0 same, 1 different, 2 (or more) could not compare
    [ "$rc" -le 1 ] && [[ $ae =~ ^[0-9]+$ ]] || fail "compare $1 $2: status $rc: $ae"
    echo "$ae"
}
# The kpi screen of the config file given, rendered headless as the live
# kiosk draws it (software renderer on both sides: pixel for pixel).
render_kpi() { # config.json out.png
    headless --config "$1" --screenshot "$2" --screen kpi --size 1280x720
}

# 1. A clerk saves a broken file (a missing comma): refused, old one kept.
n=$(log_lines)
sed '0,/"id": "sapporo-cityhall-1",/s//"id": "sapporo-cityhall-1"/' "$work/good.json" >"$work/kiosk.json"
wait_new "$n" "error: .*comma" 10
wait_new "$n" "keeps running the last good config" 5
! tail -n +$((n + 1)) "$log" | grep -q "config reloaded" || fail "a broken config was taken"
sleep 0.5 # the redraw the refusal asks for
screenshot "$out/reload_broken.png"
[ "$(differ "$work/before.png" "$out/reload_broken.png")" = 0 ] ||
    fail "the screen changed after a broken save"
echo "ok: broken save refused, screen unchanged"

# 1b. A clerk misspells a key ("hous" for "hours"): the town would take
# calls at any hour, so it is an error and the reload is refused too.
n=$(log_lines)
python3 - "$work/good.json" "$work/kiosk.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
m = c["municipalities"][0]
m["hous"] = m.pop("hours", {"sat": "08:45-17:30"})
json.dump(c, open(sys.argv[2] + ".tmp", "w", encoding="utf-8"), ensure_ascii=False)
PY
mv "$work/kiosk.json.tmp" "$work/kiosk.json"
wait_new "$n" "error: municipalities\\[[0-9]*\\] (.*)\\.hous: unknown key .hous.; did you mean .hours.?" 10
wait_new "$n" "keeps running the last good config" 5
! tail -n +$((n + 1)) "$log" | grep -q "config reloaded" || fail "a config with an unknown key was taken"
echo "ok: misspelt key refused"

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
wait_new "$n" "valid: held back until the visitor leaves" 5
! tail -n +$((n + 1)) "$log" | grep -q "config reloaded" || fail "config swapped under a visitor"
tap_target kpi HOME 0
wait_new "$n" "config reloaded" 5
tap_target home KPI 0
wait_new "$n" "targets on kpi" 5
sleep 0.5
screenshot "$out/reload_fixed.png"
# The live screen is the new config's kpi screen, pixel for pixel, and the
# old config's differs from it (in the title: nothing else changed).
render_kpi "$work/kiosk.json" "$work/new_kpi.png"
render_kpi "$work/good.json" "$work/old_kpi.png"
d=$(differ "$out/reload_fixed.png" "$work/new_kpi.png")
[ "$d" = 0 ] || fail "the screen is not the new config's kpi screen ($d pixels differ)"
d=$(differ "$work/old_kpi.png" "$work/new_kpi.png")
[ "$d" -gt 100 ] || fail "the new title changes only $d pixels of the kpi screen"
[ "$(differ "$work/before.png" "$work/old_kpi.png")" = 0 ] ||
    fail "the screen before the reload was not the old config's kpi screen"
echo "ok: fixed save taken when the visitor left, new title on screen ($d pixels)"

# 3. A save during a call is noticed during the call and held back until
# the visitor has gone home. The call lasts until the call bar's End.
n=$(log_lines)
tap_target kpi HOME 0
wait_new "$n" "screen kpi -> home" 5
start_call
wait_new "$n" "screen calling -> in-call" 5
n=$(log_lines)
cp "$work/good.json" "$work/kiosk.json"
wait_new "$n" "changed: checking it" 10
wait_new "$n" "valid: held back until the visitor leaves" 5
! tail -n +$((n + 1)) "$log" | grep -q -e "config reloaded" -e "screen in-call ->" ||
    fail "the save was not held back during the call"
bar=$(xdotool search --name "kiosk call bar" | head -n1)
[ -n "$bar" ] || fail "no call bar window during the call"
read -r bw bh <<<"$(xdotool getwindowgeometry "$bar" | awk '/Geometry/ { split($2, g, "x"); print g[1], g[2] }')"
xdotool mousemove --window "$bar" $((bw - bh)) $((bh / 2)) click 1 # End, at the bar's right end
wait_new "$n" "screen in-call -> thanks" 10
! tail -n +$((n + 1)) "$log" | grep -q "config reloaded" || fail "config swapped during the visit"
sum=$(md5sum <"$work/kiosk.json")
tap_target thanks HOME 0
wait_new "$n" "config reloaded" 5
echo "ok: save during a call taken only after the visitor left"
[ "$(md5sum <"$work/kiosk.json")" = "$sum" ] || fail "the kiosk changed the staff's file"

# 4. The config deleted, then a symlink loop in its place, while the kiosk
# runs: each logged once (not at every look), the last good config kept
# (the kiosk answers taps), and the file loaded again when it is back.
gone_once() { # start reason
    wait_new "$1" "config $work/kiosk.json is gone ($2): the kiosk keeps running the last good config" 10
    sleep 3 # three more looks at the folder's events would log it again
    [ "$(tail -n +$(($1 + 1)) "$log" | grep -c "is gone (")" = 1 ] ||
        fail "gone logged $(tail -n +$(($1 + 1)) "$log" | grep -c "is gone (") times, want once"
    local m x y
    m=$(log_lines)
    # where the live kiosk drew them (the headless run needs the file)
    read -r x y <<<"$(live_target 0 KPI 0)"
    click "$x" "$y"
    wait_new "$m" "screen home -> kpi" 5
    wait_new "$m" "targets on kpi" 5
    read -r x y <<<"$(live_target "$m" HOME 0)"
    click "$x" "$y"
    wait_new "$m" "screen kpi -> home" 5
}
back_again() { # start
    wait_new "$1" "config $work/kiosk.json changed: checking it" 10
    wait_new "$1" "config reloaded" 5
}
n=$(log_lines)
rm "$work/kiosk.json"
gone_once "$n" "No such file or directory"
n=$(log_lines)
cp "$work/good.json" "$work/kiosk.json"
back_again "$n"
echo "ok: config deleted: logged once, last good config kept, loaded again when back"
n=$(log_lines)
rm "$work/kiosk.json"
ln -s kiosk.json "$work/kiosk.json"
gone_once "$n" "a symlink loop: too many levels of symbolic links"
n=$(log_lines)
rm "$work/kiosk.json"
cp "$work/good.json" "$work/kiosk.json"
back_again "$n"
echo "ok: symlink loop: logged once, last good config kept, loaded again when back"
stop_kiosk
echo "PASS: broken config kept out, fixed config taken, no swap mid-visit"
