# Shared by golden.sh and update_goldens.sh: how a reference is named and drawn.
GOLDEN_SIZE=1920x1080
GOLDEN_AT=2026-12-01T10:00
golden_name() { echo "$1_$2" | tr ':' '-'; }
golden_shot() { # KIOSK SCREEN LANG FILE
    SDL_VIDEODRIVER=dummy "$1" --config "$(cd "$(dirname "$0")/../.." && pwd)/config/kiosk.json" \
        --screenshot "$4" --screen "$2" --lang "$3" --size "$GOLDEN_SIZE" --at "$GOLDEN_AT" >/dev/null
}
