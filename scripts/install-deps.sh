#!/usr/bin/env bash
# Installs, from Debian's archive only, everything Zhiyou needs to build, run and test.
# Safe to run again: apt-get skips what is already there.
set -euo pipefail
packages=(
  build-essential cmake ninja-build ccache pkg-config clang clang-format clang-tidy
  libclang-rt-14-dev
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsoci-dev libsqlite3-dev libpq-dev sqlite3
  postgresql-15 postgresql-client-15
  libcli11-dev libfmt-dev libspdlog-dev
  libutf8proc-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libxlsxwriter-dev libminizip-dev libexpat1-dev
  libqrencode-dev libpng-dev libzxing-dev libargon2-dev
  chromium fonts-wqy-microhei
  wrk nginx-light
)
# The web UI is built with Node.js; use the machine's own when it has one, Debian's otherwise.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
if [ "${ZHIYOU_SKIP_APT:-0}" != 1 ]; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "安装依赖 / installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi
