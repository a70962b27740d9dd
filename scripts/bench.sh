#!/usr/bin/env bash
# Builds the benchmarks in Release and runs them; prints each figure and its ratio to the
# reference measured in the same run. Usage: scripts/bench.sh [plans|capture|evaluation] [http]
# `http` also runs bench/http_vs_nginx.sh (zhiyou serve against nginx, about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DZHIYOU_TESTS=OFF -DZHIYOU_BENCH=ON >/dev/null
what=${1:-all}
if [ "$what" = evaluation ] || [ "$what" = all ]; then
  cmake --build build/bench --target bench_evaluation
  build/bench/bench/bench_evaluation
  [ "$what" = evaluation ] && exit 0
fi
cmake --build build/bench --target bench_plan_import bench_epcis_capture
if [ "$what" != capture ]; then
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
fi

# EPCIS capture: SQLite and a throwaway PostgreSQL; events/s against the two references of the
# same run: CPU time against Boost.JSON parsing the documents, events/s against SQLite storing
# the same rows one INSERT at a time.
out=$(mktemp)
PG_DURABLE=1 scripts/with-postgres.sh bash -c 'ZHIYOU_BENCH_POSTGRES=$ZHIYOU_TEST_POSTGRES build/bench/bench/bench_epcis_capture \
  --benchmark_repetitions=3 --benchmark_report_aggregates_only=true --benchmark_format=json' >"$out"
python3 - "$out" <<'PY'
import json, sys
runs = {b["run_name"]: b for b in json.load(open(sys.argv[1]))["benchmarks"] if b.get("aggregate_name") == "median"}
for n in ("1000", "10000"):
    parse = runs[f"BM_Reference_JsonParse/{n}"]["cpu_time"]
    rows = runs[f"BM_Reference_SqliteRows/{n}/real_time"]["events/s"]
    print(f"\nEPCIS, documents of {n} ObjectEvents (median of 3)")
    print(f"{'benchmark':46} {'events/s':>10} {'CPU × parse':>11} {'× rows':>7}")
    for name, b in runs.items():
        if name.split("/")[1] == n:
            cpu = b["cpu_time"] / b.get("documents", 1)  # this thread's CPU per document
            print(f"{name:46} {b['events/s']:10.0f} {cpu / parse:11.1f} {b['events/s'] / rows:7.2f}")
PY
rm -f "$out"
if [[ " $* " == *" http "* ]]; then
  cmake --build build/bench --target zhiyou
  bench/http_vs_nginx.sh build/bench/src/cli/zhiyou
fi
