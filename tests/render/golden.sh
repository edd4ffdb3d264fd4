#!/bin/sh
# golden.sh KIOSK IMGCMP GOLDEN_DIR OUT_DIR
# Draws the screens of golden_list.txt and compares each with its
# reference image under a tolerance; on a mismatch OUT_DIR has the new
# picture and NAME_diff.png. References change only through
# tests/render/update_goldens.sh, never here.
set -u
kiosk=$1 imgcmp=$2 golden=$3 out=$4
here=$(dirname "$0")
. "$here/golden_common.sh"
mkdir -p "$out"
fail=0 n=0
while read -r screen lang; do
    case "$screen" in ''|'#'*) continue ;; esac
    name=$(golden_name "$screen" "$lang")
    n=$((n + 1))
    if ! golden_shot "$kiosk" "$screen" "$lang" "$out/$name.png"; then
        echo "FAIL: $name: screenshot failed"; fail=$((fail + 1)); continue
    fi
    if [ ! -f "$golden/$name.png" ]; then
        echo "FAIL: $name: no reference $golden/$name.png (make it with tests/render/update_goldens.sh)"
        fail=$((fail + 1)); continue
    fi
    if ! "$imgcmp" "$out/$name.png" "$golden/$name.png" "$out/${name}_diff.png"; then
        echo "FAIL: $name differs from its reference: see $out/${name}_diff.png;"
        echo "      if the change is intended, run tests/render/update_goldens.sh"
        fail=$((fail + 1))
    fi
done < "$here/golden_list.txt"
echo "golden: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
