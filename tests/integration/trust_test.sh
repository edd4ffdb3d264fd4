#!/bin/bash
# No way out of the kiosk, and the admin PIN:
#  1. the window manager's close request (WM_DELETE_WINDOW from a test
#     client, tests/integration/wm_close.c) is ignored in full screen, even
#     mid-call; a windowed kiosk closes with exit 0;
#  2. kiosk --hash-pin from a pipe prints a pbkdf2-sha256 value that opens
#     the admin screen... (checked by --check-config: no warning) and the
#     shipped example PIN is warned about;
#  3. started with no display, the kiosk exits 1 pointing to --screenshot.
# Usage: trust_test.sh KIOSK_BINARY SOURCE_DIR OUT_DIR WM_CLOSE_BINARY
wm_close=$4
. "$(dirname "$0")/lib.sh" "$1" "$2" "$3"
export LAUNCHER_RECORD=$work/record
start_xvfb

# 1a. full screen: the close request changes nothing, also during a call
make_config "$work/kiosk.json" "
c['kiosk']['fullscreen'] = True
c['kiosk']['idle_timeout_s'] = 600
c['call']['launcher'] = ['$src/tests/data/launchers/record_forever.sh', '--app={url}']"
"$kiosk" --config "$work/kiosk.json" --verbose >"$log" 2>&1 &
kpid=$!
pids+=($kpid)
wait_log "first frame presented" 10
wid=$(xdotool search --sync --pid "$kpid" | head -n1)
"$wm_close" "$wid" || fail "wm_close could not send"
wait_log "window close request ignored (full screen)" 5
sleep 0.5
kill -0 "$kpid" || fail "the full-screen kiosk quit on the window manager's close request"
start_call
wait_log "screen calling -> in-call" 5
n=$(log_lines)
"$wm_close" "$wid"
wait_new "$n" "window close request ignored" 5
sleep 0.5
kill -0 "$kpid" || fail "the kiosk quit on a close request mid-call"
grep -q "in-call -> thanks" "$log" && fail "the close request ended the call"
stop_kiosk
echo "ok: WM_DELETE_WINDOW ignored in full screen, on home and mid-call"

# 1b. windowed (a desk, the tests): the close request closes it cleanly
make_config "$work/kiosk.json"
start_kiosk
"$wm_close" "$wid"
kiosk_exited
echo "ok: a windowed kiosk closes on WM_DELETE_WINDOW with exit 0"

# 2. the PIN
value=$(printf '135790\n' | "$kiosk" --hash-pin)
[[ $value =~ ^pbkdf2-sha256\$200000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$ ]] ||
    fail "--hash-pin printed '$value'"
python3 -c 'import base64, hashlib, sys
_, it, salt, h = sys.argv[1].split("$")
ok = hashlib.pbkdf2_hmac("sha256", b"135790", base64.b64decode(salt), int(it)) == base64.b64decode(h)
sys.exit(0 if ok else 1)' "$value" || fail "--hash-pin's value is not PBKDF2-HMAC-SHA256 of the PIN"
printf '2468\n' | "$kiosk" --hash-pin >/dev/null 2>&1 && fail "--hash-pin accepted the example PIN"
printf '12ab\n' | "$kiosk" --hash-pin >/dev/null 2>&1 && fail "--hash-pin accepted letters"
"$kiosk" --check-config --config "$src/config/kiosk.json" >"$work/check.out" 2>&1 ||
    fail "the shipped config does not check: $(cat "$work/check.out")"
grep -q "warning: kiosk.admin_pin_sha256: this is the example PIN" "$work/check.out" ||
    fail "no warning about the shipped example PIN: $(cat "$work/check.out")"
make_config "$work/own.json" "c['kiosk']['admin_pin_sha256'] = '$value'"
"$kiosk" --check-config --config "$work/own.json" >"$work/check.out" 2>&1 ||
    fail "a config with --hash-pin's value does not check: $(cat "$work/check.out")"
grep -q "admin_pin" "$work/check.out" && fail "a warning about an own PIN: $(cat "$work/check.out")"
echo "ok: --hash-pin from a pipe: $value"

# 3. no display
rc=0
env -u DISPLAY -u WAYLAND_DISPLAY "$kiosk" --config "$work/kiosk.json" >"$work/nodisplay.out" 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "without a display the kiosk exited $rc: $(cat "$work/nodisplay.out")"
grep -q "no display to show the kiosk on.*--screenshot" "$work/nodisplay.out" ||
    fail "no clear message without a display: $(cat "$work/nodisplay.out")"
echo "ok: no display -> exit 1: $(grep -o 'no display.*' "$work/nodisplay.out")"
echo "PASS: no way out, the PIN's hash"
