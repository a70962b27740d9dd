# shellcheck shell=bash
# Sourced by the bench/resolver_*.sh scripts: a SQLite database with one product and one
# batch of $codes random serials, and 100,000 of them as wrk Lua paths.
#   make_resolver_fixture ZHIYOU DIR CODES   DIR/zhiyou.db, DIR/codes.csv, DIR/paths.lua;
#                                            sets `one` to the first sampled serial's path
#   wait_for_code_index PORT LOG SECONDS     until the server at PORT has loaded the issued
#                                            codes into memory (src/server/code_index.hpp)
make_resolver_fixture() {
  local zhiyou=$1 dir=$2 codes=$3 gtin=09506000134352 start issued
  "$zhiyou" entity add --uscc 91330212MA2G00001N --name 宁波甬优电器有限公司 --region 鄞州 \
    --db "$dir/zhiyou.db" >/dev/null
  "$zhiyou" product add --gtin $gtin --name 电热水壶 --entity 91330212MA2G00001N \
    --mark 品字标浙江制造 --db "$dir/zhiyou.db" >/dev/null
  echo "赋码 $codes 个 …" >&2
  start=$(date +%s.%N)
  "$zhiyou" trace issue --gtin $gtin --lot L2026 --expiry 271231 --count "$codes" \
    --out "$dir/codes.csv" --db "$dir/zhiyou.db" 2>/dev/null
  issued=$(python3 -c "import time; print(f'{time.time() - $start:.1f}')")
  echo "赋码用时 ${issued} s" >&2
  python3 - "$dir/codes.csv" "$dir/paths.lua" <<'PY'
import csv, random, sys
rows = []
with open(sys.argv[1], encoding="utf-8-sig") as f:
    reader = csv.reader(f)
    header = next(reader)
    uri = header.index("digital_link") if "digital_link" in header else len(header) - 1
    for row in reader:
        rows.append(row[uri])
random.seed(7)
sample = random.sample(rows, min(100000, len(rows)))
with open(sys.argv[2], "w") as out:
    out.write("paths = {\n")
    for u in sample:
        out.write('  "' + u[u.index("/01/"):] + '",\n')
    # Each wrk thread formats its requests once: a request string built per request kept
    # wrk's Lua collector busy, and its pauses showed as milliseconds of tail latency for
    # whichever server was measured (p99 2.3 ms against 1.4 ms for the same zhiyou).
    out.write('}\nprefix = ""\nrequests = {}\n'
              "function init(args)\n"
              "  for i, p in ipairs(paths) do requests[i] = wrk.format(nil, prefix .. p) end\n"
              "end\n"
              "function request()\n  return requests[math.random(#requests)]\nend\n")
PY
  # shellcheck disable=SC2034  # read by the scripts that source this
  one=$(sed -n '2p' "$dir/paths.lua" | sed 's/^ *"//; s/",$//')
}

# Scans are measured once the server holds the issued codes in memory; until then they ask
# the database, and the load itself would be counted in with them.
wait_for_code_index() {
  local port=$1 log=$2 seconds=$3
  for _ in $(seq $((seconds * 10))); do
    curl -sf "http://127.0.0.1:$port/metrics" | grep -qx 'zhiyou_code_index_ready 1' && break
    sleep 0.1
  done
  grep -h '码目录' "$log" || echo "码目录未在 $seconds 秒内载入，扫码直接查询数据库" >&2
}
