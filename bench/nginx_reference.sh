# shellcheck shell=bash
# Sourced by the bench/*.sh scripts: the reference server (nginx) and the shared helpers.
#   free_port                      a free loopback TCP port
#   wait_for URL                   until URL answers (10 s), else exit 1
#   start_nginx DIR PORT SERVER    nginx ($NGINX_WORKERS workers, default 2; sendfile,
#                                  keep-alive) with the given `server { … }` body, files and
#                                  logs under DIR; sets nginx_pid
#   cpu_ticks PID…                 user + system clock ticks the processes have used so far
#   nginx_workers                  the PIDs of nginx's worker processes
#   zhiyou_binary [PATH]           PATH made absolute, or (none given) build/release's zhiyou,
#                                  built first
#   need HINT TOOL…                exit 2 naming the first TOOL not installed and HINT
# CPU time per request is the steadier measure on a shared machine: wrk and other jobs take
# turns on the same cores, which moves requests/s and tail latency for both servers alike.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 100); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done; echo "未能启动: $1" >&2; exit 1; }
start_nginx() {
  local dir=$1 port=$2 server=$3
  cat >"$dir/nginx.conf" <<CONF
worker_processes ${NGINX_WORKERS:-2};
daemon off;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  open_file_cache max=1000;
  keepalive_requests 1000000;
  client_body_temp_path $dir/nginx-tmp;
  types { text/javascript js; text/html html; }
  server {
    listen 127.0.0.1:$port;
$server
  }
}
CONF
  ${SERVER_CPUS:+taskset -c "$SERVER_CPUS"} nginx -c "$dir/nginx.conf" -p "$dir" &
  nginx_pid=$!
}
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
  echo "$total"
}
nginx_workers() { pgrep -P "$nginx_pid" | tr '\n' ' '; }
zhiyou_binary() {
  if [[ -n "${1:-}" ]]; then
    realpath "$1"
    return
  fi
  cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DZHIYOU_TESTS=OFF >/dev/null
  cmake --build build/release --target zhiyou >/dev/null
  realpath build/release/src/cli/zhiyou
}
need() {
  local hint=$1 tool
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "需要 $tool（$hint）" >&2; exit 2; }
  done
}
