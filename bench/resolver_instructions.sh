#!/usr/bin/env bash
# The scan resolver's own work, counted rather than timed: user-space instructions per
# request under valgrind's callgrind, which other jobs on the machine do not move (timings
# here swing by a quarter from run to run). Reference, same run: one serial scanned again
# and again, answered from the response cache.
#
#   bench/resolver_instructions.sh [path/to/zhiyou]   (default: builds build/release)
#   CODES=1000000 bench/resolver_instructions.sh      (smaller, quicker)
#
# One product, one batch of $CODES random serials (bench/resolver_fixture.sh), then
# `zhiyou serve --threads 1` under callgrind, counting only while wrk (-t1 -c4, 10 s) sends
# (a) one serial's URI, (b) a different random serial per request. The kernel's share (TCP,
# about half of a scan's CPU time) is not counted: it is the same work nginx does.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/nginx_reference.sh
source bench/nginx_reference.sh
zhiyou=$(zhiyou_binary "${1:-}")
need "apt-get install wrk valgrind" wrk valgrind callgrind_control python3 curl
codes=${CODES:-10000000}

dir=$(mktemp -d "${TMPDIR:-/tmp}/zhiyou-resolver-instr.XXXXXX")
zhiyou_pid=""
cleanup() {
  [[ -n "$zhiyou_pid" ]] && kill "$zhiyou_pid" 2>/dev/null && wait "$zhiyou_pid" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT
# shellcheck source=bench/resolver_fixture.sh
source bench/resolver_fixture.sh
make_resolver_fixture "$zhiyou" "$dir" "$codes"

port=$(free_port)
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$dir/cg.%p" \
  "$zhiyou" serve --db "$dir/zhiyou.db" --listen "127.0.0.1:$port" --threads 1 \
  >"$dir/zhiyou.log" 2>&1 &
zhiyou_pid=$!
for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
# Under callgrind the load of the codes into memory takes minutes (10,000,000: ~50× its 8 s).
wait_for_code_index "$port" "$dir/zhiyou.log" 1800

# count NAME wrk-arguments…: instructions per request while wrk runs, into NAME.
dumps=0
count() {
  local name=$1 requests
  shift
  wrk -t1 -c4 -d4s -H 'Accept: application/json' "$@" >/dev/null  # warm: caches, statements
  callgrind_control --instr=on "$zhiyou_pid" >/dev/null 2>&1
  wrk -t1 -c4 -d10s -H 'Accept: application/json' "$@" >"$dir/$name.wrk"
  callgrind_control --instr=off "$zhiyou_pid" >/dev/null 2>&1
  callgrind_control --dump "$zhiyou_pid" >/dev/null 2>&1  # into cg.PID.N, N counting dumps
  dumps=$((dumps + 1))
  requests=$(grep -oP '\d+(?= requests in)' "$dir/$name.wrk")
  python3 - "$dir/cg.$zhiyou_pid.$dumps" "$requests" >"$dir/$name" <<'PY'
import sys
total = 0
for line in open(sys.argv[1]):
    if line.startswith("totals:"):
        total = int(line.split()[1])
print(round(total / int(sys.argv[2])))
PY
}
count one "http://127.0.0.1:$port$one"
count random -s "$dir/paths.lua" "http://127.0.0.1:$port/"

echo "码数 $codes（SQLite），用户态指令数 / 请求（callgrind，--threads 1）"
echo "one serial, repeated (reference): $(cat "$dir/one")"
echo "a random serial per request:      $(cat "$dir/random")  ($(python3 -c "print(f'{$(cat "$dir/random") / $(cat "$dir/one"):.2f}')")× the reference)"
