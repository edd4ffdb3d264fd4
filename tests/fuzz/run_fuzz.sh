#!/bin/sh
# Builds the libFuzzer targets with clang (libFuzzer + ASan + UBSan, through
# CMake with -DKIOSK_FUZZ=ON, into build-fuzz/) and runs each for SECONDS
# (default FUZZ_SECONDS, else 30) with its committed seed corpus:
#   fuzz_config  the config loader      tests/data/config/*.json, config/kiosk.json
#   fuzz_status  the status_url answer  tests/fuzz/corpus_status/
#   fuzz_hours   hours and dates        tests/fuzz/corpus_hours/
# New inputs go to build-fuzz/corpus_<target>/, never into the repository.
# Prints the executions per target; fails on the first crash, leak, hang or
# broken invariant. Crashes are written to build-fuzz/ as crash-*; rerun one
# with build-fuzz/tests/fuzz/fuzz_<target> build-fuzz/crash-...
# Usage: tests/fuzz/run_fuzz.sh [SECONDS] [TARGET...]
set -eu
secs=${1:-${FUZZ_SECONDS:-30}}
[ $# -gt 0 ] && shift
targets=${*:-config status hours text_store}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${FUZZ_OUT:-$root/build-fuzz}
cc=${CC_FUZZ:-clang}

CC=$cc cmake -S "$root" -B "$out" -DKIOSK_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
for t in $targets; do
    cmake --build "$out" -j"$(nproc)" --target "fuzz_$t" >/dev/null
done

summary=""
for t in $targets; do
    work="$out/corpus_$t"
    mkdir -p "$work"
    dict=""
    case $t in
    config)
        seeds="$out/seeds_config"
        mkdir -p "$seeds"
        cp "$root"/tests/data/config/*.json "$seeds/"
        cp "$root/config/kiosk.json" "$seeds/shipped.json"
        dict="-dict=$root/tests/fuzz/config.dict"
        ;;
    *) seeds="$root/tests/fuzz/corpus_$t" ;;
    esac
    [ -n "$(ls "$seeds")" ] || { echo "run_fuzz: no seeds in $seeds"; exit 1; }
    echo "== fuzz_$t for $secs s"
    log="$out/fuzz_$t.log"
    # shellcheck disable=SC2086
    if ! (cd "$out" && "./tests/fuzz/fuzz_$t" $dict -max_total_time="$secs" -max_len=65536 \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$work" "$seeds") >"$log" 2>&1; then
        tail -n 60 "$log"
        echo "FAIL: fuzz_$t (full log: $log)"
        exit 1
    fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -n 1)
    summary="$summary
fuzz_$t: $execs executions in $secs s ($cov edges, corpus $(ls "$work" | wc -l) inputs)"
done
echo "== fuzz executions per target$summary"
