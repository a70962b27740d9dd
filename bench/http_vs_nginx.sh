#!/usr/bin/env bash
# HTTP throughput and tail latency of `zhiyou serve` as ratios to nginx serving the same
# bytes on the same machine in the same run (both with 2 workers, loopback, keep-alive).
#
#   bench/http_vs_nginx.sh [path/to/zhiyou]      (default: builds build/release)
#
# Targets: a static UI asset (web/dist/assets' largest .js when the UI is built, otherwise a
# generated 200 KB file), GET /api/v1/plans/{id} for 甬政办发〔2023〕1号 and its evaluation for
# 2024 over 11 regions of generated figures (as the office account). For the API, nginx
# serves a file holding zhiyou's own response, so it is the cost of sending those bytes with
# no work at all. Each run: wrk -t2 -c64 -d10s --latency.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/nginx_reference.sh
source bench/nginx_reference.sh
zhiyou=$(zhiyou_binary "${1:-}")
need "apt-get install wrk nginx-light" wrk nginx python3
duration=${BENCH_DURATION:-10s}
plan=p4ef8a67daf

dir=$(mktemp -d "${TMPDIR:-/tmp}/zhiyou-bench.XXXXXX")
chmod 755 "$dir"  # nginx workers run as nobody
zhiyou_pid="" nginx_pid=""
cleanup() {
  [[ -n "$zhiyou_pid" ]] && kill "$zhiyou_pid" 2>/dev/null && wait "$zhiyou_pid" 2>/dev/null
  [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

# The same web root for both servers.
mkdir -p "$dir/web/assets"
if compgen -G "web/dist/assets/*.js" >/dev/null; then
  asset=$(ls -S web/dist/assets/*.js | head -1)
  cp -r web/dist/. "$dir/web/"
  asset="assets/$(basename "$asset")"
else
  python3 -c 'import sys; sys.stdout.write(("console.log(\"质优 Zhiyou\");" * 8000)[:200000])' \
    >"$dir/web/assets/bench-3f2a9c1b.js"
  echo '<!doctype html><title>质优</title>' >"$dir/web/index.html"
  asset=assets/bench-3f2a9c1b.js
fi
chmod -R a+rX "$dir/web"

"$zhiyou" plan load data/demo/plans.json --db "$dir/zhiyou.db" >/dev/null
# The evaluation needs an account (office) and figures to evaluate: one per indicator and region.
echo 'bench-password-1' | "$zhiyou" user add bench --role office --password-stdin --db "$dir/zhiyou.db" >/dev/null
"$zhiyou" plan show "$plan" --json --db "$dir/zhiyou.db" | python3 -c '
import json, sys
plan = json.load(sys.stdin)["plans"][0]
print("indicator_id,region,period,value")
for i, ind in enumerate(plan["indicators"]):
    if any(t["kind"] == "level" for t in ind["targets"]):
        iid = ind["id"]
        for r, region in enumerate(["全市", "海曙", "江北", "镇海", "北仑", "鄞州", "奉化", "余姚", "慈溪", "宁海", "象山"]):
            print(f"{iid},{region},2024,{(i * 7 + r * 3) % 90 + 5}")
' >"$dir/figures.csv"
"$zhiyou" data import "$dir/figures.csv" --plan "$plan" --partial --db "$dir/zhiyou.db" >/dev/null 2>&1 || true
zport=$(free_port)
"$zhiyou" serve --db "$dir/zhiyou.db" --listen "127.0.0.1:$zport" --threads 2 --web "$dir/web" \
  >"$dir/zhiyou.log" 2>&1 &
zhiyou_pid=$!
wait_for "http://127.0.0.1:$zport/healthz"

# nginx answers the API path with zhiyou's response bytes.
mkdir -p "$dir/web/api/v1/plans"
curl -sf "http://127.0.0.1:$zport/api/v1/plans/$plan" >"$dir/web/api/v1/plans/$plan"
token=$(curl -sf -X POST "http://127.0.0.1:$zport/api/v1/session" \
  -d '{"username":"bench","password":"bench-password-1"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
evaluation="api/v1/plans/$plan/evaluation?period=2024"
curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$zport/$evaluation" >"$dir/evaluation.json"
chmod -R a+rX "$dir/web"
nport=$(free_port)
start_nginx "$dir" "$nport" "    root $dir/web;
    location /api/ { default_type \"application/json; charset=utf-8\"; }
    location = /api/v1/plans/$plan/evaluation {
      default_type \"application/json; charset=utf-8\";
      alias $dir/evaluation.json;
    }"
wait_for "http://127.0.0.1:$nport/$asset"
cmp -s <(curl -sf "http://127.0.0.1:$zport/$asset") <(curl -sf "http://127.0.0.1:$nport/$asset") ||
  { echo "两边的静态文件不同" >&2; exit 1; }

run_wrk() { wrk -t2 -c64 -d"$duration" --latency -H "Authorization: Bearer $token" "$1" >"$2"; }
results=()
for target in "$asset" "api/v1/plans/$plan" "$evaluation"; do
  name=$(basename "${target%%\?*}")
  run_wrk "http://127.0.0.1:$nport/$target" "$dir/nginx-$name.txt"
  run_wrk "http://127.0.0.1:$zport/$target" "$dir/zhiyou-$name.txt"
  results+=("$target" "$dir/zhiyou-$name.txt" "$dir/nginx-$name.txt")
done

python3 - "${results[@]}" <<'PY'
import re, sys
def parse(path):
    text = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    value, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
    p99_ms = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return rps, p99_ms, int(errors.group(1)) if errors else 0
args = sys.argv[1:]
print(f"{'target (wrk -t2 -c64)':42} {'zhiyou req/s':>13} {'nginx req/s':>12} {'ratio':>6} "
      f"{'zhiyou p99':>11} {'nginx p99':>10} {'ratio':>6}")
for i in range(0, len(args), 3):
    target, z, n = args[i:i + 3]
    zr, zp, ze = parse(z)
    nr, npct, ne = parse(n)
    print(f"{target[:42]:42} {zr:13.0f} {nr:12.0f} {zr / nr:6.2f} {zp:9.2f}ms {npct:8.2f}ms {zp / npct:6.2f}")
    if ze or ne:
        print(f"  警告: 非 2xx 响应 zhiyou {ze}, nginx {ne}")
PY
