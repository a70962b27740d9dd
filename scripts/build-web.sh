#!/usr/bin/env bash
# Builds the web UI into web/dist: `npm ci` from the committed package-lock.json (only when
# web/node_modules is missing or was installed from a different lock file), then `vite build`.
# Needs Node.js 20.19+ and the npm registry; nothing else is downloaded.
set -euo pipefail
cd "$(dirname "$0")/../web"
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.zhiyou-lock-sha256
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  echo "== npm ci (web/)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$stamp"
fi
echo "== vite build (web/dist)"
npm run --silent build -- --logLevel warn
