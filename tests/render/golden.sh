#!/bin/sh
# golden.sh KIOSK IMGCMP GOLDEN_DIR OUT_DIR
# Draws the screens of golden_list.txt and compares each with its
# reference image (tolerance in imgcmp.c); on a mismatch OUT_DIR has the
# new picture and NAME_diff.png. References change only through
# tests/render/update_goldens.sh, never here.
set -u
kiosk=$1 imgcmp=$2 golden=$3 out=$4
here=$(dirname "$0")
. "$here/golden_common.sh"
mkdir -p "$out/config"
fail=0 n=0
golden_check() { # NAME CONFIG SIZE SCREEN LANG [OPTIONS...]
    name=$1 cfg=$2
    shift 2
    n=$((n + 1))
    if ! golden_shot "$kiosk" "$cfg" "$out/$name.png" "$@"; then
        echo "FAIL: $name: screenshot failed"; fail=$((fail + 1)); return
    fi
    if [ ! -f "$golden/$name.png" ]; then
        echo "FAIL: $name: no reference $golden/$name.png (make it with tests/render/update_goldens.sh)"
        fail=$((fail + 1)); return
    fi
    "$imgcmp" "$out/$name.png" "$golden/$name.png" "$out/${name}_diff.png"
    case $? in
    0) ;;
    1) echo "FAIL: $name differs from its reference: see $out/${name}_diff.png;"
       echo "      if the change is intended, run tests/render/update_goldens.sh"
       fail=$((fail + 1)) ;;
    *) echo "FAIL: $name: imgcmp could not compare"; fail=$((fail + 1)) ;;
    esac
}
golden_each golden_check "$out/config" || { echo "FAIL: golden_list.txt or its configs"; exit 1; }
# A reference no line draws any more is a leftover: remove it or list it.
for png in "$golden"/*.png; do
    name=$(basename "$png" .png)
    grep -q "^$name " "$here/golden_list.txt" ||
        { echo "FAIL: $png is in no line of golden_list.txt"; fail=$((fail + 1)); }
done
# Two references that are the same picture mean an option (a status, a
# mode) did not reach the screen, or one of them is redundant.
dups=$(cd "$golden" && md5sum -- *.png | sort | uniq -w32 -D | cut -c35-)
if [ -n "$dups" ]; then
    echo "FAIL: these references are identical:" $dups; fail=$((fail + 1))
fi
echo "golden: $((n - fail)) passed, $fail failed"
[ "$n" -gt 0 ] && [ "$fail" -eq 0 ]
