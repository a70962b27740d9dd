#!/usr/bin/env bash
# Quick start, command 2: install, build once (with AddressSanitizer and UBSan), and run
# every test — each store test on SQLite and on a throwaway PostgreSQL 15 started here.
set -euo pipefail
cd "$(dirname "$0")/.."
# ccache hashes absolute paths unless it knows the tree's root: with these, a clone in
# another directory reuses the objects an earlier clone compiled.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
scripts/install-deps.sh
build=build/test
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DZHIYOU_SANITIZE=ON -DZHIYOU_TESTS=ON >/dev/null
cmake --build "$build" -j"$(nproc)"

echo "== clang-format"
mapfile -t sources < <(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find src tests fuzz bench -name '*.[ch]pp')
clang-format --dry-run -Werror "${sources[@]}"

# The libFuzzer targets are built by clang, which the build above does not use: a construct
# g++ takes and clang 14 does not (std::views::reverse over libstdc++ 12) once broke them
# unnoticed. Each runs over its committed corpus once (files as arguments: nothing is added).
echo "== libFuzzer targets (clang)"
CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DZHIYOU_FUZZ=ON -DZHIYOU_TESTS=OFF >/dev/null
cmake --build build/fuzz -j"$(nproc)"
for corpus in fuzz/corpus/*/; do
  target=$(basename "$corpus")
  build/fuzz/fuzz/"fuzz_$target" "$corpus"* >/dev/null 2>&1 ||
    { echo "fuzz_$target 在其语料上失败：build/fuzz/fuzz/fuzz_$target $corpus*" >&2; exit 1; }
done

# The seed documents and the GS1/EPCIS material are read by path from ../shared beside the
# checkout. A clone made elsewhere (CI clones into a temporary directory) finds them beside
# the repository it was cloned from; ZHIYOU_SEEDS / ZHIYOU_PEER_TESTS, when set, win.
origin=$(git config --get remote.origin.url 2>/dev/null || true)
for pair in ZHIYOU_SEEDS:seeds ZHIYOU_PEER_TESTS:peer-tests; do
  var=${pair%%:*} leaf=${pair#*:}
  if [[ -z "${!var:-}" && ! -d "../shared/$leaf" && -n "$origin" && -d "$origin/../shared/$leaf" ]]; then
    export "$var=$(realpath "$origin/../shared/$leaf")"
    echo "$var=${!var}"
  fi
done

echo "== tests (SQLite and PostgreSQL)"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
scripts/with-postgres.sh env ZHIYOU_REQUIRE_POSTGRES=1 \
  ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
