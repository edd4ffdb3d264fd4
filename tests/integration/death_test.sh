#!/bin/bash
# The call dies with the kiosk, however the kiosk ends, with a recording
# launcher whose group holds a child (the shell's sleep), as a browser's
# helpers would:
#  1. kill -9 mid-call: the launcher dies with the kiosk (PR_SET_PDEATHSIG);
#     the next kiosk ends what is left of its group (pid file with start
#     time) and removes the profile;
#  2. SIGHUP mid-call: a clean stop, exit 0, nothing left;
#  3. its output pipe closed mid-call (SIGPIPE): the kiosk lives on, the
#     call too, until it ends normally;
#  4. the X server gone mid-call: the kiosk exits 1 saying so, the call is
#     ended, kiosk_up 0 in the metrics.
# Usage: death_test.sh KIOSK_BINARY SOURCE_DIR OUT_DIR
. "$(dirname "$0")/lib.sh" "$@"
launchers=$src/tests/data/launchers
export LAUNCHER_RECORD=$work/record
export XDG_RUNTIME_DIR=$work/run # the profiles' root, private to this test
mkdir -m 700 "$XDG_RUNTIME_DIR"
start_xvfb

kiosk_with_forever() {
    make_config "$work/kiosk.json" "
c['call']['launcher'] = ['$launchers/record_forever.sh', '--app={url}', '--user-data-dir={profile}']
c['kiosk']['idle_timeout_s'] = 600
c['kiosk']['metrics_path'] = '$work/metrics.prom'
c['kiosk']['stats_path'] = '$work/stats.jsonl'"
    rm -f "$work/record"
}
record_value() { sed -n "s/^$1 //p" "$work/record"; }
running_call() {
    start_call
    wait_log "screen calling -> in-call" 5
    for _ in $(seq 1 50); do [ -s "$work/record" ] && break; sleep 0.1; done
    pid=$(record_value pid)
    profile=$(record_value arg | sed -n 's/^--user-data-dir=//p')
    [[ $pid =~ ^[0-9]+$ ]] || fail "no pid in the launcher's record: '$pid'"
    [ -d "$profile" ] || fail "no profile directory during the call"
    [ -f "$profile.pid" ] || fail "no pid file beside the profile"
    read -r ppid_ pstart <"$profile.pid"
    [ "$ppid_" = "$pid" ] || fail "pid file names $ppid_, the launcher is $pid"
    [ "$pstart" = "$(awk '{ sub(/.*\) /, ""); print $20 }' /proc/$pid/stat)" ] ||
        fail "pid file start time $pstart is not the launcher's"
    members=$(ps -eo pgid=,stat= | awk -v g="$pid" '$1 == g && $2 !~ /^Z/' | wc -l)
    [ "$members" -ge 2 ] || fail "the launcher's group has $members live members, want its sleep too"
}
# live members of group $1 (zombies do not count)
group_left() { ps -eo pgid=,pid=,stat=,args= | awk -v g="$1" '$1 == g && $3 !~ /^Z/'; }
gone_within() { # pid seconds
    for _ in $(seq 1 $(($2 * 10))); do
        [ -z "$(group_left "$1")" ] && ! kill -0 "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

# 1. kill -9
kiosk_with_forever
start_kiosk
running_call
kill -9 "$kpid"
wait "$kpid" || true
kpid=
for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "the launcher (pid $pid) outlived kill -9 of the kiosk"
left=$(group_left "$pid")
echo "after kill -9: launcher gone; left in its group: ${left:-nothing}"
[ -d "$profile" ] || fail "the profile went with kill -9? (nothing could remove it)"
start_kiosk
wait_log "removed 1 profile" 5
gone_within "$pid" 3 || fail "the next kiosk left the group: $(group_left "$pid")"
[ ! -e "$profile" ] && [ ! -e "$profile.pid" ] || fail "profile or pid file left after restart"
[ -z "$left" ] || grep -q "ending the browser (process group $pid) left by an earlier run" "$log" ||
    fail "the restart did not say it ended the left-over group"
stop_kiosk
echo "ok: kill -9 mid-call -> launcher gone at once, rest of its group and profile gone at the next start"

# 2. SIGHUP
start_kiosk
running_call
kill -HUP "$kpid"
kiosk_exited # exit status 0
grep -q "SIGHUP: stopping" "$log" || fail "no word of SIGHUP in the log"
gone_within "$pid" 3 || fail "left after SIGHUP: $(group_left "$pid")"
[ ! -e "$profile" ] || fail "profile left after SIGHUP"
grep -q "^kiosk_up 0" "$work/metrics.prom" || fail "kiosk_up is not 0 after SIGHUP"
echo "ok: SIGHUP mid-call -> exit 0, nothing left, kiosk_up 0"

# 3. SIGPIPE: its output goes through a pipe whose reader dies mid-call.
mkfifo "$work/out.fifo"
"$kiosk" --config "$work/kiosk.json" --windowed=1280x720 --verbose >"$work/out.fifo" 2>&1 &
kpid=$!
pids+=($kpid)
tee "$log" <"$work/out.fifo" >/dev/null &
teepid=$!
wait_log "first frame presented" 10
wid=$(xdotool search --sync --pid "$kpid" | head -n1)
running_call
kill "$teepid"
wait "$teepid" 2>/dev/null || true
# the kiosk writes on: a tap on the call bar's End logs the screen change
bar=$(xdotool search --name "kiosk call bar" | head -n1)
read -r bw bh <<<"$(xdotool getwindowgeometry "$bar" | awk '/Geometry/ { split($2, g, "x"); print g[1], g[2] }')"
xdotool mousemove --window "$bar" $((bw - bh)) $((bh / 2)) click 1
gone_within "$pid" 5 || fail "the End button did not end the call after SIGPIPE: $(group_left "$pid")"
sleep 0.5
kill -0 "$kpid" 2>/dev/null || fail "the kiosk died when its output pipe closed"
kill -TERM "$kpid"
rc=0
wait "$kpid" || rc=$?
kpid=
[ "$rc" = 0 ] || fail "kiosk exit status $rc after its pipe closed"
echo "ok: output pipe closed mid-call -> the kiosk ran on (SIGPIPE ignored), the call ended normally"

# 4. The X server goes away.
start_kiosk
running_call
kill "${pids[0]}" # Xvfb (started first)
rc=0
wait "$kpid" || rc=$?
kpid=
[ "$rc" = 1 ] || fail "kiosk exit status $rc after X loss, want 1"
grep -q "display connection was lost" "$log" || fail "no clear message after X loss"
gone_within "$pid" 5 || fail "left after X loss: $(group_left "$pid")"
[ ! -e "$profile" ] || fail "profile left after X loss"
grep -q "^kiosk_up 0" "$work/metrics.prom" || fail "kiosk_up is not 0 after X loss: $(grep kiosk_up "$work/metrics.prom")"
check_sanitizers "$log" "the kiosk's output"
echo "ok: X server gone mid-call -> exit 1 with a message, nothing left, kiosk_up 0"
echo "PASS: the call dies with the kiosk"
