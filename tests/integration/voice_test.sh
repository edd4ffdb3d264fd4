#!/bin/bash
# Voice guidance heard through SDL's disk audio driver (SDL_AUDIODRIVER=disk
# writes what would be played to SDL_DISKAUDIOFILE, in real time, silence
# included). By keys alone: F1 turns voice on and home is announced; then
# Right moves the focus and its label is said. The file must not be silent
# (sox), must hold two stretches of speech as long as the clips the kiosk
# logged, and the second (the focused button) must differ from the first.
# Once in English (espeak-ng), once in Japanese (Open JTalk).
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

run_lang en
run_lang ja
echo "PASS: voice guidance written to disk audio in English and Japanese, changing with the focus"
