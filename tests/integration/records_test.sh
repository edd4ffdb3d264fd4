#!/bin/bash
# One kiosk per records file, and log rotation, with the real kiosk:
#  1. a second kiosk on the same kiosk.stats_path exits 1 at once with a
#     message naming the file and the first kiosk's pid, and opens no
#     window; --check-config and --screenshot on the same config still run
#     (they write no records); the first kiosk goes on and writes;
#  2. the records file renamed while the kiosk runs (logrotate without
#     copytruncate): the next tap's record goes to a new file at the path,
#     none to the renamed one, and the lock moved with it (a second kiosk is
#     refused on the new file);
#  3. the file removed: created again at the next record.
# Usage: records_test.sh KIOSK_BINARY SOURCE_DIR OUT_DIR
. "$(dirname "$0")/lib.sh" "$@"

stats=$work/stats.jsonl
make_config "$work/kiosk.json" "
c['kiosk']['idle_timeout_s'] = 600
c['kiosk']['stats_path'] = 'stats.jsonl'
c['kiosk']['metrics_path'] = 'kiosk.prom'
"
start_xvfb
start_kiosk
read -r sx sy <<<"$(target home SERVICES 0)"
read -r hx hy <<<"$(target services HOME 0)"
# A tap that changes the screen, and its record in file (a services view).
views() { # file screen
    [ -f "$1" ] || { echo 0; return; }
    python3 -c 'import json, sys
print(sum(1 for l in open(sys.argv[1], encoding="utf-8") if json.loads(l).get("screen") == sys.argv[2]))' "$1" "$2"
}
round_trip() {
    local n
    n=$(log_lines)
    click "$sx" "$sy"
    wait_new "$n" "screen home -> services" 5
    click "$hx" "$hy"
    wait_new "$n" "screen services -> home" 5
}
wait_views() { # file screen count
    for _ in $(seq 1 50); do [ "$(views "$1" "$2")" -ge "$3" ] && return 0; sleep 0.1; done
    fail "$1 has $(views "$1" "$2") $2 views, want $3"
}
# A second kiosk on this config: refused, exit 1, the file and the pid named.
second_refused() { # what
    local rc=0 start ms
    start=$(date +%s%N)
    timeout 20 "$kiosk" --config "$work/kiosk.json" --windowed=640x360 >"$work/second.log" 2>&1 || rc=$?
    ms=$((($(date +%s%N) - start) / 1000000))
    [ "$rc" = 1 ] || fail "$1: the second kiosk exited $rc (want 1): $(cat "$work/second.log")"
    grep -q "records file $stats is in use by another kiosk (pid $kpid)" "$work/second.log" ||
        fail "$1: no message naming the file and pid $kpid: $(cat "$work/second.log")"
    check_sanitizers "$work/second.log" "the second kiosk"
    [ "$(xdotool search --name '^kiosk$' | wc -l)" = 1 ] || fail "$1: a second kiosk window"
    kill -0 "$kpid" || fail "$1: the first kiosk died"
    echo "ok: $1: second kiosk refused in $ms ms: $(grep -o 'records file.*' "$work/second.log")"
}

round_trip
wait_views "$stats" services 1
second_refused "same records file"
"$kiosk" --check-config --config "$work/kiosk.json" >"$work/check.out" 2>&1 ||
    fail "--check-config beside a running kiosk: $(cat "$work/check.out")"
headless --config "$work/kiosk.json" --screenshot "$work/shot.png" --screen home --size 640x360
round_trip
wait_views "$stats" services 2
grep -q "usage records are not kept\|in use by another kiosk" "$log" &&
    fail "the first kiosk complains: $(grep 'not kept\|in use' "$log")"
echo "ok: --check-config and --screenshot run beside it; the first kiosk still writes"

# 2. Rotation by rename.
mv "$stats" "$stats.1"
before=$(wc -l <"$stats.1")
n=$(log_lines)
round_trip
wait_views "$stats" services 1
wait_new "$n" "$stats was renamed or removed: usage records go to a new $stats" 5
[ "$(wc -l <"$stats.1")" = "$before" ] || fail "the renamed file got new records"
second_refused "after rotation"
echo "ok: rotation: the new file takes the records, the renamed one is left ($before lines)"

# 3. Removed: made again.
rm "$stats"
round_trip
wait_views "$stats" services 1
[ "$(wc -l <"$stats.1")" = "$before" ] || fail "the renamed file got new records"
echo "ok: removed: a new file at the path"
stop_kiosk
python3 - "$stats" "$stats.1" <<'PY' || fail "a torn or broken records line"
import json, sys
for f in sys.argv[1:]:
    for l in open(f, encoding="utf-8"):
        json.loads(l)
PY
echo "PASS: one kiosk per records file; rotation by rename or removal"
