#!/bin/sh
# Test launcher: notes each SIGTERM in $LAUNCHER_RECORD and keeps running, so
# only the SIGKILL after the grace period ends it.
out=${LAUNCHER_RECORD:?set LAUNCHER_RECORD}
trap 'echo term >> "$out"' TERM
echo started > "$out"
while :; do
    sleep 1
done
