#!/bin/bash
# The staff's way in, with the real kiosk: hold the top-left corner 5 s, the
# shipped PIN (2468), then reload the config (the log shows it taken when
# the admin leaves) and, the second time in, quit: exit status 0, the
# process gone, nothing it started left behind.
# Usage: admin_test.sh KIOSK_BINARY SOURCE_DIR OUT_DIR
. "$(dirname "$0")/lib.sh" "$@"

make_config "$work/kiosk.json" "c['kiosk']['idle_timeout_s'] = 600"
start_xvfb
start_kiosk

tap_live() { # start action arg
    local x y
    read -r x y <<<"$(live_target "$1" "$2" "$3")"
    [ -n "$x" ] || fail "no $2 $3 target logged"
    click "$x" "$y"
}

# 1. Reload: the file is read again at once, and the config taken when the
# admin screen is left (as for any visitor).
hold_corner
enter_pin
screenshot "$out/admin.png"
n=$(log_lines)
tap_live "$admin_line" ADMIN_RELOAD 0
wait_new "$n" "tap ADMIN_RELOAD 0" 5
wait_new "$n" "valid: held back until the visitor leaves" 5
tap_live "$admin_line" BACK 0
wait_new "$n" "screen admin -> home" 5
wait_new "$n" "config reloaded: 12 municipalities" 5
echo "ok: corner hold, PIN, reload (config reloaded when the admin left)"

# 2. Quit: the first tap asks "Tap again to quit", the second quits.
hold_corner
enter_pin
children=$( (ps -o pid= --ppid "$kpid" || true) | tr -d ' ' | tr '\n' ' ')
n=$(log_lines)
tap_live "$admin_line" ADMIN_QUIT 0
wait_new "$n" "tap ADMIN_QUIT 0" 5
sleep 1
kill -0 "$kpid" 2>/dev/null || fail "one tap on Quit ended the kiosk: it must ask again first"
n=$(log_lines)
tap_live "$admin_line" ADMIN_QUIT 0 # "Tap again to quit"
wait_new "$n" "tap ADMIN_QUIT 0" 5
for _ in $(seq 1 100); do kill -0 "$kpid" 2>/dev/null || break; sleep 0.05; done
kill -0 "$kpid" 2>/dev/null && fail "the kiosk still runs 5 s after Quit"
gone_pid=$kpid
kiosk_exited # exit status 0, no sanitizer report
[ ! -e "/proc/$gone_pid" ] || fail "the kiosk's process $gone_pid is still there"
for c in $children; do
    [ ! -e "/proc/$c" ] || fail "the kiosk's child $c outlived it: $(ps -o args= -p "$c")"
done
left=$(ps -eo ppid=,pid=,args= | awk -v p="$gone_pid" '$1 == p')
[ -z "$left" ] || fail "processes still name the kiosk as parent: $left"
echo "ok: Quit: exit status 0, process gone, no child left (children before: ${children:-none})"
echo "PASS: admin corner hold -> PIN -> reload and quit"
