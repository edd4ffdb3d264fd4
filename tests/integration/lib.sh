# Shared by the integration tests: a private Xvfb, the kiosk under it, its
# log, where its targets are (from the same layout code run headless), and
# clicks. Source it with the test's arguments: KIOSK_BINARY SOURCE_DIR
# [OUT_DIR]; it sets kiosk, src, out, work (a temporary folder) and log.
set -euo pipefail
kiosk=$1
src=$2
out=${3:-}
work=$(mktemp -d)
log=$work/kiosk.log
[ -z "$out" ] || mkdir -p "$out"
# The kiosk's cache (the text store) in the test's folder, not the user's.
unset CACHE_DIRECTORY
export XDG_CACHE_HOME=$work/cache
pids=()
mounts=() # file systems a test mounted: unmounted at the end
kpid=
main_shell=$$
cleanup() {
    local rc=$?
    [ "$BASHPID" = "$main_shell" ] || exit "$rc" # a subshell ending: not the test
    # A kiosk still running at a passing end was never checked (stop_kiosk).
    if [ "$rc" = 0 ] && [ -n "$kpid" ] && kill -0 "$kpid" 2>/dev/null; then
        echo "FAIL: the kiosk (pid $kpid) still runs at the end: its exit was never checked"
        rc=1
    fi
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [ -z "${policy_file:-}" ] || rm -f "$policy_file"
    for m in "${mounts[@]}"; do umount "$m" || rc=1; done
    [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
# fail may run in a command substitution ($(target ...)): it tells the test
# itself to stop too, and writes to stderr, which no substitution captures.
trap 'exit 1' USR1
fail() {
    { echo "FAIL: $*"; echo "--- kiosk log"; cat "$log" 2>/dev/null || true; } >&2
    [ "$BASHPID" = "$main_shell" ] || kill -USR1 "$main_shell"
    exit 1
}

# What AddressSanitizer, LeakSanitizer and UBSan print (the tests run in the
# sanitizer build too, via tests/run_all.sh): any of it fails the test.
check_sanitizers() { # file what
    local found
    found=$(grep -E -m 5 'ERROR: [A-Za-z]+Sanitizer|SUMMARY: [A-Za-z]+Sanitizer|runtime error:' "$1" ||
        true)
    [ -z "$found" ] || fail "sanitizer report in $2: $found"
}

# A copy of the shipped config for tests: windowed, the recording launcher,
# no device requirement, no weekly hours (open whenever CI runs).
# Extra python statements on "c" may follow as $2.
make_config() { # out.json [python]
    python3 - "$src/config/kiosk.json" "$1" "$src/tests/data/launchers/record.sh" "${2:-}" <<'PY'
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
c["kiosk"]["fullscreen"] = False
c["kiosk"]["idle_timeout_s"] = 15
c["call"]["launcher"] = [sys.argv[3], "--app={url}", "--user-data-dir={profile}",
                         "--window-position={x},{y}", "--window-size={w},{h}"]
c["call"]["require_devices"] = False
for m in c["municipalities"]:
    m.pop("hours", None)
exec(sys.argv[4])
json.dump(c, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
}

# A headless run of the kiosk (--screenshot and the like): its exit status
# and its output are checked; the output stays in $work/headless.out.
headless() { # kiosk arguments...
    local rc=0
    "$kiosk" "$@" >"$work/headless.out" 2>&1 || rc=$?
    [ "$rc" = 0 ] || fail "kiosk $* exited with $rc: $(tail -n 5 "$work/headless.out")"
    check_sanitizers "$work/headless.out" "kiosk $*"
}

target() { # screen action arg -> "x y" (centre of the target)
    headless --config "$work/kiosk.json" --screenshot "$work/t.png" --screen "$1" \
        --size 1280x720 --verbose
    awk -v a="$2" -v n="$3" '$3 == "target" && $4 == a && $5 == n {
        split($7, p, ","); split($8, s, "x"); print int(p[1] + s[1] / 2), int(p[2] + s[2] / 2); exit }' \
        "$work/headless.out"
}

log_lines() { wc -l <"$log"; }

# Waits for pattern in the log lines after line number start.
wait_new() { # start pattern seconds
    for _ in $(seq 1 $(($3 * 20))); do
        tail -n +$(($1 + 1)) "$log" | grep -q -- "$2" && return 0
        sleep 0.05
    done
    fail "no '$2' in the log within $3 s"
}

wait_log() { # pattern seconds
    for _ in $(seq 1 $(($2 * 20))); do
        grep -q -- "$1" "$log" && return 0
        sleep 0.05
    done
    fail "no '$1' in the log within $2 s"
}

# The live kiosk's own target list (it logs one per new screen with
# --verbose): the centre of the last "target ACTION ARG" after line start.
live_target() { # start action arg
    tail -n +$(($1 + 1)) "$log" | awk -v a="$2" -v n="$3" '$3 == "target" && $4 == a && $5 == n {
        split($7, p, ","); split($8, s, "x"); c = int(p[1] + s[1] / 2) " " int(p[2] + s[2] / 2) }
        END { print c }'
}

click() { # x y
    xdotool mousemove --window "$wid" "$1" "$2" click 1
}

tap_target() { # screen action arg
    local x y
    read -r x y <<<"$(target "$1" "$2" "$3")"
    [ -n "$x" ] || fail "no $2 $3 target on screen $1"
    click "$x" "$y"
}

# The visitor's way to Tobetsu's page, and on to its call.
to_tobetsu() {
    local n
    n=$(log_lines)
    tap_target home MUNICIPALITIES 0
    wait_new "$n" "screen home -> municipalities" 5
    tap_target municipalities MUNICIPALITY 0
    wait_new "$n" "screen municipalities -> municipality" 5
}
start_call() {
    to_tobetsu
    tap_target municipality:tobetsu START_CALL 0
    wait_log "screen municipality -> calling" 5
}
# The staff's way in (admin and voice tests): hold_corner, then enter_pin;
# pin_line and admin_line are the log lines where those screens opened.
# Holds the corner (no target there) with the mouse down; the PIN screen
# must come after 5 s, not before.
hold_corner() {
    local n t0 t1
    n=$(log_lines)
    xdotool mousemove --window "$wid" 6 6 mousedown 1
    t0=$(date +%s%N)
    wait_new "$n" "screen home -> admin-pin" 8
    t1=$(date +%s%N)
    xdotool mouseup 1
    [ $(((t1 - t0) / 1000000)) -ge 4900 ] || fail "admin PIN after $(((t1 - t0) / 1000000)) ms"
    wait_new "$n" "targets on admin-pin" 5
    pin_line=$n
}
# Types the shipped PIN on the screen's own keypad.
enter_pin() {
    local n x y d
    n=$(log_lines)
    for d in 2 4 6 8 ENTER; do
        if [ "$d" = ENTER ]; then
            read -r x y <<<"$(live_target "$pin_line" PIN_ENTER 0)"
        else
            read -r x y <<<"$(live_target "$pin_line" PIN_DIGIT "$d")"
        fi
        [ -n "$x" ] || fail "no $d key on the PIN screen"
        click "$x" "$y"
        wait_new "$n" "tap PIN_$([ "$d" = ENTER ] && echo "ENTER 0" || echo "DIGIT $d")" 5
    done
    wait_new "$n" "screen admin-pin -> admin" 5
    wait_new "$n" "targets on admin" 5
    admin_line=$n
}
start_xvfb() {
    exec 3>"$work/display"
    # -r: no auto-repeat. Under load Xvfb can run late between a synthetic
    # key's press and its release; past the repeat delay (660 ms) it repeats
    # the key and the focus moves twice (a key held 1.5 s moved it 23 times).
    Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp -r >/dev/null 2>&1 &
    pids+=($!)
    for _ in $(seq 1 50); do [ -s "$work/display" ] && break; sleep 0.1; done
    export DISPLAY=:$(head -n1 "$work/display")
    export SDL_AUDIODRIVER=dummy
}

start_kiosk() {
    [ -z "$kpid" ] || fail "start_kiosk: the last kiosk (pid $kpid) was not stopped"
    # kiosk_args (an array a test may set): more options, e.g. --fonts DIR.
    "$kiosk" --config "$work/kiosk.json" --windowed=1280x720 --verbose \
        ${kiosk_args[@]+"${kiosk_args[@]}"} >"$log" 2>&1 &
    kpid=$!
    pids+=($kpid)
    wait_log "first frame presented" 10
    wid=$(xdotool search --sync --onlyvisible --pid "$kpid" | head -n1)
    [ -n "$wid" ] || fail "no window of the kiosk (pid $kpid)"
    # A click in the same instant as the focus would be dropped by SDL.
    wait_log "window [0-9]* has the focus" 10
}

# Ends the kiosk as the system would (SIGTERM): it must exit 0 with no
# sanitizer report in its output.
stop_kiosk() {
    kill -TERM "$kpid" || fail "the kiosk (pid $kpid) was already gone"
    kiosk_exited
}

# Waits for the kiosk to exit by itself or by stop_kiosk; checks as above.
kiosk_exited() {
    local rc=0
    wait "$kpid" || rc=$?
    kpid=
    [ "$rc" = 0 ] || fail "kiosk exit status $rc"
    check_sanitizers "$log" "the kiosk's output"
}

# The call browser's policy as the installed service writes it (kiosk
# --print-browser-policy), in Chromium's managed policy folder for the
# test's lifetime (root only: CI runs as root; 77 = skipped otherwise).
policy_file=
install_policy() { # config
    local dir=/etc/chromium/policies/managed
    mkdir -p "$dir" 2>/dev/null && [ -w "$dir" ] ||
        { echo "SKIP: cannot write Chromium's policy folder $dir (not root)"; exit 77; }
    policy_file=$dir/kiosk-test-$$.json
    "$kiosk" --config "$1" --print-browser-policy >"$policy_file" ||
        fail "kiosk --print-browser-policy failed"
    python3 -c 'import json, sys; p = json.load(open(sys.argv[1])); assert p["URLBlocklist"] == ["*"]' \
        "$policy_file" || fail "the printed policy is not the expected JSON"
}

# A local HTTPS call page (call_page_server.py MODE...) for meet.example.jp
# and other.example.jp, with a certificate made here; sets port.
start_call_page() { # [mode]
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=meet.example.jp \
        -addext subjectAltName=DNS:meet.example.jp,DNS:other.example.jp \
        -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
    python3 "$src/tests/integration/call_page_server.py" "$work/cert.pem" "$work/key.pem" \
        "$work/reports" "$@" >"$work/server.out" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 50); do [ -s "$work/server.out" ] && break; sleep 0.1; done
    port=$(head -n1 "$work/server.out")
    [ -n "$port" ] || fail "the call page server did not start: $(cat "$work/server.out")"
}

# The shipped Chromium launcher plus only test-only flags (no sandbox as
# root, the local page's certificate and host mapping, a fake camera), its
# policy installed, the kiosk started and Tobetsu's call running until the
# page reported on its camera (or 15 s passed).
chromium_call() { # host-resolver-rules
    make_config "$work/kiosk.json" "
shipped = json.load(open(sys.argv[1], encoding='utf-8'))['call']['launcher']
assert not any('fake-ui' in a for a in shipped), 'the shipped launcher grants the camera to all'
c['call']['launcher'] = shipped + ['--no-sandbox', '--ignore-certificate-errors',
    '--host-resolver-rules=$1', '--use-fake-device-for-media-stream']
c['kiosk']['idle_timeout_s'] = 600
"
    install_policy "$work/kiosk.json"
    start_xvfb
    start_kiosk
    start_call
    wait_log "screen calling -> in-call" 10
    for _ in $(seq 1 150); do grep -q "^media" "$work/reports" 2>/dev/null && break; sleep 0.1; done
}

screenshot() { # out.png: the whole X screen, as a visitor sees it
    xwd -root -silent | convert xwd:- "$1"
}
