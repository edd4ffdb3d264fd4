#!/bin/bash
# The text store (kiosk/ui/ui_text_store.c): home's first frame drawn from
# the text the last start kept, and every file it must not trust.
#  1. no file: the first frame comes from the fonts, then the file is written
#  2. the next start loads it and finds its first frame in it (all of it, or
#     all but the few texts that changed with the time, such as the clock's
#     minute if it turned in between)
#  3. a file cut short, and one with a byte changed: not used, said why in
#     the log; the kiosk starts and writes a good file again
#  4. another kiosk binary (a rebuild or an upgrade): the signature differs
#  5. a cache folder that cannot be made: the kiosk starts all the same and
#     says the next start draws from the fonts
# Usage: store_test.sh KIOSK_BINARY SOURCE_DIR OUT_DIR
. "$(dirname "$0")/lib.sh" "$@"

store=$XDG_CACHE_HOME/sapporo-counter-kiosk/first-frame-text
make_config "$work/kiosk.json"
start_xvfb

written='text store: [0-9]* texts, [0-9]* widths, [0-9]* line heights written'
# Starts the kiosk, checks the store's line before the first frame, waits
# for the save after it (start-up step 0), stops the kiosk.
start_expect() { # pattern-before-first-frame pattern-after
    start_kiosk
    grep -q -- "$1" "$log" || fail "no '$1' in the log"
    wait_log "$2" 10
    stop_kiosk
}

[ ! -e "$store" ] || fail "$store is there before the first start"
start_expect "text store: not used: cannot open $store" "$written (.* not in the last one)"
[ -s "$store" ] || fail "no store written at $store"
size=$(stat -c %s "$store")
echo "1: first start drew from the fonts and wrote $size bytes"

start_expect "text store: [0-9]* texts, [0-9]* widths, [0-9]* line heights from" \
    "\(text store: the first frame was all in it\|$written\)"
# All of it, or all but what changed with the time in between (the clock's
# minute: its text and its width): a few items, not the whole frame.
missed=$(sed -n 's/.* line heights written (\([0-9]*\) not in the last one).*/\1/p' "$log")
[ -z "$missed" ] || [ "$missed" -le 6 ] || fail "the second start missed $missed items of its store"
echo "2: the next start found its first frame in the store${missed:+ but $missed items}"

truncate -s $((size / 2)) "$store"
start_expect "text store: not used: checksum differs" "$written"
[ "$(stat -c %s "$store")" -gt $((size / 2)) ] || fail "the cut file was not written again"
python3 - "$store" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
b[len(b) // 2] ^= 0x5A
open(p, "wb").write(bytes(b))
PY
start_expect "text store: not used: checksum differs" "$written"
printf 'KTXSTOR0' | dd of="$store" conv=notrunc status=none
start_expect "text store: not used: not a text store of this version" "$written"
echo "3: a file cut short, a changed byte and an older version were not used, and written again"

cp "$kiosk" "$work/kiosk-rebuilt"
kiosk=$work/kiosk-rebuilt
start_expect "text store: not used: signature differs" "$written"
echo "4: another kiosk binary did not trust the last one's store"

: >"$work/not-a-folder"
XDG_CACHE_HOME=$work/not-a-folder start_expect "text store: not used: cannot open" \
    "text store: cannot create $work/not-a-folder/sapporo-counter-kiosk: .* (the next start draws its first frame from the fonts)"
echo "5: a cache folder that cannot be made: started all the same"
echo "PASS: text store"
