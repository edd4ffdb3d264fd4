#!/bin/bash
# The project never writes these (curl's way): unbounded copies and parsers
# that cannot report failure. Fails listing every use found in kiosk/.
set -u
src=${1:-$(dirname "$0")/../kiosk}
hits=$(grep -rnE '\b(strcpy|stpcpy|sprintf|vsprintf|strcat|atoi|atol|atof|strtok|gets)\s*\(' \
    --include='*.c' --include='*.h' "$src" | grep -v '^\s*//' || true)
if [ -n "$hits" ]; then
    echo "banned functions used:"
    echo "$hits"
    exit 1
fi
echo "no banned functions in $src"
