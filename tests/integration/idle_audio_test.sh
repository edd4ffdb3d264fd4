#!/bin/bash
# Idle on home with SDL's real audio back-end (SDL_AUDIODRIVER unset, as on
# a kiosk machine; with no PulseAudio or PipeWire SDL picks ALSA): the
# device check opens SDL's audio to count microphones and must close it
# again, or the ALSA back-end's hotplug thread wakes the kiosk ten times a
# second for good. Checked after start-up and after a visit (the check runs
# again back on home): no SDLHotplug thread, and the kiosk's threads wake
# fewer than 10 times in 10 s (the hotplug thread alone: about 100).
# Usage: idle_audio_test.sh KIOSK_BINARY SOURCE_DIR [OUT_DIR]
. "$(dirname "$0")/lib.sh" "$@"

make_config "$work/kiosk.json" "c['kiosk']['idle_timeout_s'] = 120"
start_xvfb
unset SDL_AUDIODRIVER

wakes() { # the kiosk's context switches, all threads
    cat /proc/"$kpid"/task/*/status 2>/dev/null |
        awk '/^(non)?voluntary_ctxt_switches/ {s += $2} END {print s + 0}'
}
threads() { # name (tid) of each of the kiosk's threads
    local t
    for t in /proc/"$kpid"/task/*; do
        echo "$(awk '/^Name:/ {print $2}' "$t/status" 2>/dev/null) ($(basename "$t"))"
    done | tr '\n' ' '
}
check_idle() { # when
    local a b
    sleep 2 # the frame after the check, the X server's replies
    a=$(wakes)
    sleep 10
    b=$(wakes)
    echo "  $1: $((b - a)) wake-ups in 10 s; threads: $(threads)"
    ! threads | grep -q "SDLHotplug" || fail "$1: SDL's audio hotplug thread runs: $(threads)"
    [ $((b - a)) -lt 10 ] || fail "$1: $((b - a)) wake-ups in 10 s on home"
}

start_kiosk
wait_log "start-up steps done" 10
grep "devices: audio" "$log" | sed "s/^/  /" || true
grep -q "devices: audio (alsa)" "$log" ||
    echo "  (SDL did not use ALSA here: $(grep "devices: audio" "$log"))"
check_idle "after start-up"

n=$(log_lines)
tap_target home MUNICIPALITIES 0
wait_new "$n" "screen home -> municipalities" 5
n=$(log_lines)
tap_target municipalities HOME 0
wait_new "$n" "screen municipalities -> home" 5
wait_new "$n" "devices: audio .* checked and closed" 5
check_idle "after a visit"
stop_kiosk
echo "PASS: idle on home with SDL's own audio back-end, no hotplug thread, few wake-ups"
