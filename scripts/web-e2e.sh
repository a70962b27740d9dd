#!/usr/bin/env bash
# End-to-end tests of the web UI: builds web/dist, then web/e2e drives Debian's Chromium
# against a real `zhiyou serve` (ZHIYOU_BINARY, default the release build). Screenshots go to
# $ZHIYOU_SCREENSHOTS (default: a new temporary directory, printed at the end).
# Exit 77 (ctest: skipped) when the machine lacks Node.js or Chromium, or zhiyou lacks `serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
export ZHIYOU_BINARY="${ZHIYOU_BINARY:-$PWD/build/release/src/cli/zhiyou}"
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "跳过：没有 $tool（scripts/install-deps.sh 会安装）"; exit 77; }
done
[ -x "${ZHIYOU_CHROMIUM:-/usr/bin/chromium}" ] || { echo "跳过：没有 Chromium"; exit 77; }
"$ZHIYOU_BINARY" serve --help >/dev/null 2>&1 || { echo "跳过：$ZHIYOU_BINARY 还没有 serve 命令"; exit 77; }
scripts/build-web.sh
cd web
node --test --test-concurrency=1 e2e/
