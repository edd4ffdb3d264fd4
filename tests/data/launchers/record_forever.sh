#!/bin/sh
# Test launcher: a call that never ends by itself. Records its argv and its
# pid in $LAUNCHER_RECORD (written whole, by rename), then waits; only the
# kiosk's stop (End call, max_minutes, the kiosk quitting) ends it.
out=${LAUNCHER_RECORD:?set LAUNCHER_RECORD}
{
    for a in "$@"; do
        printf 'arg %s\n' "$a"
    done
    printf 'pid %s\n' "$$"
} >"$out.tmp"
mv "$out.tmp" "$out"
while :; do
    sleep 60
done
