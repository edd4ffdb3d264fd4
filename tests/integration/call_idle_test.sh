#!/bin/bash
# Idle and a config save during a launched call, with the real kiosk: the
# browser (a recording launcher that runs until stopped) covers the kiosk,
# so idle_timeout_s (15 s) must not cut the call however long it runs; a
# valid config saved mid-call is noticed during the call, held back, and
# taken only after the visitor has left (thank-you screen, then home).
# Usage: call_idle_test.sh KIOSK_BINARY SOURCE_DIR OUT_DIR
. "$(dirname "$0")/lib.sh" "$@"

make_config "$work/kiosk.json" "
c['call']['launcher'][0] = c['call']['launcher'][0].replace('record.sh', 'record_forever.sh')
"
start_xvfb
export LAUNCHER_RECORD=$work/record
start_kiosk

n=$(log_lines)
start_call
wait_new "$n" "screen calling -> in-call" 5
call_at=$(date +%s)
for _ in $(seq 1 50); do [ -s "$work/record" ] && break; sleep 0.1; done
pid=$(sed -n 's/^pid //p' "$work/record" 2>/dev/null || true)
[[ $pid =~ ^[0-9]+$ ]] || fail "no pid in the launcher's record"

# A clerk saves a new title during the call.
m=$(log_lines)
python3 - "$work/kiosk.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
c["kiosk"]["title"]["ja"] = "リモート相談窓口（通話中の保存）"
json.dump(c, open(sys.argv[1] + ".tmp", "w", encoding="utf-8"), ensure_ascii=False)
PY
mv "$work/kiosk.json.tmp" "$work/kiosk.json"
wait_new "$m" "changed: checking it" 10
wait_new "$m" "valid: held back until the visitor leaves" 5
echo "ok: the save is noticed during the call and held back"

# Idle would have reset any other screen by now (15 s since the last touch).
sleep $((call_at + 20 - $(date +%s)))
tail -n +$((n + 1)) "$log" | grep -E "screen in-call ->|idle warning|config reloaded|call to .* ended" &&
    fail "the call did not run on untouched (see the lines above)"
kill -0 "$pid" 2>/dev/null || fail "the browser (pid $pid) is gone during the call"
echo "ok: $(($(date +%s) - call_at)) s into the call: not cut by idle, config still held back"

# The visitor ends the call on the bar and walks away from the thank-you.
bar=$(xdotool search --name "kiosk call bar" | head -n1)
[ -n "$bar" ] || fail "no call bar window during the call"
read -r bw bh <<<"$(xdotool getwindowgeometry "$bar" | awk '/Geometry/ { split($2, g, "x"); print g[1], g[2] }')"
m=$(log_lines)
xdotool mousemove --window "$bar" $((bw - bh)) $((bh / 2)) click 1 # End, at the bar's right end
wait_new "$m" "screen in-call -> thanks" 10
! tail -n +$((m + 1)) "$log" | grep -q "config reloaded" || fail "config swapped during the visit"
wait_new "$m" "screen thanks -> home" 12
wait_new "$m" "config reloaded" 2
[ "$(grep -n "config reloaded" "$log" | cut -d: -f1)" -gt \
    "$(grep -n "screen thanks -> home" "$log" | tail -n 1 | cut -d: -f1)" ] ||
    fail "config reloaded before the visitor left"
stop_kiosk
echo "PASS: a launched call outlives idle_timeout_s; the mid-call save is taken after the visitor left"
