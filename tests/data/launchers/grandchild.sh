#!/bin/sh
# Test launcher: starts a grandchild that ignores SIGTERM (like a browser
# helper that hangs) and writes its pid to $LAUNCHER_RECORD.
#   grandchild.sh stay   keeps running until stopped
#   grandchild.sh exit   exits (status 0) after 1.2 s, leaving it behind
# Either way the launcher must end the grandchild through the process group.
out=${LAUNCHER_RECORD:?set LAUNCHER_RECORD}
sh -c 'trap "" TERM; exec sleep 600' &
echo "$!" > "$out.tmp"
mv "$out.tmp" "$out"
if [ "$1" = exit ]; then
    sleep 1.2
    exit 0
fi
while :; do
    sleep 60
done
