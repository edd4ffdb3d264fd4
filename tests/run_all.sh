#!/bin/bash
# Every test: a -Werror build with CTest, the same tests again under
# AddressSanitizer + UndefinedBehaviorSanitizer, each libFuzzer target for a
# bounded time, and a coverage build of the unit and render tests whose line
# coverage per folder of kiosk/ is printed at the end. Fails when a test
# fails or when any registered test is skipped or not run. Run from
# anywhere; builds into build/, build-asan/, build-fuzz/ and build-cov/.
# FUZZ_SECONDS: seconds per fuzz target (default 30; 4 targets).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jobs=$(nproc)
fuzz_seconds=${FUZZ_SECONDS:-30}

# run_ctest BUILD_DIR [EXCLUDE_REGEX]: the whole suite in BUILD_DIR (less
# the tests EXCLUDE_REGEX names, which then do not count as registered).
# Fails when a test fails, and also when any registered test was skipped
# (exit 77) or did not run: a skip is not a pass. Prints how many ran of
# how many are registered.
run_ctest() {
    local dir=$1 rc=0 registered ran skipped
    local exclude=(${2:+-E "$2"})
    registered=$(cd "$dir" && ctest -N "${exclude[@]}" | sed -n 's/^Total Tests: //p')
    (cd "$dir" && ctest --output-on-failure -j2 "${exclude[@]}" --output-junit ctest-junit.xml) || rc=$?
    ran=$(grep -cE '<testcase .*status="(run|fail)"' "$dir/ctest-junit.xml" || true)
    skipped=$(grep -cE '<testcase .*status="(notrun|disabled)"' "$dir/ctest-junit.xml" || true)
    echo "$dir: $ran tests run of $registered registered ($skipped skipped or not run)"
    if [ "$rc" -ne 0 ]; then
        echo "FAIL: tests failed in $dir"
        exit 1
    fi
    if [ "$ran" != "$registered" ] || [ "$skipped" != 0 ] || [ "$registered" -eq 0 ]; then
        echo "FAIL: $dir: every registered test must run; skipped or not run:"
        grep -E '<testcase .*status="(notrun|disabled)"' "$dir/ctest-junit.xml" |
            sed 's/.*name="\([^"]*\)".*/  \1/'
        exit 1
    fi
}

stage() { echo "== [$((SECONDS / 60)) min $((SECONDS % 60)) s] $*"; }

stage "build (-Werror) and test"
cmake -S . -B build -DKIOSK_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
run_ctest build

stage "build with ASan + UBSan and test"
cmake -S . -B build-asan -DKIOSK_WERROR=ON -DKIOSK_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-asan -j"$jobs"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# The screen matrix draws the same code at five sizes; under the sanitizers
# the smallest landscape size and portrait (plus every large-text size)
# reach it all, and the 4K and 1920/1366 runs only cost minutes of CI.
render_sizes_once='^render_screens_(1920x1080|1366x768|3840x2160)$'
run_ctest build-asan "$render_sizes_once"

stage "fuzz every target for ${fuzz_seconds} s"
tests/fuzz/run_fuzz.sh "$fuzz_seconds"

# Line coverage from one build of the unit and render tests (not the
# integration tests: they take longest and this is about what the fast
# tests hold). Per folder of kiosk/, whatever folders there are, and total.
stage "coverage of the unit and render tests (build-cov)"
cmake -S . -B build-cov -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS=--coverage \
    -DCMAKE_EXE_LINKER_FLAGS=--coverage >/dev/null
cmake --build build-cov -j"$jobs"
find build-cov -name '*.gcda' -delete
(cd build-cov && ctest --output-on-failure -j2 -L 'unit|render' -E "$render_sizes_once")
gcovr -r "$root" --filter "$root/kiosk/" --csv -o build-cov/coverage.csv build-cov
coverage_table() {
    awk -F, 'NR > 1 && $1 ~ /^kiosk\/[^\/]+\// {
            dir = $1; sub(/^kiosk\//, "", dir); sub(/\/.*/, "", dir)
            total[dir] += $2; covered[dir] += $3
        }
        END { for (d in total) print d, total[d], covered[d] }' "$1" | sort |
        awk '{ printf "kiosk/%-10s %6d lines %6d covered %5.1f %%\n", $1, $2, $3, 100 * $3 / $2
               T += $2; C += $3 }
             END { if (T == 0) exit 1
                   printf "%-16s %6d lines %6d covered %5.1f %%\n", "total", T, C, 100 * C / T }'
}
coverage_table build-cov/coverage.csv
echo "== all tests passed in $((SECONDS / 60)) min $((SECONDS % 60)) s"
