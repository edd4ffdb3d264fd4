#!/bin/bash
# Bounded inputs, through kiosk --check-config (no display needed):
#  - a PNG bomb (a ~50 KB file that declares 20000x20000) as an emblem is
#    refused from its header, fast and without the gigabytes a decode takes;
#  - a FIFO in place of the config is refused at once (never blocks);
#  - stats_path naming the config itself, and metrics_path naming the
#    stats file, are errors, also through the metrics' PATH.tmp;
#  - records or metrics inside the kiosk's data folder (here the source
#    tree) are errors, and the kiosk refuses to start on them;
#  - a relative font or emblem path that climbs out of its folder with
#    `..` is an error naming the key and the value;
#  - a plain-http notify_url is an error unless it goes to loopback.
# Usage: inputs_test.sh KIOSK_BINARY SOURCE_DIR OUT_DIR
. "$(dirname "$0")/lib.sh" "$@"
python3 - "$work/bomb.png" <<'PY'
import struct, sys, zlib
w = h = 20000
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
raw = zlib.compress(b"".join(b"\0" + bytes(w // 8) for _ in range(h)), 9)
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 1, 0, 0, 0, 0))
                              + chunk(b"IDAT", raw) + chunk(b"IEND", b""))
PY
size=$(stat -c %s "$work/bomb.png")
make_config "$work/kiosk.json" "c['municipalities'][0]['emblem'] = 'bomb.png'"
start=$(date +%s%N)
rc=0
/usr/bin/time -f "%M" -o "$work/rss" "$kiosk" --check-config --config "$work/kiosk.json" >"$work/out" 2>&1 || rc=$?
ms=$((($(date +%s%N) - start) / 1000000))
rss=$(tail -n1 "$work/rss")
[ "$rc" = 1 ] || fail "the PNG bomb passed --check-config (exit $rc): $(cat "$work/out")"
grep -q "20000x20000 pixels: at most 4096x4096" "$work/out" || fail "no size message: $(cat "$work/out")"
[ "$rss" -lt 200000 ] || fail "checking the bomb took $rss KB of memory"
echo "ok: PNG bomb ($size bytes, 20000x20000) refused in $ms ms, max RSS $rss KB"

mkfifo "$work/fifo.json"
rc=0
timeout 10 "$kiosk" --check-config --config "$work/fifo.json" >"$work/out" 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "--check-config on a FIFO exited $rc (124: it blocked): $(cat "$work/out")"
grep -q "it is a FIFO (named pipe), not a regular file" "$work/out" || fail "$(cat "$work/out")"
echo "ok: FIFO config refused at once: $(cat "$work/out")"

make_config "$work/kiosk.json" "c['kiosk']['stats_path'] = 'kiosk.json'"
rc=0
"$kiosk" --check-config --config "$work/kiosk.json" >"$work/out" 2>&1 || rc=$?
[ "$rc" = 1 ] && grep -q "kiosk.stats_path: \`kiosk.json\` is this config file" "$work/out" ||
    fail "stats_path = the config passed: $(cat "$work/out")"
make_config "$work/kiosk.json" "c['kiosk']['stats_path'] = 's.jsonl'; c['kiosk']['metrics_path'] = './s.jsonl'"
rc=0
"$kiosk" --check-config --config "$work/kiosk.json" >"$work/out" 2>&1 || rc=$?
[ "$rc" = 1 ] && grep -q "kiosk.metrics_path: \`./s.jsonl\` is also kiosk.stats_path" "$work/out" ||
    fail "metrics_path = stats_path passed: $(cat "$work/out")"
make_config "$work/kiosk.json" "c['kiosk']['stats_path'] = 's.prom.tmp'; c['kiosk']['metrics_path'] = 's.prom'"
rc=0
"$kiosk" --check-config --config "$work/kiosk.json" >"$work/out" 2>&1 || rc=$?
[ "$rc" = 1 ] && grep -q "kiosk.metrics_path: \`s.prom\` is written to \`s.prom.tmp\` first and renamed over, and that file is \`kiosk.stats_path\`" "$work/out" ||
    fail "metrics_path.tmp = stats_path passed: $(cat "$work/out")"
cp "$work/kiosk.json" "$work/k.json.tmp"
make_config "$work/k.json.tmp" "c['kiosk']['metrics_path'] = 'k.json'"
rc=0
"$kiosk" --check-config --config "$work/k.json.tmp" >"$work/out" 2>&1 || rc=$?
[ "$rc" = 1 ] && grep -q "kiosk.metrics_path: \`k.json\` is written to \`k.json.tmp\` first and renamed over, and that file is \`$work/k.json.tmp\`" "$work/out" ||
    fail "metrics_path.tmp = the config passed: $(cat "$work/out")"
echo "ok: records or metrics on the config or on each other refused"
make_config "$work/kiosk.json" "c['kiosk']['stats_path'] = '$work/s.jsonl'; c['kiosk']['metrics_path'] = '$src/tests/kiosk.prom'"
rc=0
"$kiosk" --check-config --config "$work/kiosk.json" >"$work/out" 2>&1 || rc=$?
[ "$rc" = 1 ] && grep -q "error: kiosk.metrics_path: \`$src/tests/kiosk.prom\` is inside the kiosk's data folder $(realpath "$src")" "$work/out" ||
    fail "metrics inside the data folder passed: $(cat "$work/out")"
grep -q "kiosk.stats_path" "$work/out" && fail "stats_path outside the data folder refused: $(cat "$work/out")"
rc=0
timeout 20 "$kiosk" --config "$work/kiosk.json" --windowed >"$work/out" 2>&1 || rc=$?
[ "$rc" = 1 ] && grep -q "has errors: fix them" "$work/out" ||
    fail "the kiosk started with metrics inside its data folder (exit $rc): $(cat "$work/out")"
[ ! -e "$src/tests/kiosk.prom" ] || fail "the kiosk wrote $src/tests/kiosk.prom"
echo "ok: records inside the data folder refused by the checker and at start"
make_config "$work/kiosk.json" "
c['kiosk']['fonts']['ja'] = ['../../../../etc/passwd']
c['municipalities'][1]['emblem'] = 'emblems/../../../etc/passwd'"
rc=0
"$kiosk" --check-config --config "$work/kiosk.json" >"$work/out" 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "paths out of their folders passed (exit $rc): $(cat "$work/out")"
grep -q "error: kiosk.fonts.ja\[0\]: \`../../../../etc/passwd\` leaves the folder" "$work/out" ||
    fail "no font path message: $(cat "$work/out")"
grep -q "error: municipalities\[1\] (.*).emblem: \`emblems/../../../etc/passwd\` leaves the folder \`$work\`" "$work/out" ||
    fail "no emblem path message: $(cat "$work/out")"
echo "ok: font and emblem paths out of their folders refused"
make_config "$work/kiosk.json" "c['municipalities'][0]['call']['notify_url'] = 'http://clerk.example.jp/notify'"
rc=0
"$kiosk" --check-config --config "$work/kiosk.json" >"$work/out" 2>&1 || rc=$?
[ "$rc" = 1 ] && grep -q "notify_url must start with https://" "$work/out" ||
    fail "a plain-http notify_url to another host passed: $(cat "$work/out")"
make_config "$work/kiosk.json" "c['municipalities'][0]['call']['notify_url'] = 'http://127.0.0.1:9/notify'"
"$kiosk" --check-config --config "$work/kiosk.json" >"$work/out" 2>&1 ||
    fail "a loopback http notify_url was refused: $(cat "$work/out")"
echo "ok: notify_url https only, except to loopback"
echo "PASS: bounded inputs"
