#!/bin/bash
# Many starts in a row, as after a power cut or the service manager's
# restarts: each must show its first frame. The kiosk opens its fonts on a
# thread while SDL_Init runs (MeCab then had a thread too); with no D-Bus
# session bus, SDL's input-method set-up made libdbus fork to run
# dbus-launch, and that fork beside the threads hung SDL_Init in 1 start of
# 40 (2 of 98 tests under ASan). run.c tells libdbus there is no bus while
# SDL starts.
# Usage: starts_test.sh KIOSK_BINARY SOURCE_DIR OUT_DIR
. "$(dirname "$0")/lib.sh" "$@"

unset DBUS_SESSION_BUS_ADDRESS # the kiosk session under xinit has none
make_config "$work/kiosk.json"
start_xvfb
starts=${KIOSK_STARTS:-60}
for i in $(seq 1 "$starts"); do
    start_kiosk # fails when no first frame comes within 10 s
    stop_kiosk
done
echo "PASS: $starts starts in a row, each with its first frame"
