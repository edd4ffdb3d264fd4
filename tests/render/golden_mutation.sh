#!/bin/sh
# golden_mutation.sh KIOSK IMGCMP GOLDEN_DIR OUT_DIR
# Proves the golden comparison catches one wrong character: copies of the
# shipped config with one small change each are drawn by the real binary
# and compared with the reference; each must be reported as different
# (imgcmp exit 1), and an unchanged copy must match (exit 0). Anything
# else (a screenshot that fails, imgcmp unable to compare: exit 2) fails
# the test, so it cannot pass by breaking.
set -u
kiosk=$1 imgcmp=$2 golden=$3 out=$4
here=$(dirname "$0")
. "$here/golden_common.sh"
mkdir -p "$out"
fail=0

# mutate NAME SED_EXPR: $out/NAME.json, the shipped config changed by SED_EXPR.
mutate() {
    golden_config shipped "$out/clean.json" || return 1
    sed "$2" "$out/clean.json" > "$out/$1.json" || return 1
    if cmp -s "$out/clean.json" "$out/$1.json"; then
        echo "FAIL: mutation $1 changed nothing: config/kiosk.json no longer has its text"
        return 1
    fi
}

# check CONFIG REFERENCE SCREEN LANG WANT: draws SCREEN with CONFIG at the
# reference's size and time, compares with golden/REFERENCE.png, wants
# imgcmp's exit WANT (0 match, 1 differs).
check() {
    cfg=$1 ref=$2 screen=$3 lang=$4 want=$5
    png="$out/$(basename "$cfg" .json)_$ref.png"
    if ! golden_shot "$kiosk" "$out/$cfg" "$png" 1920x1080 "$screen" "$lang"; then
        echo "FAIL: $cfg $screen: screenshot failed"; fail=$((fail + 1)); return
    fi
    "$imgcmp" "$png" "$golden/$ref.png" "${png%.png}_diff.png"
    got=$?
    case "$got" in
    "$want") echo "ok: $cfg against $ref: imgcmp exit $got as wanted" ;;
    0|1) echo "FAIL: $cfg against $ref: imgcmp exit $got, wanted $want"; fail=$((fail + 1)) ;;
    *) echo "FAIL: $cfg against $ref: imgcmp could not compare (exit $got)"; fail=$((fail + 1)) ;;
    esac
}

mutate kpi '0,/"value": 28.9/s//"value": 28.3/' || exit 1
mutate title 's/"Sapporo Area Remote Consultation Counter"/"Sapporo Area Remote Consultation Countor"/' || exit 1
mutate tagline 's/"Connections create a new future"/"Connections create a new futura"/' || exit 1

# A KPI value one digit off, on the KPI screen.
check kpi.json kpi_en kpi en 1
# One letter of the title, where it is smallest: the header of a screen.
check title.json municipalities_en municipalities en 1
# One letter of the tagline, on home.
check tagline.json home_en home en 1
# The unchanged copy matches all three.
check clean.json kpi_en kpi en 0
check clean.json municipalities_en municipalities en 0
check clean.json home_en home en 0

if [ "$fail" -eq 0 ]; then echo "golden_mutation: all 3 mutations caught, the clean copy matches"; fi
[ "$fail" -eq 0 ]
