#!/bin/bash
# The records writer on a full disk, with the real kiosk: stats_path and
# metrics_path on a small tmpfs of their own, filled up while a visitor
# taps. The kiosk keeps answering, the records file never holds a torn
# line, the log says records and metrics are not kept, and once space
# returns writing resumes (new events in the file, fresh metrics).
# Needs root for mount (CI runs as root); runs in a private mount namespace
# (unshare) so that nothing stays mounted whatever happens. Exit 77 (skip)
# where mounting is not permitted: CI counts a skip as a failure.
# Usage: diskfull_test.sh KIOSK_BINARY SOURCE_DIR OUT_DIR
if [ -z "${DISKFULL_NS:-}" ]; then
    if ! unshare --mount --propagation private true 2>/dev/null; then
        echo "SKIP: no private mount namespace here (unshare --mount needs root)"
        exit 77
    fi
    DISKFULL_NS=1 exec unshare --mount --propagation private "$0" "$@"
fi
. "$(dirname "$0")/lib.sh" "$@"

mkdir "$work/rec"
mount -t tmpfs -o size=256k,mode=0755 kiosk-records "$work/rec" || fail "mount tmpfs"
mounts+=("$work/rec")
stats=$work/rec/stats.jsonl
prom=$work/rec/kiosk.prom
make_config "$work/kiosk.json" "
c['kiosk']['idle_timeout_s'] = 600
c['kiosk']['stats_path'] = '$stats'
c['kiosk']['metrics_path'] = '$prom'
"
start_xvfb
start_kiosk

# Back and forth between home and services: two screen views a round.
read -r sx sy <<<"$(target home SERVICES 0)"
read -r hx hy <<<"$(target services HOME 0)"
slowest=0
visit() { # rounds
    local n t0 ms
    for _ in $(seq 1 "$1"); do
        for step in "$sx $sy home -> services" "$hx $hy services -> home"; do
            set -- $step
            n=$(log_lines)
            t0=$(date +%s%N)
            click "$1" "$2"
            wait_new "$n" "screen $3 $4 $5" 3
            ms=$((($(date +%s%N) - t0) / 1000000))
            [ "$ms" -le "$slowest" ] || slowest=$ms
        done
    done
}
lines() { wc -l <"$stats"; }
# Every line of the records file is whole JSON with a newline at its end.
whole_lines() {
    python3 - "$stats" <<'PY' || fail "torn or broken records line"
import json, sys
data = open(sys.argv[1], "rb").read()
assert data.endswith(b"\n"), "no newline at the end: %r" % data[-80:]
for i, l in enumerate(data.split(b"\n")[:-1]):
    json.loads(l)  # raises on a torn line
print("ok: %d whole lines" % data.count(b"\n"))
PY
}

visit 2
for _ in $(seq 1 50); do [ -s "$prom" ] && break; sleep 0.2; done
[ -s "$prom" ] || fail "no metrics file"
[ "$(lines)" -ge 5 ] || fail "only $(lines) records before the disk filled"
whole_lines

# Fill the disk: whatever is left, to the last block.
n=$(log_lines)
dd if=/dev/zero of="$work/rec/filler" bs=4k status=none 2>/dev/null || true
[ "$(df --output=avail "$work/rec" | tail -n 1 | tr -d ' ')" = 0 ] || fail "the tmpfs is not full"
before=$(lines)
# The records file's last page still takes a few KiB: tap on until a line
# no longer fits (a short write, cut off again) and the writer says so.
for round in $(seq 1 40); do
    visit 1
    tail -n +$((n + 1)) "$log" | grep -q "usage records are not kept" && break
done
wait_new "$n" "cannot write $stats: No space left on device: usage records are not kept" 5
visit 3 # and on, with the disk full
full_lines=$(lines)
whole_lines
wait_new "$n" "cannot write $prom (write): No space left on device: metrics are not updated" 15
[ "$(grep -c "usage records are not kept" "$log")" -eq 1 ] ||
    fail "the full disk is logged more than once: $(grep -c "not kept" "$log") times"
! tail -n +$((n + 1)) "$log" | grep -q "writing usage records again" ||
    fail "the log says records are written again while the disk is full"
echo "ok: disk full after $round rounds: $before -> $full_lines records, every line whole," \
    "the log says so; slowest touch ${slowest} ms"

# Space returns: writing resumes.
n=$(log_lines)
rm "$work/rec/filler"
visit 1
wait_new "$n" "$stats: writing usage records again" 5
wait_new "$n" "$prom: writing metrics again" 15
[ "$(lines)" -gt "$full_lines" ] || fail "no new records after space returned"
whole_lines
python3 - "$stats" "$full_lines" <<'PY' || fail "no screen view in the records after space returned"
import json, sys
new = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8").read().splitlines()[int(sys.argv[2]):]]
assert any(e.get("screen") == "services" for e in new), new
PY
stop_kiosk
grep -q '^kiosk_up 0$' "$prom" || fail "metrics after stop: $(grep kiosk_up "$prom")"
[ "$slowest" -le 1000 ] || fail "a touch took $slowest ms while the disk was full"
echo "PASS: full disk: touches answered (slowest ${slowest} ms), no torn line, logged, resumed"
