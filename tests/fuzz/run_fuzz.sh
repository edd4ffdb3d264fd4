#!/bin/sh
# Builds the config loader's fuzz target with clang (libFuzzer + ASan +
# UBSan) and runs it for N seconds (default 60) with the config fixtures as
# seed corpus. Usage: tests/fuzz/run_fuzz.sh [SECONDS]
# Crashes are written to build-fuzz/ as crash-*; rerun one with
#   build-fuzz/fuzz_config build-fuzz/crash-...
set -eu
secs=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${FUZZ_OUT:-$root/build-fuzz}
cc=${CC_FUZZ:-clang}
mkdir -p "$out/corpus"
core="$root/kiosk/core"
base="$root/kiosk/base"
config="$root/kiosk/config"
srcs=$(ls "$base"/*.c "$core"/*.c "$config"/*.c) # base, core and its config loader: pure C on cJSON and libcrypto
# shellcheck disable=SC2086
$cc -std=c11 -g -O1 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I"$base" -I"$core" -I"$config" "$root/tests/fuzz/fuzz_config.c" $srcs -lcjson -lcrypto -lm \
    -o "$out/fuzz_config"
cp "$root"/tests/data/config/*.json "$out/corpus/" 2>/dev/null || true
[ -f "$root/config/kiosk.json" ] && cp "$root/config/kiosk.json" "$out/corpus/shipped.json"
cd "$out"
exec ./fuzz_config -dict="$root/tests/fuzz/config.dict" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 corpus
