#!/bin/bash
# Voice guidance heard through SDL's disk audio driver (SDL_AUDIODRIVER=disk
# writes what would be played to SDL_DISKAUDIOFILE, in real time, silence
# included). By keys alone: F1 turns voice on and home is announced; then
# Right moves the focus and its label is said. The file must not be silent
# (sox), must hold two stretches of speech as long as the clips the kiosk
# logged, and the second (the focused button) must differ from the first.
# Once in English (espeak-ng), once in Japanese (Open JTalk).
# Then without a Japanese voice (open_jtalk not on the kiosk's PATH): the
# start-up probe says so in the log without voice mode ever being turned
# on, and the admin screen's health row shows it.
# Usage: voice_test.sh KIOSK_BINARY SOURCE_DIR [OUT_DIR]
. "$(dirname "$0")/lib.sh" "$@"

make_config "$work/kiosk.json" "c['kiosk']['idle_timeout_s'] = 120"
start_xvfb

clip_s() { # start: the seconds of the first request's clips (one per sentence) after log line start
    wait_new "$1" "voice: clip [0-9]* (last)" 10
    tail -n +$(($1 + 1)) "$log" | awk '/voice: clip [0-9]+/ {
        for (i = 1; i < NF; i++) if ($(i + 1) == "s,") s += $i
        if (/\(last\)/) { print s; exit } }'
}

run_lang() { # lang
    local lang=$1 raw=$work/voice-$1.raw n c1 c2
    export SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$raw
    "$kiosk" --config "$work/kiosk.json" --windowed=1280x720 --verbose --lang "$lang" \
        >"$log" 2>&1 &
    kpid=$!
    pids+=($kpid)
    wait_log "first frame presented" 10
    wid=$(xdotool search --sync --pid "$kpid" | head -n1)
    xdotool windowfocus --sync "$wid" 2>/dev/null || true
    n=$(log_lines)
    xdotool key F1
    wait_new "$n" "voice: say ($lang)" 5
    c1=$(clip_s "$n")
    sleep "$(python3 -c "print($c1 + 1.5)")"
    n=$(log_lines)
    xdotool key Right
    wait_new "$n" "focus [A-Z_]* [0-9]* on home" 5
    wait_new "$n" "voice: say ($lang)" 5
    c2=$(clip_s "$n")
    sleep "$(python3 -c "print($c2 + 1.5)")"
    stop_kiosk
    echo "  $lang: clips of $c1 s (home announced) and $c2 s (the next focused button)"
    local stat
    stat=$(sox -t raw -r 22050 -e signed -b 16 -c 1 "$raw" -n stat 2>&1)
    local amp
    amp=$(awk '/^Maximum amplitude/ {print $3}' <<<"$stat")
    echo "  $lang: sox: maximum amplitude $amp, $(awk '/^Length/ {print $3}' <<<"$stat") s written"
    python3 -c "import sys; sys.exit(0 if float('$amp') > 0.05 else 1)" ||
        fail "$lang: the audio written is silent (sox maximum amplitude $amp)"
    python3 - "$raw" "$c1" "$c2" <<'PY' || fail "$lang: the speech written does not match the clips"
import array, sys
raw, c1, c2 = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
a = array.array("h"); a.frombytes(open(raw, "rb").read())
rate, win = 22050, 221  # 10 ms windows
loud = [max(abs(x) for x in a[i:i + win]) > 300 for i in range(0, len(a) - win, win)]
# Stretches of speech: loud windows closer than 0.8 s belong together.
runs, start, last = [], None, None
for i, l in enumerate(loud):
    if not l:
        continue
    if start is None:
        start = i
    elif i - last > 80:
        runs.append((start, last)); start = i
    last = i
if start is not None:
    runs.append((start, last))
secs = [(e - s + 1) / 100 for s, e in runs]
print("  speech stretches (s):", ", ".join("%.2f" % x for x in secs))
assert len(runs) == 2, "expected 2 stretches of speech, found %d" % len(runs)
# A clip keeps a little quiet at both ends (20 ms and 150 ms: speech.c
# trims Open JTalk's 0.3-0.5 s), so the loud part is shorter, by at most a second.
for got, want in zip(secs, (c1, c2)):
    assert max(0.3, want - 1.0) <= got <= want + 0.05, (got, want)
seg = lambda r: a[r[0] * win:(r[1] + 1) * win]
assert abs(secs[0] - secs[1]) > 0.2 or seg(runs[0])[:2205] != seg(runs[1])[:2205], "same audio"
PY
}

# No Japanese voice: the kiosk is run with a PATH that has no open_jtalk.
run_missing() {
    local real=$kiosk first warn
    mkdir -p "$work/no-voice"
    printf '#!/bin/sh\nPATH=%s exec %s "$@"\n' "$work/no-voice" "$real" >"$work/kiosk-no-voice"
    chmod +x "$work/kiosk-no-voice"
    export SDL_AUDIODRIVER=dummy
    unset SDL_DISKAUDIOFILE
    kiosk=$work/kiosk-no-voice
    start_kiosk
    kiosk=$real
    wait_log "voice guidance: no voice for ja, ja-easy (open_jtalk not on PATH" 5
    first=$(grep -n "first frame presented" "$log" | head -n1 | cut -d: -f1)
    warn=$(grep -n "voice guidance: no voice" "$log" | head -n1 | cut -d: -f1)
    [ "$warn" -gt "$first" ] || fail "the missing voice was logged before the first frame"
    ! grep -q "no voice for en\|no voice for ko\|no voice for zh" "$log" ||
        fail "espeak-ng's languages listed as missing: $(grep "no voice" "$log")"
    grep "voice guidance:" "$log" | sed 's/^/  /'
    hold_corner
    enter_pin
    wait_new "$admin_line" "admin health: .*voice: no voice for ja, ja-easy (open_jtalk not on PATH" 5
    screenshot "$out/admin-no-voice.png"
    stop_kiosk
    [ "$(grep -c "voice guidance: no voice" "$log")" = 1 ] || fail "the missing voice logged more than once"
    ! grep -q "voice: say" "$log" || fail "voice mode was used"
    echo "  admin: $(grep -o "voice: no voice for ja, ja-easy ([^)]*)" "$log" | tail -n1)"
}

run_lang en
run_lang ja
run_missing
echo "PASS: voice guidance written to disk audio in English and Japanese, changing with the focus;" \
    "without open_jtalk the log and the admin screen say so after start-up"
