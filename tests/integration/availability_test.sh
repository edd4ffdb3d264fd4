#!/bin/bash
# Availability and notification, end to end: a clerk-side server on
# 127.0.0.1 plays available, busy, garbage, HTTP 500, slow (10 s), huge
# (100 MB) and down; the kiosk under Xvfb must show each state (its log
# line says what the tile says; a screenshot of each is kept in the build
# tree), stay responsive to touch while the server hangs, and post the
# call's events to notify_url in order with their fields.
# Usage: availability_test.sh KIOSK_BINARY SOURCE_DIR OUT_DIR
. "$(dirname "$0")/lib.sh" "$@"

python3 "$src/tests/integration/status_server.py" "$work/posts" >"$work/server.out" 2>&1 &
server=$!
pids+=($server)
for _ in $(seq 1 50); do [ -s "$work/server.out" ] && break; sleep 0.1; done
port=$(head -n1 "$work/server.out")
base=http://127.0.0.1:$port
make_config "$work/kiosk.json" "
t = c['municipalities'][0]
t['call']['status_url'] = '$base/flip'
t['call']['notify_url'] = '$base/notify'
c['call']['poll_interval_s'] = 2
c['call']['connect_timeout_s'] = 2
c['kiosk']['idle_timeout_s'] = 600  # the states below take longer than the default
"
start_xvfb
export LAUNCHER_RECORD=$work/record
start_kiosk
tap_target home MUNICIPALITIES 0
wait_log "screen home -> municipalities" 5

set_mode() { python3 -c "import urllib.request as u; u.urlopen('$base/set-flip?$1').read()"; }
expect() { # mode expected-text seconds
    local start
    start=$(wc -l <"$log")
    set_mode "$1"
    wait_new "$start" "status tobetsu: $2" "$3"
    sleep 0.3
    screenshot "$out/availability_$1.png"
    echo "ok: $1 -> $2"
}

wait_log "status tobetsu: Available now" 10
screenshot "$out/availability_available.png"
expect busy "Busy · Wait: about 20 min" 10
expect garbage "May be available" 10
expect available "Available now" 10
expect 500 "May be available" 10
expect available "Available now" 10
expect huge "May be available" 15
expect available "Available now" 10
# Slow: the request hangs; the tile turns unknown after the timeout, and
# touches are answered at once meanwhile.
start=$(wc -l <"$log")
set_mode slow
sleep 3
read -r hx hy <<<"$(target municipalities HOME 0)"
read -r mx my <<<"$(target home MUNICIPALITIES 0)"
for i in 1 2 3; do
    n=$(log_lines)
    t0=$(date +%s%N)
    click "$hx" "$hy"
    wait_new "$n" "screen municipalities -> home" 2
    t1=$(date +%s%N)
    echo "touch answered in $(((t1 - t0) / 1000000)) ms while the status server hangs"
    n=$(log_lines)
    click "$mx" "$my"
    wait_new "$n" "screen home -> municipalities" 2
done
wait_new "$start" "status tobetsu: May be available" 15
screenshot "$out/availability_slow.png"
echo "ok: slow -> May be available (timeout)"

start=$(wc -l <"$log")
set_mode available
wait_new "$start" "status tobetsu: Available now" 15
# A full call, then the clerk's events.
tap_target municipalities MUNICIPALITY 0
wait_log "screen municipalities -> municipality" 5
screenshot "$out/availability_detail.png"
tap_target municipality:tobetsu START_CALL 0
wait_log "screen in-call -> thanks" 15
for _ in $(seq 1 40); do [ "$(wc -l <"$work/posts" 2>/dev/null || echo 0)" -ge 3 ] && break; sleep 0.1; done
python3 - "$work/posts" <<'PY' || fail "notify events"
import json, re, sys
lines = [l.split(" ", 2) for l in open(sys.argv[1], encoding="utf-8").read().splitlines()]
events = [json.loads(body) for path, status, body in lines if path == "/notify"]
names = [e["event"] for e in events]
assert names == ["call_requested", "call_started", "call_ended"], names
for e in events:
    assert e["kiosk"] == "sapporo-cityhall-1", e
    assert e["municipality"] == "tobetsu", e
    assert re.fullmatch(r"[0-9a-f]{32}", e["session"]), e
    assert e["url"] == "https://meet.example.jp/tobetsu-" + e["session"], e
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00", e["time"]), e
assert len({e["session"] for e in events}) == 1
assert events[2]["duration_s"] >= 1, events[2]
print("ok: notify", names, "duration", events[2]["duration_s"], "s")
PY

# The server goes away: unknown within the connect timeout and a poll.
start=$(wc -l <"$log")
kill "$server"
wait_new "$start" "status tobetsu: May be available" 10
stop_kiosk
echo "PASS: availability states, responsiveness during a hang, notify events"
