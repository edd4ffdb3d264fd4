# Shared by golden.sh, update_goldens.sh and golden_mutation.sh: how a
# reference is drawn. The clock never comes from the machine: every picture
# is drawn at GOLDEN_AT (Asia/Tokyo; a Tuesday morning, Tobetsu's counter
# open) unless its line in golden_list.txt gives its own --at, which wins
# because the last --at counts.
GOLDEN_AT=2026-12-01T10:00
GOLDEN_SRC=$(cd "$(dirname "$0")/../.." && pwd)

# golden_config KIND OUT: the config a golden is drawn with, written to OUT.
#   shipped: config/kiosk.json as it is;
#   polled:  the same with a status_url for Tobetsu, so that --status
#            tobetsu=... is accepted and "unknown" can be told from
#            "available" (the shipped config polls no clerk).
golden_config() {
    case "$1" in
    shipped) cp "$GOLDEN_SRC/config/kiosk.json" "$2" ;;
    polled)
        sed 's|"call": {"url": "https://meet.example.jp/tobetsu-{session}"}|"call": {"url": "https://meet.example.jp/tobetsu-{session}", "status_url": "https://meet.example.jp/status/tobetsu"}|' \
            "$GOLDEN_SRC/config/kiosk.json" > "$2" || return 1
        # The shipped config changed under the pattern: say so, do not draw
        # "unknown" from a config that polls nothing.
        if cmp -s "$GOLDEN_SRC/config/kiosk.json" "$2"; then
            echo "golden_config: Tobetsu's call line not found in config/kiosk.json" >&2
            return 1
        fi ;;
    *) echo "golden_config: unknown config kind '$1'" >&2; return 1 ;;
    esac
}

# golden_shot KIOSK CONFIG FILE SIZE SCREEN LANG [KIOSK OPTIONS...]
# Runs in CONFIG's folder with --config given as a bare file name: admin
# shows the path as given, and a picture must not depend on where the
# build is.
golden_shot() {
    _k=$(golden_abs "$1") _cfg=$2 _file=$(golden_abs "$3") _size=$4 _screen=$5 _lang=$6
    shift 6
    (cd "$(dirname "$_cfg")" &&
        SDL_VIDEODRIVER=dummy "$_k" --config "$(basename "$_cfg")" --screenshot "$_file" \
            --screen "$_screen" --lang "$_lang" --size "$_size" --at "$GOLDEN_AT" "$@" \
            </dev/null >/dev/null)
}
golden_abs() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }

# golden_each FUNCTION TMPDIR: calls FUNCTION NAME CONFIG_FILE SIZE SCREEN
# LANG [OPTIONS...] for each line of golden_list.txt (options may be quoted
# as in the shell); the configs are written to TMPDIR. Returns 1 if a
# config cannot be made or a line names no known config.
golden_each() {
    _fn=$1 golden_tmp=$2
    golden_config shipped "$golden_tmp/shipped.json" || return 1
    golden_config polled "$golden_tmp/polled.json" || return 1
    while read -r _line; do
        case "$_line" in ''|'#'*) continue ;; esac
        eval "set -- $_line"
        _name=$1 _kind=$2
        shift 2
        case "$_kind" in shipped|polled) ;; *)
            echo "golden_list.txt: $_name: config '$_kind' is neither shipped nor polled" >&2
            return 1 ;;
        esac
        "$_fn" "$_name" "$golden_tmp/$_kind.json" "$@"
    done < "$GOLDEN_SRC/tests/render/golden_list.txt"
}
