#!/bin/sh
# Test launcher: records what the kiosk gave it, then stays 2 s like a short
# call. $LAUNCHER_RECORD names the record file, written whole at once (mv):
#   arg <one line per argv item after $0>
#   fd <n> <target>   one line per descriptor inherited from the kiosk
# The fds are listed by a child (ls) so the shell's own script descriptor
# (close-on-exec) is not counted; ls's own handle on /proc/self/fd is dropped.
out=${LAUNCHER_RECORD:?set LAUNCHER_RECORD}
{
    for a in "$@"; do
        printf 'arg %s\n' "$a"
    done
    ls -l /proc/self/fd | awk 'NR > 1 && $NF !~ /^\/proc\/[0-9]+\/fd$/ { print "fd", $(NF-2), $NF }'
} > "$out.tmp"
mv "$out.tmp" "$out"
sleep 2
