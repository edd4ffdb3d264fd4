#!/bin/bash
# Supervised call sessions with the real kiosk under Xvfb: a browser that
# cannot start, one that is missing, one ended by the call bar's End button,
# one ended by max_minutes, one ended because the kiosk quits, and a kiosk
# without camera. After each: the clerk's events, no process left, no
# profile directory left.
# Usage: calls_test.sh KIOSK_BINARY SOURCE_DIR OUT_DIR
. "$(dirname "$0")/lib.sh" "$@"
launchers=$src/tests/data/launchers

python3 "$src/tests/integration/status_server.py" "$work/posts" >"$work/server.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do [ -s "$work/server.out" ] && break; sleep 0.1; done
notify=http://127.0.0.1:$(head -n1 "$work/server.out")/notify
start_xvfb
export LAUNCHER_RECORD=$work/record

# kiosk_with LAUNCHER [python]: a fresh kiosk whose call uses LAUNCHER.
kiosk_with() {
    make_config "$work/kiosk.json" "
c['municipalities'][0]['call']['notify_url'] = '$notify'
c['call']['launcher'] = ['$1', '--app={url}', '--user-data-dir={profile}',
                         '--window-position={x},{y}', '--window-size={w},{h}']
c['kiosk']['idle_timeout_s'] = 600
${2:-}"
    rm -f "$work/record" "$work/posts"
    start_kiosk
}
events() { # the notify events posted so far, space separated
    python3 -c 'import json,sys
print(" ".join(json.loads(l.split(" ", 2)[2])["event"] for l in open(sys.argv[1]) if l.startswith("/notify ")))' "$work/posts" 2>/dev/null || true
}
wait_events() { # expected
    for _ in $(seq 1 60); do [ "$(events)" = "$1" ] && return 0; sleep 0.1; done
    fail "notify events: got '$(events)', want '$1'"
}
record_value() { sed -n "s/^$1 //p" "$work/record"; }
profile_of() { record_value arg | sed -n 's/^--user-data-dir=//p'; }
# Starts a call with the recording launcher; sets pid and profile.
running_call() {
    start_call
    wait_log "screen calling -> in-call" 5
    for _ in $(seq 1 50); do [ -s "$work/record" ] && break; sleep 0.1; done
    [ -s "$work/record" ] || fail "the launcher wrote no record"
    pid=$(record_value pid)
    profile=$(profile_of)
    [[ $pid =~ ^[0-9]+$ ]] || fail "no pid in the launcher's record: '$pid'"
    [ -n "$profile" ] || fail "no --user-data-dir in the launcher's record"
    kill -0 "$pid" 2>/dev/null || fail "the launcher (pid $pid) is not running during the call"
}
# The process and every member of its group are gone (zombies waiting for
# PID 1 to reap them count as gone: they hold nothing but a pid).
gone() { # pid
    [[ $1 =~ ^[0-9]+$ ]] || { echo "gone: '$1' is not a pid"; return 1; }
    for _ in $(seq 1 30); do
        [ -z "$(ps -eo pgid=,pid=,stat= | awk -v g="$1" '($1 == g || $2 == g) && $3 !~ /^Z/')" ] &&
            return 0
        sleep 0.1
    done
    ps -eo pgid,pid,stat,args | awk -v g="$1" '$1 == g || $2 == g'
    return 1
}

# 1. The browser exits at once: "could not start the call", call_failed.
kiosk_with "$launchers/fail.sh"
start_call
wait_log "screen calling -> call-failed" 5
screenshot "$out/call_failed.png"
wait_events "call_requested call_failed"
grep -q '"reason"' "$work/posts" || fail "call_failed without a reason"
# Try again: the same call starts once more (and fails again here).
n=$(log_lines)
tap_target call-failed:tobetsu TRY_AGAIN 0
wait_new "$n" "screen call-failed -> calling" 5
wait_new "$n" "screen calling -> call-failed" 5
wait_events "call_requested call_failed call_requested call_failed"
n=$(log_lines)
tap_target call-failed:tobetsu BACK 0
wait_new "$n" "screen call-failed -> municipality" 5
stop_kiosk
echo "ok: launcher exiting at once -> could not start, call_failed, try again, way back"

# 2. The browser is not installed.
kiosk_with /nonexistent/chromium
start_call
wait_log "screen calling -> call-failed" 5
wait_log "No such file" 5
wait_events "call_requested call_failed"
stop_kiosk
echo "ok: missing launcher -> could not start"

# 3. End call on the call bar ends the browser's whole process group.
kiosk_with "$launchers/record_forever.sh"
running_call
[ -d "$profile" ] || fail "no profile directory during the call"
[ "$(stat -c %a "$profile")" = 700 ] || fail "profile mode $(stat -c %a "$profile")"
bar=$(xdotool search --name "kiosk call bar" | head -n1)
[ -n "$bar" ] || fail "no call bar window during the call"
n=$(log_lines)
screenshot "$out/call_bar.png"
read -r bw bh <<<"$(xdotool getwindowgeometry "$bar" | awk '/Geometry/ { split($2, g, "x"); print g[1], g[2] }')"
# The browser is placed above the bar, never under it: the bar cannot
# cover the clerk's face.
read -r bx by <<<"$(xdotool getwindowgeometry "$bar" | awk '/Position/ { split($2, p, ","); print p[1], p[2] }')"
geo=$(record_value arg | sed -n 's/^--window-position=//p')
size=$(record_value arg | sed -n 's/^--window-size=//p')
[ -n "$geo" ] && [ -n "$size" ] || fail "the launcher got no window position or size"
top=${geo#*,} height=${size#*,}
[ $((top + height)) -le "$by" ] ||
    fail "browser $geo ${size} reaches below the bar's top at y=$by"
echo "ok: browser at y=$top, height $height, bar from y=$by ($bw x $bh)"
# The End button is at the right end of the bar.
xdotool mousemove --window "$bar" $((bw - bh)) $((bh / 2)) click 1
wait_new "$n" "screen in-call -> thanks" 10
gone "$pid" || fail "the browser (pid $pid) is still running"
[ ! -e "$profile" ] || fail "profile $profile left after the call"
wait_events "call_requested call_started call_ended"
# Nothing of the visitor's room in the log (kept with --verbose, as a
# journal would): neither the room URL nor the session id, only 8 hex
# digits of the id's SHA-256 to match lines. The notify body carries what
# PRODUCT.md's call protocol names, the room URL among them, for the clerk.
url=$(record_value arg | sed -n 's/^--app=//p')
session=${url##*-}
[[ $url =~ ^https://meet\.example\.jp/.*-[0-9a-f]{32}$ ]] || fail "the launcher got '$url'"
! grep -F -q "$url" "$log" || fail "the room URL is in the log: $(grep -F "$url" "$log")"
! grep -F -q "$session" "$log" || fail "the session id is in the log: $(grep -F "$session" "$log")"
tag=$(printf '%s' "$session" | sha256sum | cut -c1-8)
grep -q "call to tobetsu started (session #$tag)" "$log" || fail "no short hash #$tag in the log"
python3 - "$work/posts" "$url" "$session" <<'PY' || fail "notify body: $(cat "$work/posts")"
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    body = json.loads(line.split(" ", 2)[2])
    keys = {"event", "kiosk", "municipality", "session", "url", "time"}
    assert keys <= set(body), body
    assert body["url"] == sys.argv[2] and body["session"] == sys.argv[3], body
PY
stop_kiosk
echo "ok: End call on the call bar -> browser group ended, profile removed, call_ended;" \
    "the log names the call #$tag only"

# 4. The kiosk quits during a call: the browser goes too.
kiosk_with "$launchers/record_forever.sh"
running_call
stop_kiosk
gone "$pid" || fail "the browser outlived the kiosk"
[ ! -e "$profile" ] || fail "profile left after the kiosk quit"
echo "ok: kiosk quitting ends the call and removes the profile"

# 5. No camera on this machine: with require_devices, no call is offered.
kiosk_with "$launchers/record_forever.sh" "c['call']['require_devices'] = True"
wait_log "camera MISSING" 5
n=$(log_lines)
to_tobetsu
wait_new "$n" "targets on municipality" 5 # its target list is complete
[ -n "$(live_target "$n" BACK 0)" ] || fail "the municipality screen logged no BACK target"
[ -z "$(live_target "$n" START_CALL 0)" ] || fail "a call is offered without a camera"
screenshot "$out/call_no_camera.png"
stop_kiosk
echo "ok: missing camera -> no call button, the visitor is told to ask the staff"

# 6. max_minutes ends a call that nobody ends (1 minute: the smallest setting).
kiosk_with "$launchers/record_forever.sh" "c['call']['max_minutes'] = 1"
running_call
wait_log "reached max_minutes" 70
wait_log "screen in-call -> thanks" 10
gone "$pid" || fail "the browser is still running after max_minutes"
wait_events "call_requested call_started call_ended"
stop_kiosk
echo "ok: max_minutes ends the call"
echo "PASS: supervised call sessions"
