#!/usr/bin/env bash
# Builds the benchmarks in Release and runs them; prints each figure and its ratio to the
# reference measured in the same run. Usage: scripts/bench.sh [plans] [http]
# `http` also runs bench/http_vs_nginx.sh (zhiyou serve against nginx, about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DZHIYOU_TESTS=OFF -DZHIYOU_BENCH=ON >/dev/null
cmake --build build/bench --target bench_plan_import
out=$(mktemp)
build/bench/bench/bench_plan_import --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_format=json >"$out"
python3 - "$out" <<'PY'
import json, sys
runs = {b["run_name"]: b for b in json.load(open(sys.argv[1]))["benchmarks"] if b["aggregate_name"] == "median"}
ref = runs["BM_Reference_NormaliseText"]["real_time"]
print(f"{'benchmark (median of 5)':34} {'ms':>9} {'× reference':>12}")
for name, b in runs.items():
    print(f"{name:34} {b['real_time']:9.2f} {b['real_time'] / ref:12.1f}")
PY
rm -f "$out"

if [[ " $* " == *" http "* ]]; then
  cmake --build build/bench --target zhiyou
  bench/http_vs_nginx.sh build/bench/src/cli/zhiyou
fi
