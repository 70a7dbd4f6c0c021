#!/usr/bin/env bash
# The analysis benchmark: `otklik report` end to end on 2 threads over ~1 GB of NDJSON, beside simdjson's bare
# parse of the same file and DuckDB's same group-by; then store size, snapshot reload and aggregation speed.
# usage: bench/analysis/run_bench.sh [BUILD_DIR] [GIGABYTES]
#   Without BUILD_DIR the programs are configured and built through the `native` preset (Release, g++) into
#   build/native, so the script works from a fresh clone; with it, that (Release) build directory is brought up
#   to date. The input (about GIGABYTES GB, default 1) is generated into bench/data/analysis if missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-}
gigabytes=${2:-1}
surveys=$root/tests/vectors/surveys
data=$root/bench/data/analysis
mkdir -p "$data"
file=$data/responses-${gigabytes}g.ndjson
targets=(otklik generate_dataset simdjson_parse_baseline analysis_bench)
if [ -z "$build" ]; then
  build=$root/build/native
  (cd "$root" && cmake --preset native > /dev/null && cmake --build --preset native -j2 --target "${targets[@]}" > /dev/null)
else
  cmake --build "$build" -j2 --target "${targets[@]}" > /dev/null
fi
otklik=$build/native/cli/otklik
for program in "$otklik" "$build/tests/analysis/generate_dataset" "$build/bench/analysis/simdjson_parse_baseline" \
               "$build/bench/analysis/analysis_bench"; do
  [ -x "$program" ] || { echo "missing $program after the build" >&2; exit 2; }
done

if [ ! -f "$file" ]; then
  # About 300 bytes a line.
  count=$(awk -v g="$gigabytes" 'BEGIN { printf "%d", g * 1e9 / 299 }')
  echo "generating $count responses into $file"
  "$build/tests/analysis/generate_dataset" --count "$count" --seed 1 --months 12 --surveys "$surveys" --out "$file"
fi
bytes=$(stat -L -c %s "$file")
cat "$file" > /dev/null   # every contender reads from the page cache

# Best wall time of three runs, and the CPU seconds (user + system) of that run: the machine may be shared.
measure() {
  local best="" best_cpu="" out
  for _ in 1 2 3; do
    out=$( { /usr/bin/time -f "TIME %e %U %S" "$@" > /dev/null 2> /dev/null; } 2>&1 | grep '^TIME' || true)
    [ -n "$out" ] || out=$( { /usr/bin/time -f "TIME %e %U %S" "$@" 2>&1 >/dev/null | grep '^TIME'; } )
    read -r _ wall user sys <<< "$out"
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$wall
      best_cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    fi
  done
  echo "$best $best_cpu"
}
report() {  # name wall cpu
  awk -v n="$1" -v w="$2" -v c="$3" -v b="$bytes" 'BEGIN {
    printf "%-44s %7.2f s wall %6.2f GB/s   %7.2f s CPU %6.2f GB/s per CPU-second\n", n, w, b / w / 1e9, c, b / c / 1e9 }'
}

echo "input: $file ($bytes bytes), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
read -r wall cpu <<< "$(measure "$otklik" report --threads 2 --surveys "$surveys" --out /dev/null "$file")"
report "otklik report --format json (2 threads)" "$wall" "$cpu"
report_wall=$wall report_cpu=$cpu
read -r wall cpu <<< "$(measure "$build/bench/analysis/simdjson_parse_baseline" "$file" 2)"
report "simdjson On Demand bare parse (2 threads)" "$wall" "$cpu"
awk -v rw="$report_wall" -v rc="$report_cpu" -v bw="$wall" -v bc="$cpu" 'BEGIN {
  printf "otklik report / simdjson bare parse: %.2fx the wall time, %.2fx the CPU time\n", rw / bw, rc / bc }'
if command -v node > /dev/null; then
  if [ ! -d "$root/bench/analysis/node_modules/@duckdb/node-api" ]; then
    (cd "$root/bench/analysis" && npm install --no-audit --no-fund --loglevel=error)
  fi
  read -r wall cpu <<< "$(measure node "$root/bench/analysis/duckdb_groupby.mjs" "$file" 2)"
  report "DuckDB read_ndjson + group-by (2 threads)" "$wall" "$cpu"
fi
echo "where otklik report's time goes (one run, --timings):"
"$otklik" report --timings --threads 2 --surveys "$surveys" --out /dev/null "$file" 2>&1 | grep ' s CPU$' | sed 's/^/  /'
"$build/bench/analysis/analysis_bench" --surveys "$surveys" --threads 2 "$file"
