#!/usr/bin/env bash
# Sets everything up and runs the demo: the collector on SQLite with the demo surveys, serving the
# widget and a demo portal (a three-stage service journey). Open the address it prints; Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
export NODE_PATH=/usr/share/nodejs

cmake --preset wasm >/dev/null
cmake --build --preset wasm
if [ -f web/package.json ] && grep -q '"build"' web/package.json; then
  (cd web && npm run --silent build)
fi
cmake --preset native >/dev/null
cmake --build --preset native --target otklik

listen="${OTKLIK_DEMO_LISTEN:-127.0.0.1:8080}"
mkdir -p build/demo
echo "demo: open http://${listen}/ (collector API, widget and demo portal; data in build/demo/otklik-demo.db)"
exec build/native/native/cli/otklik serve \
  --db build/demo/otklik-demo.db \
  --surveys web/demo/surveys \
  --static web/demo \
  --widget web/dist \
  --listen "$listen" \
  --allow-origin "http://${listen}"
