#!/bin/bash
# End to end under Xvfb: the real kiosk, clicked by xdotool from home to
# Tobetsu's call. The launcher is a script that records its argv; the test
# checks the URL it got, that the profile directory is gone after the call,
# that the kiosk came back home, and that the idle timeout returns home.
# Usage: flow_test.sh KIOSK_BINARY SOURCE_DIR
set -euo pipefail
kiosk=$1
src=$2
work=$(mktemp -d)
log=$work/kiosk.log
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- kiosk log"; cat "$log" 2>/dev/null || true; exit 1; }

python3 - "$src/config/kiosk.json" "$work/kiosk.json" "$src/tests/data/launchers/record.sh" <<'PY'
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
c["kiosk"]["fullscreen"] = False
c["kiosk"]["idle_timeout_s"] = 15
c["call"]["launcher"] = [sys.argv[3], "--app={url}", "--user-data-dir={profile}",
                         "--window-position={x},{y}", "--window-size={w},{h}"]
c["call"]["require_devices"] = False
# No weekly hours: the counter is open whenever CI runs (nights, holidays).
for m in c["municipalities"]:
    m.pop("hours", None)
json.dump(c, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY

# Where each target is, from the same layout code run headless.
target() { # screen action arg -> "x y" (centre)
    "$kiosk" --config "$work/kiosk.json" --screenshot "$work/t.png" --screen "$1" \
        --size 1280x720 --verbose 2>&1 |
        awk -v a="$2" -v n="$3" '$3 == "target" && $4 == a && $5 == n {
            split($7, p, ","); split($8, s, "x"); print int(p[1] + s[1] / 2), int(p[2] + s[2] / 2); exit }'
}
wait_log() { # pattern seconds
    for _ in $(seq 1 $(($2 * 10))); do
        grep -q -- "$1" "$log" && return 0
        sleep 0.1
    done
    fail "no '$1' in the log within $2 s"
}
click() { # x y
    xdotool mousemove --window "$wid" "$1" "$2" click 1
}

exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=:$(head -n1 "$work/display")
export SDL_AUDIODRIVER=dummy LAUNCHER_RECORD=$work/record

"$kiosk" --config "$work/kiosk.json" --windowed=1280x720 --verbose >"$log" 2>&1 &
kpid=$!
pids+=($kpid)
wait_log "first frame presented" 10
wid=$(xdotool search --sync --pid "$kpid" | head -n1)

read -r x y <<<"$(target home MUNICIPALITIES 0)"
click "$x" "$y"
wait_log "screen home -> municipalities" 5
read -r x y <<<"$(target municipalities MUNICIPALITY 0)"
click "$x" "$y"
wait_log "screen municipalities -> municipality" 5
read -r x y <<<"$(target municipality:tobetsu START_CALL 0)"
[ -n "$x" ] || fail "no Start video call button on Tobetsu's screen"
click "$x" "$y"
wait_log "screen municipality -> calling" 5
wait_log "screen calling -> in-call" 5
wait_log "screen in-call -> thanks" 10

[ -s "$work/record" ] || fail "the launcher did not record its argv"
grep -Eq '^arg --app=https://meet\.example\.jp/tobetsu-[0-9a-f]{32}$' "$work/record" ||
    fail "launcher URL: $(grep -- --app "$work/record")"
grep -q '^arg --window-position=0,' "$work/record" || fail "window position not substituted"
profile=$(sed -n 's/^arg --user-data-dir=//p' "$work/record")
[ -n "$profile" ] || fail "no profile argument"
[ ! -e "$profile" ] || fail "profile $profile still exists after the call"
extra_fds=$(awk '$1 == "fd" && $2 > 2' "$work/record" | wc -l)
[ "$extra_fds" -eq 0 ] || fail "the launcher inherited $extra_fds descriptors: $(grep '^fd' "$work/record")"

read -r x y <<<"$(target thanks HOME 0)"
click "$x" "$y"
wait_log "screen thanks -> home" 5

# Idle: go somewhere, touch nothing, come back home after idle_timeout_s.
read -r x y <<<"$(target home SERVICES 0)"
click "$x" "$y"
wait_log "screen home -> services" 5
wait_log "screen services -> home" 20
kill -TERM "$kpid"
wait "$kpid" || fail "kiosk exit status $?"
echo "PASS: home -> municipalities -> tobetsu -> call -> thanks -> home; idle reset"
