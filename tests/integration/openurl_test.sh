#!/bin/bash
# A call without launcher: the URL goes to the system's handler (SDL_OpenURL,
# which runs xdg-open on X11), here a stand-in xdg-open first in PATH that
# records what it got. The kiosk shows its in-call screen, and the call ends
# by the End button, by the idle reset (after "Still there?"), and by
# max_minutes while the visitor answers "Still there?". Each end is in the
# log, the usage records and the metrics.
# Usage: openurl_test.sh KIOSK_BINARY SOURCE_DIR OUT_DIR
. "$(dirname "$0")/lib.sh" "$@"

mkdir "$work/bin"
cat >"$work/bin/xdg-open" <<EOF
#!/bin/sh
# Stand-in for the desktop's URL handler: one line per URL, then gone.
printf '%s\n' "\$*" >>"$work/opened"
EOF
chmod +x "$work/bin/xdg-open"
export PATH=$work/bin:$PATH

make_config "$work/kiosk.json" "
del c['call']['launcher']
c['call']['max_minutes'] = 1
c['kiosk']['stats_path'] = 'stats.jsonl'
c['kiosk']['metrics_path'] = 'kiosk.prom'
"
start_xvfb
start_kiosk

opened() { [ -f "$work/opened" ] && wc -l <"$work/opened" || echo 0; }
# Starts a call; checks the handler got a fresh https session URL. Sets
# call_line: the log's length before.
openurl_call() {
    local before
    before=$(opened)
    call_line=$(log_lines)
    start_call
    wait_new "$call_line" "screen calling -> in-call" 5
    wait_new "$call_line" "target END_CALL 0" 5
    for _ in $(seq 1 50); do [ "$(opened)" -gt "$before" ] && break; sleep 0.1; done
    url=$(tail -n 1 "$work/opened" 2>/dev/null || true)
    [ "$(opened)" -eq $((before + 1)) ] || fail "xdg-open ran $(($(opened) - before)) times, want 1"
    [[ $url =~ ^https://meet\.example\.jp/tobetsu-[0-9a-f]{32}$ ]] || fail "xdg-open got '$url'"
    tag=$(printf '%s' "${url##*-}" | sha256sum | cut -c1-8)
    grep -q "call to tobetsu started (session #$tag)" "$log" ||
        fail "the URL's session is not the one the kiosk started (#$tag)"
    grep -q "${url##*-}" "$log" && fail "the session id is in the log"
    screenshot "$work/in_call.png"
    ! xdotool search --name "kiosk call bar" >/dev/null || fail "a call bar without a launcher"
}

# 1. The End button of the in-call screen ends the call.
openurl_call
n=$(log_lines)
read -r x y <<<"$(live_target "$call_line" END_CALL 0)"
[ -n "$x" ] || fail "no END_CALL target logged"
click "$x" "$y"
wait_new "$n" "call to tobetsu ended after" 5
wait_new "$n" "screen in-call -> thanks" 5
tap_target thanks HOME 0
wait_new "$n" "screen thanks -> home" 5
echo "ok: the End button ends a call opened by the system's handler"

# 2. The visitor walks away: "Still there?" over the call, then the call
# ends and the kiosk goes home.
n=$(log_lines)
openurl_call
start=$(date +%s)
wait_new "$n" "idle warning over in-call" 15
screenshot "$out/openurl_idle_warning.png"
wait_new "$n" "call to tobetsu ended after" 15
wait_new "$n" "screen in-call -> home" 5
took=$(($(date +%s) - start))
[ "$took" -ge 13 ] || fail "idle ended the call after $took s, idle_timeout_s is 15"
echo "ok: idle during the call warns, ends the call and goes home (${took} s)"

# 3. Nobody ends the call, the visitor answers "Still there?" each time:
# max_minutes (1) ends it.
n=$(log_lines)
openurl_call
start=$(date +%s)
continues=0
m=$(log_lines) # warnings are looked for after this line only, none missed
while ! tail -n +$((n + 1)) "$log" | grep -q "reached max_minutes"; do
    [ $(($(date +%s) - start)) -lt 75 ] || fail "no max_minutes end within 75 s"
    if tail -n +$((n + 1)) "$log" | grep -q "screen in-call -> home"; then
        fail "idle ended the call although the visitor answered"
    fi
    for _ in $(seq 1 20); do
        tail -n +$((m + 1)) "$log" | grep -q -e "idle warning over in-call" -e "reached max_minutes" &&
            break
        sleep 0.1
    done
    if tail -n +$((m + 1)) "$log" | grep -q "idle warning over in-call"; then
        wait_new "$m" "targets on idle warning" 5
        w=$(log_lines)
        read -r x y <<<"$(live_target "$m" CONTINUE 0)"
        [ -n "$x" ] || fail "no CONTINUE target on the idle warning"
        click "$x" "$y"
        # the call's screen is back (or max_minutes came with the tap)
        wait_new "$w" "target END_CALL 0\|reached max_minutes" 5
        continues=$((continues + 1))
        m=$w
    fi
done
took=$(($(date +%s) - start))
wait_new "$n" "call to tobetsu ended after" 5
wait_new "$n" "screen in-call -> thanks" 5
[ "$took" -ge 58 ] || fail "max_minutes 1 ended the call after $took s"
[ "$continues" -ge 3 ] || fail "only $continues idle warnings in a minute's call"
grep "reached max_minutes\|ended after" "$log" | tail -n 2
echo "ok: max_minutes ends the call after ${took} s ($continues idle warnings answered)"
stop_kiosk

python3 - "$work/stats.jsonl" <<'PY' || fail "usage records"
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
kinds = [e["event"] for e in ev]
ended = [e for e in ev if e["event"] == "call_ended"]
assert kinds.count("call_started") == 3, kinds
assert len(ended) == 3 and all(e["municipality"] == "tobetsu" for e in ended), ended
assert ended[2]["duration_s"] >= 59, ended[2]
assert kinds.count("idle_reset") == 1, kinds
print("ok: records: 3 calls started and ended, durations",
      [round(e["duration_s"]) for e in ended])
PY
grep -q '^kiosk_calls_total{municipality="tobetsu",result="ended"} 3$' "$work/kiosk.prom" ||
    fail "metrics: $(grep calls_total "$work/kiosk.prom")"
echo "PASS: a call without launcher ends by End, idle and max_minutes"
