#!/usr/bin/env bash
# The scan resolver against nginx serving the same bytes, with 10,000,000 codes stored.
#
#   bench/resolver_vs_nginx.sh [path/to/zhiyou]   (default: builds build/release)
#   CODES=1000000 BENCH_DURATION=10s bench/resolver_vs_nginx.sh   (smaller, quicker)
#   PIN=1 bench/resolver_vs_nginx.sh   (each server on CPU 0 with one thread or worker, wrk on
#                                       CPU 1: no server thread waits behind wrk for a core)
#
# One product, one batch of $CODES random serials (SQLite, `zhiyou trace issue`). Then
# wrk -t2 -c64 --latency with Accept: application/json against
#   (a) one serial's URI, again and again (what nginx is best at: one static file), and
#   (b) a different random serial per request (wrk Lua script over 100,000 issued serials),
# beside nginx (2 workers, sendfile; a cache of open files for the one file, none for the
# 100,000: each as nginx serves it fastest) serving zhiyou's JSON as a static file:
# for (a) and the first row of (b) one file, that serial's, whatever the path; for the second
# row of (b) each serial's own answer as a file of its own (100,000 files, checked against
# zhiyou's answers), which is what a static site of the same answers would be. Ratios are
# zhiyou / nginx from the same run: requests per second, and CPU time per request (nginx's /
# zhiyou's, so that above 1 means zhiyou needs less).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/nginx_reference.sh
source bench/nginx_reference.sh
zhiyou=$(zhiyou_binary "${1:-}")
need "apt-get install wrk nginx-light" wrk nginx python3 curl
codes=${CODES:-10000000}
server_threads=2 wrk_cpus=""
if [[ "${PIN:-0}" == 1 ]]; then
  export SERVER_CPUS=0 NGINX_WORKERS=1
  server_threads=1 wrk_cpus=1
fi
duration=${BENCH_DURATION:-10s}

dir=$(mktemp -d "${TMPDIR:-/tmp}/zhiyou-resolver-bench.XXXXXX")
chmod 755 "$dir"
zhiyou_pid="" nginx_pid=""
cleanup() {
  [[ -n "$zhiyou_pid" ]] && kill "$zhiyou_pid" 2>/dev/null && wait "$zhiyou_pid" 2>/dev/null
  [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT
# shellcheck source=bench/resolver_fixture.sh
source bench/resolver_fixture.sh

db="$dir/zhiyou.db"
make_resolver_fixture "$zhiyou" "$dir" "$codes"

zport=$(free_port)
${SERVER_CPUS:+taskset -c "$SERVER_CPUS"} "$zhiyou" serve --db "$db" --listen "127.0.0.1:$zport" \
  --threads "$server_threads" >"$dir/zhiyou.log" 2>&1 &
zhiyou_pid=$!
wait_for "http://127.0.0.1:$zport/healthz"
# The server loads the issued codes into memory first (src/server/code_index.hpp); scans are
# measured once it has.
wait_for_code_index "$zport" "$dir/zhiyou.log" 120
curl -sf -H 'Accept: application/json' "http://127.0.0.1:$zport$one" >"$dir/one.json"
[[ -s "$dir/one.json" ]] || { echo "解析失败: $one" >&2; exit 1; }

# Each sampled serial's answer as a file at its path: one.json with the serial replaced.
mkdir -p "$dir/www" "$dir/files"
cp "$dir/one.json" "$dir/www/one.json"
python3 - "$dir/paths.lua" "$dir/one.json" "$dir/files" <<'PY'
import json, os, sys
paths = [line.strip().strip('",') for line in open(sys.argv[1]) if line.startswith('  "')]
template = open(sys.argv[2], "rb").read()
serial = json.loads(template)["code"]["serial"]
for p in paths:
    path = p.split("?")[0]
    target = os.path.join(sys.argv[3], path.lstrip("/"))
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as f:
        f.write(template.replace(serial.encode(), path.rsplit("/", 1)[1].encode()))
PY
chmod -R a+rX "$dir/www" "$dir/files"
nport=$(free_port)
start_nginx "$dir" "$nport" "    default_type \"application/json; charset=utf-8\";
    # nginx at its best for 100,000 files read at random: without a cache of open files
    # (75,000 req/s pinned, against 68,000 with max=1000 and 64,000-67,000 with max=15,000;
    # a cache of them all would need more file descriptors than the hard limit allows).
    location /files/ { alias $dir/files/; open_file_cache off; }
    location / { root $dir/www; try_files /one.json =404; }"
wait_for "http://127.0.0.1:$nport/one.json"
# The files are zhiyou's answers, byte for byte (a sample of 20).
for path in $(sed -n '2,400p' "$dir/paths.lua" | awk 'NR % 20 == 1' | sed 's/^ *"//; s/",$//'); do
  cmp -s <(curl -sf -H 'Accept: application/json' "http://127.0.0.1:$zport$path") \
    <(curl -sf "http://127.0.0.1:$nport/files${path%%\?*}") ||
    { echo "静态文件与 zhiyou 的应答不同: $path" >&2; exit 1; }
done
sed 's|^prefix = ""$|prefix = "/files"|' "$dir/paths.lua" >"$dir/files.lua"

# run_wrk NAME "PIDS" wrk-arguments…: the wrk report in NAME.txt, the servers' CPU ticks in
# NAME.cpu.
run_wrk() {
  local name=$1 pids=$2 before
  shift 2
  # shellcheck disable=SC2086
  before=$(cpu_ticks $pids)
  ${wrk_cpus:+taskset -c "$wrk_cpus"} wrk -t2 -c64 -d"$duration" --latency -H 'Accept: application/json' "$@" >"$dir/$name.txt"
  # shellcheck disable=SC2086
  echo $(($(cpu_ticks $pids) - before)) >"$dir/$name.cpu"
}
workers=$(nginx_workers)
run_wrk nginx-one "$workers" "http://127.0.0.1:$nport$one"
run_wrk zhiyou-one "$zhiyou_pid" "http://127.0.0.1:$zport$one"
run_wrk nginx-random "$workers" -s "$dir/paths.lua" "http://127.0.0.1:$nport/"
run_wrk nginx-files "$workers" -s "$dir/files.lua" "http://127.0.0.1:$nport/"
run_wrk zhiyou-random "$zhiyou_pid" -s "$dir/paths.lua" "http://127.0.0.1:$zport/"

echo "码数 $codes（SQLite），${PIN:+PIN=$PIN（服务端 CPU 0，wrk CPU 1），}响应 $(wc -c <"$dir/one.json") 字节，负载 $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$dir" <<'PY'
import os, re, sys
d = sys.argv[1]
tick = os.sysconf("SC_CLK_TCK")
def parse(name):
    text = open(f"{d}/{name}.txt").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    value, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
    p99 = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    count = int(re.search(r"(\d+) requests in", text).group(1))
    cpu_us = int(open(f"{d}/{name}.cpu").read()) / tick * 1e6 / count
    return rps, p99, int(errors.group(1)) if errors else 0, cpu_us
print(f"{'target (wrk -t2 -c64)':28} {'zhiyou req/s':>12} {'nginx req/s':>11} {'ratio':>5}"
      f" {'zhiyou p99':>10} {'nginx p99':>9} {'CPU µs/req z / n':>17} {'CPU ratio':>9}")
for z, n, label in [("one", "one", "one serial, repeated"),
                    ("random", "random", "random serial / one file"),
                    ("random", "files", "random serial / its file")]:
    zr, zp, ze, zc = parse(f"zhiyou-{z}")
    nr, np_, ne, nc = parse(f"nginx-{n}")
    print(f"{label:28} {zr:12.0f} {nr:11.0f} {zr / nr:5.2f} {zp:8.2f}ms {np_:7.2f}ms"
          f" {zc:8.1f} / {nc:5.1f} {nc / zc:9.2f}")
    if ze or ne:
        print(f"  警告: 非 2xx 响应 zhiyou {ze}, nginx {ne}")
PY
