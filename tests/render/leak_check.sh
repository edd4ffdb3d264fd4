#!/bin/sh
# leak_check.sh LEAK_PROBE SRC (sanitizer build): LSan, with the project's
# suppressions, must report the surface leak_probe --leak leaks on purpose:
# a direct leak allocated inside libSDL2 with leak_probe.c in its stack, and
# no other leak. Fails if the leak goes unreported (a suppression too broad,
# leak detection off) or if the report does not reach our frame.
# fast_unwind_on_malloc=0: the default unwinder follows frame pointers and
# stops inside libSDL2 (built without them), so the stack would end there
# and never name our file.
set -u
probe=$1 src=$2
out=$(LSAN_OPTIONS="suppressions=$src/tests/lsan.supp:print_suppressions=0" \
    ASAN_OPTIONS="detect_leaks=1:fast_unwind_on_malloc=0" "$probe" "$src" --leak 2>&1)
rc=$?
fail() { echo "FAIL: $*"; echo "--- leak_probe --leak said (exit $rc):"; echo "$out"; exit 1; }
[ "$rc" -ne 0 ] || fail "exit 0: the deliberate leak was not reported"
echo "$out" | grep -q "ERROR: LeakSanitizer: detected memory leaks" || fail "no LeakSanitizer report"
# One block per leak: from its "... leak of" line to the blank line.
blocks=$(echo "$out" | awk '/^(Direct|Indirect) leak of /{on=1} on&&/^$/{on=0; print "--"} on')
direct=$(echo "$blocks" | awk '/^Direct leak of /{on=1} on&&/^--$/{exit} on')
echo "$direct" | grep -q "libSDL2" || fail "the direct leak was not allocated inside libSDL2"
echo "$direct" | grep -qE "in leak_probe_frame .*leak_probe\.c:[0-9]+" ||
    fail "leak_probe.c is not in the direct leak's stack"
# Every leak reported is the surface (its struct, pixels, format): none of ours
# or of the libraries' that the suppressions should have covered.
others=$(echo "$blocks" | awk 'BEGIN{RS="--\n"} NF && !/leak_probe\.c/' | head -20)
[ -z "$others" ] || fail "leaks other than the deliberate one: $others"
echo "the deliberate leak is reported:"
echo "$direct"
