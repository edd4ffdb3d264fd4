#!/bin/sh
# Test launcher: a call that never ends by itself; launcher_request_stop's
# SIGTERM to the process group ends it (and the sleep it waits for).
while :; do
    sleep 60
done
