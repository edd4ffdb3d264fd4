#!/bin/bash
# The shipped Chromium launcher, for real: the kiosk starts Debian's
# Chromium with config/kiosk.json's own argv on Tobetsu's call URL
# (https://meet.example.jp/tobetsu-<session>, mapped to a local HTTPS page
# that asks for camera and microphone and then closes itself). Nothing may
# stop it on the way: no first-run dialog, no permission prompt. Afterwards
# the kiosk is back, no Chromium process is left, the profile is gone.
# Only test-only flags are added: --no-sandbox (CI runs as root),
# --ignore-certificate-errors and --host-resolver-rules (the local page),
# --use-fake-device-for-media-stream (no camera in CI). The camera is
# granted by the managed policy kiosk --print-browser-policy makes (the
# shipped launcher has no --use-fake-ui-for-media-stream), installed for the
# test as the service does.
# Usage: chromium_test.sh KIOSK_BINARY SOURCE_DIR OUT_DIR   (exit 77: skipped)
chromium=/usr/bin/chromium
[ -x "$chromium" ] || { echo "SKIP: $chromium is not installed"; exit 77; }
. "$(dirname "$0")/lib.sh" "$@"

start_call_page
chromium_call "MAP meet.example.jp 127.0.0.1:$port"
screenshot "$out/chromium_call.png"
grep -q "^media-ok /tobetsu-[0-9a-f]\{32\}$" "$work/reports" ||
    fail "the call page did not get camera and microphone: $(cat "$work/reports" 2>/dev/null)"
# The browser is the kiosk's child (other tests may run calls meanwhile).
profile=$(ps -o args= --ppid "$kpid" | sed -n 's/.*--user-data-dir=\([^ ]*\).*/\1/p' | head -n1)
[ -n "$profile" ] || fail "no Chromium child of the kiosk with a profile"
wait_log "screen in-call -> thanks" 20
[ -z "$profile" ] || [ ! -e "$profile" ] || fail "profile $profile left after the call"
sleep 1
left=$(ps -eo stat=,comm= | awk '$1 !~ /^Z/ && $2 == "chromium"' | wc -l)
[ "$left" -eq 0 ] || fail "$left Chromium processes left: $(ps -eo pid,stat,comm,args | awk '$3 == "chromium"')"
stop_kiosk
echo "PASS: shipped Chromium launcher: page loaded, camera granted without a prompt, window.close ended the call, nothing left"
