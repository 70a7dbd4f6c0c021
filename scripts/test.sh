#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 machine and runs the whole test suite: C++ unit tests,
# shared vectors natively and in WebAssembly, the command line, the collector, the widget in Chromium,
# the reports and the viewer under Xvfb. The native code is built with ASan and UBSan (preset `debug`).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
export NODE_PATH=/usr/share/nodejs   # Debian's Emscripten needs it (toolchain.md)

echo "== WebAssembly core (preset wasm) -> web/dist"
cmake --preset wasm >/dev/null
cmake --build --preset wasm
if [ -f web/package.json ] && grep -q '"build"' web/package.json; then
  echo "== widget -> web/dist"
  (cd web && npm run --silent build)
fi

echo "== native build with sanitizers (preset debug)"
cmake --preset debug >/dev/null
cmake --build --preset debug

echo "== tests"
status=0
ctest --preset debug --parallel 2 --timeout 900 --exclude-regex '^web\.size$' || status=$?

# The size budget (the widget's 40 KB gzip, docs/embedding.md "Size"): a gate like the tests above, run
# on its own and verbose so that every log shows each page's bytes as sent.
echo "== size budget (gating)"
ctest --preset debug --tests-regex '^web\.size$' --verbose || status=$?
exit "$status"
