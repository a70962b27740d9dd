#!/usr/bin/env bash
# Quick start, command 1: install what Zhiyou needs (Debian packages), build it, load the
# seed plans into its embedded SQLite database (data/zhiyou.db, or $ZHIYOU_DB), create the
# first admin account (only when there is none; its random password is printed once) and
# serve the API and UI on http://127.0.0.1:8080 ($ZHIYOU_LISTEN) until Ctrl-C.
# Running it again keeps the data and the accounts.
set -euo pipefail
cd "$(dirname "$0")/.."
# ccache hashes absolute paths unless it knows the tree's root: with these, a clone in
# another directory reuses the objects an earlier clone compiled.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
scripts/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DZHIYOU_TESTS=OFF >/dev/null
cmake --build build/release --target zhiyou
scripts/build-web.sh # the web UI (web/dist) that `zhiyou serve --web web/dist` serves
export ZHIYOU_DB="${ZHIYOU_DB:-data/zhiyou.db}"
mkdir -p "$(dirname "$ZHIYOU_DB")"
zhiyou=build/release/src/cli/zhiyou
# The demo data is Zhiyou's own export of the seed plans (zhiyou plan export), so this
# works without ../shared; loading it again updates the plans in place.
"$zhiyou" plan load data/demo/plans.json
echo
echo "质优 Zhiyou 已就绪，数据库：$ZHIYOU_DB"
"$zhiyou" plan list
echo
"$zhiyou" user ensure-admin
echo
echo "试试：$zhiyou plan show <编号>    或    $zhiyou --help"
exec "$zhiyou" serve --listen "${ZHIYOU_LISTEN:-127.0.0.1:8080}"
