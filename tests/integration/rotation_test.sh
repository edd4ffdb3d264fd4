#!/bin/bash
# A screen turned by kiosk.rotation 90, touched with fingers: the window is
# 1280x720 and shows the 720x1280 portrait interface turned clockwise. The
# live picture must be the portrait rendering turned by ImageMagick (so the
# test knows independently where each button is drawn), and a tap there,
# arriving as a finger (SDL_MOUSE_TOUCH_EVENTS=1 makes each xdotool click a
# finger too; the kiosk takes the finger, which comes first, and ignores the
# mouse of the same click), activates that button.
# Usage: rotation_test.sh KIOSK_BINARY SOURCE_DIR OUT_DIR
. "$(dirname "$0")/lib.sh" "$@"

make_config "$work/portrait.json" "c['kiosk']['idle_timeout_s'] = 600"
make_config "$work/kiosk.json" "
c['kiosk']['idle_timeout_s'] = 600
c['kiosk']['rotation'] = 90
"
start_xvfb
export SDL_MOUSE_TOUCH_EVENTS=1 # an environment hint outranks the kiosk's SDL_SetHint
start_kiosk

# The portrait target's centre (its logical pixels, as logged) turned
# clockwise into the 1280x720 window: x' = 1279 - y, y' = x.
tap_rotated() { # start action arg
    local lx ly
    read -r lx ly <<<"$(live_target "$1" "$2" "$3")"
    [ -n "$lx" ] || fail "no $2 $3 target logged"
    click $((1279 - ly)) "$lx"
}
# The live screen equals the portrait rendering of the same screen turned by
# 90 degrees (the clock may turn a minute in between: one more try).
same_as_portrait() { # screen
    local ae rc
    for try in 1 2; do
        screenshot "$out/rotation_$1.png"
        headless --config "$work/portrait.json" --screenshot "$work/portrait.png" --screen "$1" \
            --size 720x1280
        convert "$work/portrait.png" -rotate 90 "$work/turned.png" || fail "convert"
        rc=0
        ae=$(compare -metric AE "$out/rotation_$1.png" "$work/turned.png" null: 2>&1) || rc=$?
        [ "$rc" -le 1 ] && [[ $ae =~ ^[0-9]+$ ]] || fail "compare: status $rc: $ae"
        [ "$ae" = 0 ] && return 0
    done
    fail "the live $1 screen is not the portrait one turned clockwise ($ae pixels differ)"
}

n=$(log_lines)
tap_rotated 0 SERVICES 0 # home's targets, logged at start
wait_new "$n" "tap SERVICES 0 by finger" 5
wait_new "$n" "screen home -> services" 5
wait_new "$n" "targets on services" 5
sleep 0.3 # the pressed state is drawn away
same_as_portrait services
echo "ok: a finger tap at home's turned SERVICES button opens services, drawn turned clockwise"

m=$(log_lines)
tap_rotated "$n" SERVICE 2
wait_new "$m" "tap SERVICE 2 by finger" 5
wait_new "$m" "screen services -> service" 5
wait_new "$m" "targets on service$" 5
k=$(log_lines)
tap_rotated "$m" BACK 0
wait_new "$k" "tap BACK 0 by finger" 5
wait_new "$k" "screen service -> services" 5
! grep -q "by mouse" "$log" || fail "a tap arrived as the mouse: $(grep "by mouse" "$log")"
stop_kiosk
echo "PASS: rotation 90: finger taps hit the buttons where they are drawn"
