#!/bin/bash
# End to end under Xvfb: the real kiosk, clicked by xdotool from home to
# Tobetsu's call. The launcher is a script that records its argv; the test
# checks the URL it got, that the profile directory is gone after the call,
# that the kiosk came back home, and that the idle timeout returns home.
# Usage: flow_test.sh KIOSK_BINARY SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"

make_config "$work/kiosk.json" "
c['kiosk']['stats_path'] = 'stats.jsonl'
c['kiosk']['metrics_path'] = 'kiosk.prom'
"
start_xvfb
export LAUNCHER_RECORD=$work/record
start_kiosk

start_call
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

tap_target thanks HOME 0
wait_log "screen thanks -> home" 5

# Idle: go somewhere, touch nothing, come back home after idle_timeout_s.
tap_target home SERVICES 0
wait_log "screen home -> services" 5
wait_log "screen services -> home" 20
stop_kiosk
# What the visit left in the records: anonymous events and the metrics.
python3 - "$work/stats.jsonl" <<'PY' || fail "usage records"
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
kinds = [e["event"] for e in ev]
for want in ["session_start", "screen", "call_started", "call_ended", "idle_reset"]:
    assert want in kinds, (want, kinds)
ended = [e for e in ev if e["event"] == "call_ended"][0]
assert ended["municipality"] == "tobetsu" and ended["duration_s"] >= 1, ended
assert not any("session" in e or "url" in e for e in ev), "a record holds a session id or URL"
print("ok: records", len(ev), "events")
PY
grep -q '^kiosk_calls_total{municipality="tobetsu",result="ended"} 1$' "$work/kiosk.prom" ||
    fail "metrics: $(cat "$work/kiosk.prom")"
grep -q '^kiosk_up 0$' "$work/kiosk.prom" || fail "metrics after stop: kiosk_up is not 0"
echo "PASS: home -> municipalities -> tobetsu -> call -> thanks -> home; idle reset"
