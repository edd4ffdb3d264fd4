#!/bin/bash
# The visitor's whole path by key presses alone under Xvfb (xdotool key, no
# click): home -> Municipalities -> Tobetsu -> Start video call (the recording
# launcher) -> thanks -> home. Each Enter is pressed only after the kiosk
# logged (--verbose) that the focus is on the expected target, so a wrong
# start, order or wrap fails here. Backspace and Tab are used on the way.
# Usage: keys_test.sh KIOSK_BINARY SOURCE_DIR [OUT_DIR]
. "$(dirname "$0")/lib.sh" "$@"

# A long idle timeout: "Still there?" must not cover the thanks screen
# (the call took the last input seconds before).
make_config "$work/kiosk.json" "c['kiosk']['idle_timeout_s'] = 60"
start_xvfb
export LAUNCHER_RECORD=$work/record
start_kiosk
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowactivate --sync "$wid" || true
# No wait for the start-up steps (run.c run_prewarm draws other screens
# unseen after the first frame): the first keys come while they run, and
# the focus they move must survive them.

press() { # key expected-log-pattern
    local n
    n=$(log_lines)
    xdotool key --delay 50 "$1"
    wait_new "$n" "$2" 20
    echo "  key $1: $2"
}

# The first key shows the focus on home's main action: Tobetsu's video
# consultation button; the three ways in are below it.
press Tab "focus MUNICIPALITY 0 on home"
press Down "focus MUNICIPALITIES 0 on home"
press Right "focus SERVICES 0 on home"
press KP_Right "focus KPI 0 on home"
press Left "focus SERVICES 0 on home"
press Left "focus MUNICIPALITIES 0 on home"
press Return "screen home -> municipalities"
wait_log "focus MUNICIPALITY 0 on municipalities" 20
press Right "focus MUNICIPALITY 1 on municipalities"
press Left "focus MUNICIPALITY 0 on municipalities"
press KP_Begin "screen municipalities -> municipality"
wait_log "focus START_CALL 0 on municipality" 20
press BackSpace "screen municipality -> municipalities"
press Return "screen municipalities -> municipality"
n=$(log_lines)
wait_new "$((n > 3 ? n - 3 : 0))" "focus START_CALL 0 on municipality" 20
press KP_Enter "screen municipality -> calling"
wait_log "screen calling -> in-call" 20
wait_log "screen in-call -> thanks" 30
[ -s "$work/record" ] || fail "the launcher did not record its argv"
grep -Eq '^arg --app=https://meet\.example\.jp/tobetsu-[0-9a-f]{32}$' "$work/record" ||
    fail "launcher URL: $(grep -- --app "$work/record")"
wait_log "focus .* on thanks" 20
press BackSpace "screen thanks -> home"
[ -z "$out" ] || screenshot "$out/keys-home.png"
stop_kiosk
echo "PASS: by keys alone: home -> municipalities -> tobetsu -> call -> thanks -> home"
