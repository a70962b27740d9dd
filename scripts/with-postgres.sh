#!/usr/bin/env bash
# with-postgres.sh CMD [ARGS...]
#
# Runs CMD against a throwaway PostgreSQL 15 server: a fresh cluster in a temporary
# directory, listening on 127.0.0.1 only (trust authentication, loopback only) on a free
# port, with an empty database `zhiyou_test`. CMD sees
#   ZHIYOU_TEST_POSTGRES=postgresql://postgres@127.0.0.1:PORT/zhiyou_test
# The server is stopped and the directory removed when CMD ends, fails or is interrupted;
# the script exits with CMD's exit code. Debian's own cluster (if any) is not touched.
#
#   scripts/with-postgres.sh env ZHIYOU_REQUIRE_POSTGRES=1 build-store/tests/store_tests
#
# PG_BIN overrides the server binaries (default /usr/lib/postgresql/15/bin). When run as
# root the server runs as the `postgres` OS user, since initdb refuses to run as root.
# Tests do not need their data to survive a crash, so the server skips fsync; benchmarks
# that claim durable writes set PG_DURABLE=1 and get PostgreSQL's defaults (fsync,
# synchronous_commit, full_page_writes all on).
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
for tool in initdb pg_ctl createdb pg_isready; do
  if [[ ! -x "$PG_BIN/$tool" ]]; then
    echo "with-postgres.sh: $PG_BIN/$tool not found (apt-get install postgresql-15)" >&2
    exit 2
  fi
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/zhiyou-pg.XXXXXX")
data="$dir/data"
log="$dir/server.log"
started=""

# Runs a server tool as the owner of the cluster, from a directory that owner can read.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd "$dir" && runuser -u postgres -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

cleanup() {
  if [[ -n "$started" ]]; then
    as_owner "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 20 stop >/dev/null 2>&1 ||
      as_owner "$PG_BIN/pg_ctl" -D "$data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ $(id -u) -eq 0 ]]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "with-postgres.sh: running as root needs the 'postgres' OS user" >&2
    exit 2
  fi
  chown postgres: "$dir"
fi
chmod 700 "$dir"

as_owner "$PG_BIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-locale --no-sync \
  >"$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2
  exit 1
}
# Loopback only, whatever initdb wrote.
cat >"$data/pg_hba.conf" <<'HBA'
local all all trust
host  all all 127.0.0.1/32 trust
HBA
[[ $(id -u) -ne 0 ]] || chown postgres: "$data/pg_hba.conf"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port=""
durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[[ "${PG_DURABLE:-0}" == 1 ]] && durability=""
for _ in $(seq 1 20); do
  candidate=$((20000 + RANDOM % 40000))
  if port_in_use "$candidate"; then
    continue
  fi
  # Another process may take the port between the check and the bind; then try another.
  if as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -c port=$candidate -c unix_socket_directories=$dir $durability" \
    start >/dev/null 2>&1; then
    port=$candidate
    started=1
    break
  fi
  if ! grep -qiE "could not bind|address already in use|could not create any TCP/IP" "$log"; then
    echo "with-postgres.sh: the server did not start:" >&2
    cat "$log" >&2
    exit 1
  fi
done
if [[ -z "$port" ]]; then
  echo "with-postgres.sh: no free port found" >&2
  exit 1
fi

"$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres zhiyou_test

export ZHIYOU_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$port/zhiyou_test"
set +e
"$@"
status=$?
set -e
exit "$status"
