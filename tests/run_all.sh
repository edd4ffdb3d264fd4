#!/bin/bash
# Every test: a -Werror build with CTest, the same tests again under
# AddressSanitizer + UndefinedBehaviorSanitizer, and the config fuzzer for a
# bounded time. Run from anywhere; builds into build/ and build-asan/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jobs=$(nproc)
fuzz_seconds=${FUZZ_SECONDS:-60}

echo "== build (-Werror) and test"
cmake -S . -B build -DKIOSK_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j2)

echo "== build with ASan + UBSan and test"
cmake -S . -B build-asan -DKIOSK_WERROR=ON -DKIOSK_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-asan -j"$jobs"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
(cd build-asan && ctest --output-on-failure -j2)

if [ -x tests/fuzz/run_fuzz.sh ]; then
    echo "== fuzz the config loader for ${fuzz_seconds} s"
    tests/fuzz/run_fuzz.sh "$fuzz_seconds"
fi
echo "== all tests passed"
