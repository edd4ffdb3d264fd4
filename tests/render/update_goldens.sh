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
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
golden_write() { # NAME CONFIG SIZE SCREEN LANG [OPTIONS...]
    name=$1 cfg=$2
    shift 2
    golden_shot "$kiosk" "$cfg" "$here/golden/$name.png" "$@" || exit 1
    echo "wrote tests/render/golden/$name.png"
}
mkdir "$tmp/config"
golden_each golden_write "$tmp/config"
