#!/bin/bash
# The call's browser is fenced in by the policy kiosk --print-browser-policy
# makes from call.allowed_hosts: the shipped Chromium launcher on a call page
# (meet.example.jp, allowed) made of links to another origin
# (other.example.jp, mapped to the same local HTTPS server, so any request
# of it would be seen). Tapping the link that navigates, the one that opens
# a new window, and the page's own window.open: nothing of the other origin
# loads and it never gets the camera; the call page itself gets the camera
# with no prompt. Then the kiosk is killed with -9 mid-call: nothing of
# Chromium is left, and the next start removes the profile.
# Usage: fence_test.sh KIOSK_BINARY SOURCE_DIR OUT_DIR   (exit 77: skipped)
chromium=/usr/bin/chromium
[ -x "$chromium" ] || { echo "SKIP: $chromium is not installed"; exit 77; }
. "$(dirname "$0")/lib.sh" "$@"

start_call_page escape
export XDG_RUNTIME_DIR=$work/run # the profiles' root, private to this test
mkdir -m 700 "$XDG_RUNTIME_DIR"

chromium_call "MAP meet.example.jp 127.0.0.1:$port, MAP other.example.jp 127.0.0.1:$port"
grep -q "^media-ok meet.example.jp/tobetsu-[0-9a-f]\{32\}$" "$work/reports" ||
    fail "the call page did not get the camera from the policy: $(cat "$work/reports" 2>/dev/null)"
for _ in $(seq 1 30); do grep -q "^popup" "$work/reports" && break; sleep 0.1; done
# The browser's window: below the call bar, the page's two halves are links.
bw=$(xdotool search --sync --onlyvisible --class chromium | tail -n1)
[ -n "$bw" ] || fail "no Chromium window"
read -r w h <<<"$(xdotool getwindowgeometry "$bw" | awk '/Geometry/ { split($2, g, "x"); print g[1], g[2] }')"
xdotool mousemove --window "$bw" $((w / 2)) $((h / 4)) click 1
sleep 2
xdotool mousemove --window "$bw" $((w / 2)) $((h * 3 / 4)) click 1
sleep 3
screenshot "$out/fence_after_links.png"
echo "--- what the server saw:"
cut -c1-90 "$work/reports"
other=$(grep -i "other.example.jp" "$work/reports" || true)
[ -z "$other" ] || fail "the other origin was reached: $other"
grep -q "^popup-opened" "$work/reports" && echo "note: window.open returned a window (the blocked page)"
[ "$(grep -c "^media-ok" "$work/reports")" = 1 ] || fail "media-ok not exactly once: $(grep media "$work/reports")"
grep -q "screen in-call -> thanks" "$log" && fail "the call ended on a tap of a link"
# kill -9 mid-call: no Chromium process may be left of the kiosk's call.
profile=$(ps -o args= --ppid "$kpid" | sed -n 's/.*--user-data-dir=\([^ ]*\).*/\1/p' | head -n1)
cpid=$(ps -o pid= --ppid "$kpid" | head -n1 | tr -d ' ')
[ -n "$profile" ] && [ -n "$cpid" ] || fail "no Chromium child of the kiosk"
kill -9 "$kpid"
wait "$kpid" 2>/dev/null || true
kpid=
left=
for _ in $(seq 1 50); do
    left=$(ps -eo pid=,pgid=,stat=,args= | awk -v g="$cpid" '$2 == g && $3 !~ /^Z/')
    [ -z "$left" ] && break
    sleep 0.1
done
[ -z "$left" ] || fail "Chromium processes left 5 s after kill -9 of the kiosk: $left"
[ -d "$profile" ] || fail "profile $profile gone before the restart?"
start_kiosk
wait_log "removed 1 profile" 5
[ ! -e "$profile" ] || fail "profile $profile left after the restart"
stop_kiosk
echo "PASS: links to another origin loaded nothing of it; only the call page got the camera; kill -9 left no Chromium, the restart removed the profile"
