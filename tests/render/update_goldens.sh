#!/bin/sh
# Regenerates the reference images of the golden test (tests/render/golden/)
# from the current drawing code. Run it only when a change of the screens is
# intended, look at every picture it writes, and commit them with the change:
#   cmake --build build && tests/render/update_goldens.sh [build/kiosk/kiosk]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
kiosk=${1:-$here/../../build/kiosk/kiosk}
. "$here/golden_common.sh"
mkdir -p "$here/golden"
while read -r screen lang; do
    case "$screen" in ''|'#'*) continue ;; esac
    name=$(golden_name "$screen" "$lang")
    golden_shot "$kiosk" "$screen" "$lang" "$here/golden/$name.png"
    echo "wrote tests/render/golden/$name.png"
done < "$here/golden_list.txt"
