#!/bin/sh
# Test launcher: a browser that cannot start (exits at once with status 1).
exit 1
