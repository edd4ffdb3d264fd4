#!/bin/bash
# The layers of kiosk/, as the CMake targets link them (kiosk/CMakeLists.txt):
#   base <- core <- adapters <- host          (no SDL)
#   base <- core <- ui <- screens <- shell,   and shell <- host
# Prints every include between folders (folder -> folder, with counts) and
# fails on an include that goes up a chain or across to the other one. The
# build refuses most of these by itself (each target exports only its own
# folder); this check also names the ones a shared include path would hide.
set -u
src=${1:-$(dirname "$0")/../kiosk}

# layer rank, and the layers each one may include (besides itself).
layer_of() {
    case "$1" in
    base) echo base ;;
    core | config) echo core ;;
    adapters) echo adapters ;;
    host) echo host ;;
    ui) echo ui ;;
    screens) echo screens ;;
    shell | .) echo shell ;;
    *) echo unknown ;;
    esac
}
layer_allows() { # $1 may include $2
    case "$1:$2" in
    base:base) return 0 ;;
    core:core | core:base) return 0 ;;
    adapters:adapters | adapters:core | adapters:base) return 0 ;;
    host:host | host:adapters | host:core | host:base) return 0 ;;
    ui:ui | ui:core | ui:base) return 0 ;;
    screens:screens | screens:ui | screens:core | screens:base) return 0 ;;
    shell:*) [ "$2" != unknown ] && return 0 ;;
    esac
    return 1
}

cd "$src" || exit 2
# header name -> folder (a name in two folders is itself a problem).
declare -A home
dups=0
while read -r h; do
    name=${h##*/}
    dir=${h%/*}
    if [ -n "${home[$name]:-}" ]; then
        echo "header $name is in both ${home[$name]} and $dir"
        dups=1
    fi
    home[$name]=$dir
done < <(find . -name '*.h' | sed 's|^\./||; s|^\([^/]*\)$|./\1|' | sort)

# folder -> folder edges, counted.
declare -A edges
while IFS=: read -r file inc; do
    from=${file%/*}
    [ "$from" = "$file" ] && from=.
    to=${home[$inc]:-}
    [ -z "$to" ] && continue # a system or library header
    [ "$from" = "$to" ] && continue
    edges["$from -> $to"]=$((${edges["$from -> $to"]:-0} + 1))
done < <(find . -name '*.[ch]' | sed 's|^\./||' | sort |
    xargs grep -oE '^#include "[^"]+"' | sed 's/#include "\(.*\)"/\1/')

bad=$dups
echo "includes between folders of $src (count, edge, layers):"
for e in $(printf '%s\n' "${!edges[@]}" | tr ' ' '~' | sort); do
    e=${e//\~/ }
    from=${e%% -> *}
    to=${e##* -> }
    lf=$(layer_of "$from")
    lt=$(layer_of "$to")
    verdict=ok
    if ! layer_allows "$lf" "$lt"; then
        verdict=UPWARD
        bad=1
    fi
    printf '%5d  %-22s %s -> %s  %s\n' "${edges[$e]}" "$e" "$lf" "$lt" "$verdict"
done
for d in */; do
    d=${d%/}
    if [ "$(layer_of "$d")" = unknown ]; then
        echo "folder $d belongs to no layer: add it to tests/layers/check_layers.sh and CMake"
        bad=1
    fi
done
if [ "$bad" -ne 0 ]; then
    echo "layering broken"
    exit 1
fi
echo "no upward include"
