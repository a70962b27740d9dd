#!/usr/bin/env bash
# Builds every fuzz target with clang + libFuzzer (+ASan/UBSan) and runs each for the given
# number of seconds (default 60), starting from the committed corpus. Usage: scripts/fuzz.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
scripts/install-deps.sh
CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DZHIYOU_FUZZ=ON -DZHIYOU_TESTS=OFF >/dev/null
targets=$(cd fuzz && ls *_fuzz.cpp | sed 's/_fuzz.cpp$//')
for t in $targets; do cmake --build build/fuzz --target "fuzz_$t"; done
for t in $targets; do
  work="build/fuzz/corpus-$t"
  mkdir -p "$work"
  echo "== fuzz_$t for ${seconds}s"
  build/fuzz/fuzz/"fuzz_$t" -max_total_time="$seconds" -print_final_stats=1 "$work" "fuzz/corpus/$t"
done
