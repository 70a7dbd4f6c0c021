#!/usr/bin/env bash
# Installs everything Otklik needs on a fresh Debian 12 machine (root): Debian packages and the
# widget's npm packages. Idempotent: a second run installs nothing new and finishes quickly.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  # build
  cmake ninja-build g++ pkg-config git ca-certificates
  # core and command line
  libsimdjson-dev rapidjson-dev libcereal-dev libcli11-dev
  # collector
  libsqlite3-dev sqlite3 libboost1.81-dev libcpp-httplib-dev
  # analysis
  libstemmer-dev
  # viewer and its headless tests
  libimgui-dev libglfw3-dev libgl-dev libstb-dev fonts-dejavu-core xvfb xauth libgl1-mesa-dri
  # tests
  catch2 zlib1g-dev
  # WebAssembly build (Debian's Emscripten 3.1.6 runs on the machine's Node.js)
  emscripten
  # browser tests
  chromium
  # fuzzing (libFuzzer runtime for clang-14) and benchmark peers
  clang-14 libclang-rt-14-dev libre2-dev wrk nginx-light
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -f web/package-lock.json ]; then
  if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    echo "setup: installing npm packages (web/)"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
echo "setup: done"
