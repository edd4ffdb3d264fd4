#!/bin/bash
# Every test: a -Werror build with CTest, the same tests again under
# AddressSanitizer + UndefinedBehaviorSanitizer, and the config fuzzer for a
# bounded time. Run from anywhere; builds into build/ and build-asan/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jobs=$(nproc)
fuzz_seconds=${FUZZ_SECONDS:-60}

# run_ctest BUILD_DIR: the whole suite in BUILD_DIR. Fails when a test
# fails, and also when any registered test was skipped (exit 77) or did not
# run: a skip is not a pass. Prints how many ran of how many are registered.
run_ctest() {
    local dir=$1 rc=0 registered ran skipped
    registered=$(cd "$dir" && ctest -N | sed -n 's/^Total Tests: //p')
    (cd "$dir" && ctest --output-on-failure -j2 --output-junit ctest-junit.xml) || rc=$?
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

echo "== build (-Werror) and test"
cmake -S . -B build -DKIOSK_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
run_ctest build

echo "== build with ASan + UBSan and test"
cmake -S . -B build-asan -DKIOSK_WERROR=ON -DKIOSK_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-asan -j"$jobs"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
run_ctest build-asan

if [ -x tests/fuzz/run_fuzz.sh ]; then
    echo "== fuzz the config loader for ${fuzz_seconds} s"
    tests/fuzz/run_fuzz.sh "$fuzz_seconds"
fi
echo "== all tests passed"
