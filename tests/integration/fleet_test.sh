#!/bin/bash
# Central config over HTTPS (fleet.config_url) against a local server with a
# certificate made here: each case checked from the command line
# (--check-config --config-url) and on a live kiosk, which must run the good
# remote document, count every result in its metrics, keep the last good
# document through every bad answer and a restart with the server down, and
# answer a touch while a fetch hangs.
# Usage: fleet_test.sh KIOSK_BINARY SOURCE_DIR OUT_DIR
. "$(dirname "$0")/lib.sh" "$@"

# Certificates: a test CA and a server certificate for 127.0.0.1 and
# localhost signed by it; a second CA the server's certificate is not from.
cd "$work"
mkca() { # name
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.pem" -days 2 \
        -subj "/CN=$1" 2>/dev/null || fail "openssl: CA $1"
}
mkca ca
mkca otherca
openssl req -newkey rsa:2048 -nodes -keyout srv.key -out srv.csr -subj "/CN=127.0.0.1" \
    2>/dev/null || fail "openssl: server key"
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >ext
openssl x509 -req -in srv.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out srv.pem -days 2 \
    -extfile ext 2>/dev/null || fail "openssl: server certificate"
openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj "/CN=hall-a" \
    2>/dev/null || fail "openssl: client key"
openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.pem \
    -days 2 2>/dev/null || fail "openssl: client certificate"

# The remote document: the shipped config without the local-only parts,
# Tobetsu renamed so that it shows which config runs; and one that widens
# the allowed hosts.
mkdir -p docs state
python3 - "$src/config/kiosk.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
del c["kiosk"]
c["call"].pop("launcher", None)
c["call"].pop("allowed_hosts", None)
c["municipalities"][0]["name"]["en"] = "Tobetsu (central)"
json.dump(c, open("docs/kiosk.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
c["call"]["allowed_hosts"] = ["evil.example.com"]
json.dump(c, open("docs/wide.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
echo "good kiosk.json" >mode
python3 "$src/tests/integration/fleet_server.py" srv.pem srv.key docs mode port >server.log 2>&1 &
spid=$!
pids+=($spid)
for _ in $(seq 1 100); do [ -s port ] && break; sleep 0.05; done
port=$(cat port 2>/dev/null) || fail "the HTTPS server did not start: $(cat server.log)"
url=https://127.0.0.1:$port/kiosk.json
make_config "$work/kiosk.json" "
c['kiosk']['idle_timeout_s'] = 600
c['kiosk']['metrics_path'] = 'kiosk.prom'
c['fleet'] = {'config_url': '$url', 'ca_file': 'ca.pem', 'state_dir': 'state',
              'interval_s': 2, 'timeout_s': 2}
"

# 1. The command line: the same checker, FILE:LINE:COL with the URL as FILE.
check_url() { # mode expected-status pattern [config]
    local rc=0
    echo "$1" >mode
    "$kiosk" --check-config --config "${4:-$work/kiosk.json}" --config-url "$url" \
        >cli.out 2>&1 || rc=$?
    [ "$rc" = "$2" ] || fail "--config-url ($1): status $rc, not $2: $(cat cli.out)"
    grep -q -- "$3" cli.out || fail "--config-url ($1): no '$3' in: $(cat cli.out)"
    check_sanitizers cli.out "--check-config --config-url ($1)"
    echo "ok: --check-config --config-url, $1: $(grep -m1 -- "$3" cli.out)"
}
check_url "good kiosk.json" 0 "^OK: 12 municipalities"
check_url broken 1 "^$url:[0-9]*:[0-9]*: error: the file ends before"
check_url "wide wide.json" 1 "^$url:6:20: error: call.allowed_hosts: .* the whole remote document is refused"
check_url big 1 "(invalid): the document is larger than 1048576 bytes"
check_url redirect 1 "(http_error): HTTP 302: redirect to https://localhost:$port/kiosk.json refused"
check_url samehost 0 "^OK: 12 municipalities"
check_url slow 1 "(timeout): Operation timed out after"
sed 's/"ca.pem"/"otherca.pem"/' kiosk.json >wrongca.json
check_url "good kiosk.json" 1 "(http_error): SSL certificate problem" "$work/wrongca.json"
# Mutual TLS: a server that asks for a client certificate signed by the CA.
python3 "$src/tests/integration/fleet_server.py" srv.pem srv.key docs mode mport ca.pem \
    >mserver.log 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do [ -s mport ] && break; sleep 0.05; done
murl=https://127.0.0.1:$(cat mport)/kiosk.json
sed "s|$url|$murl|" kiosk.json >mtls-none.json
python3 - <<'PY'
import json
c = json.load(open("mtls-none.json", encoding="utf-8"))
c["fleet"].update(client_cert="client.pem", client_key="client.key")
json.dump(c, open("mtls.json", "w", encoding="utf-8"), ensure_ascii=False)
PY
url=$murl check_url "good kiosk.json" 0 "^OK: 12 municipalities" "$work/mtls.json"
url=$murl check_url "good kiosk.json" 1 "(http_error): " "$work/mtls-none.json"

# 2. A live kiosk: good, then unchanged (304), then every bad answer while
# the good document keeps running.
start_xvfb
echo "good kiosk.json" >mode
start_kiosk
wait_log "fleet: $url ok: ETag" 10
wait_log "config reloaded: 12 municipalities (from $url, generation" 5
gen=$(grep -o -m1 "from $url, generation [0-9a-f]*" "$log" | awk '{print $NF}')
[ -s state/fleet-last-good ] || fail "no last good document in the state folder"
wait_log "fleet: $url not_modified" 6
reloads=$(grep -c "config reloaded" "$log")
step() { # mode log-pattern
    local n
    n=$(log_lines)
    echo "$1" >mode
    wait_new "$n" "$2" 8
    echo "ok: live, $1: $(tail -n +$((n + 1)) "$log" | grep -m1 -- "$2")"
}
step broken "fleet: $url invalid: .*the file ends before"
# A touch while the next fetch hangs: answered at once.
read -r kx ky <<<"$(target home KPI 0)"
echo slow >mode
for _ in $(seq 1 100); do grep -q "slow request hangs" server.log && break; sleep 0.05; done
grep -q "slow request hangs" server.log || fail "the kiosk did not fetch during the slow mode"
n=$(log_lines)
t0=$(date +%s%N)
click "$kx" "$ky"
wait_new "$n" "screen home -> kpi" 1
ms=$((($(date +%s%N) - t0) / 1000000))
grep -q "fleet: $url timeout" <(tail -n +$((n + 1)) "$log") &&
    fail "the fetch had ended before the touch: nothing was shown"
echo "ok: a touch during the hanging fetch answered in $ms ms"
step slow "fleet: $url timeout: Operation timed out"
step "wide wide.json" "fleet: $url refused: .*call.allowed_hosts"
step big "fleet: $url invalid: the document is larger than 1048576 bytes"
step redirect "fleet: $url http_error: HTTP 302: redirect to https://localhost"
kill "$spid"
wait "$spid" 2>/dev/null || true
step down "fleet: $url http_error: .*onnect"
[ "$(grep -c "config reloaded" "$log")" = "$reloads" ] || fail "a bad answer replaced the config"
stop_kiosk # its last metrics snapshot is written at exit
for r in ok not_modified http_error timeout invalid refused; do
    grep -Eq "^kiosk_config_fetch_total\{result=\"$r\"\} [1-9]" kiosk.prom ||
        fail "metrics: no kiosk_config_fetch_total for $r: $(grep fetch kiosk.prom)"
done
grep -q "^kiosk_config_generation{source=\"remote\",generation=\"$gen\"} 1" kiosk.prom ||
    fail "metrics: not the remote generation $gen: $(grep generation kiosk.prom)"
grep -E "^kiosk_config_(fetch|generation)" kiosk.prom

# 3. A restart with the server down: the last good document runs.
start_kiosk
wait_log "fleet: running the document of $url (ETag \"[0-9a-f]*\", generation $gen)" 5
wait_log "fleet: $url http_error" 8
stop_kiosk
grep -q "^kiosk_config_generation{source=\"remote\",generation=\"$gen\"} 1" kiosk.prom ||
    fail "metrics after restart: $(grep generation kiosk.prom)"
saved_at=$(head -n1 state/fleet-last-good | awk '{print $NF}')
grep -q "^kiosk_config_fetch_last_success_timestamp_seconds $saved_at\$" kiosk.prom ||
    fail "metrics after restart: last success is not the kept document's $saved_at: $(grep last_success kiosk.prom)"
echo "ok: restart with the server down runs the last good document (generation $gen)"
grep "fleet:\|config reloaded" "$log" | sed 's/^/  /'
