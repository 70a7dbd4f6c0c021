#!/usr/bin/env bash
# Benchmark of the collector: wrk POSTs unique valid responses to `otklik serve` (SQLite, group commit,
# synchronous=FULL: every 201 is durable), then the same wrk run against nginx answering 204 on the same
# machine, as the baseline. Prints requests/s, p50 and p99 for both and the ratio, and the CPU time each
# server spent per request (user+system, from /proc: the figure that stays meaningful on a busy machine),
# with the collector's average batch size and commit time (what fsync costs on this disk).
#
#   bench/collector/bench_collector.sh            # builds build/native (Release) if needed
#   OTKLIK=/path/to/otklik DURATION=5s ROUNDS=3 CONNECTIONS=50 THREADS=2 DURABILITY=full bench/collector/bench_collector.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/bench/collector"
duration=${DURATION:-5s}
rounds=${ROUNDS:-3}
connections=${CONNECTIONS:-50}
wrk_threads=${THREADS:-2}
durability=${DURABILITY:-full}

for tool in wrk nginx; do
  command -v "$tool" >/dev/null || { echo "bench_collector: $tool is missing: run scripts/setup.sh" >&2; exit 2; }
done
if [ -z "${OTKLIK:-}" ]; then
  (cd "$root" && cmake --preset native >/dev/null && cmake --build --preset native --target otklik >/dev/null)
  OTKLIK="$root/build/native/native/cli/otklik"
fi

work=$(mktemp -d)
server_pid=""
nginx_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# wrk's summary in one line: requests/s, p50 ms, p99 ms, non-2xx count, total requests.
summarize() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /requests in/ { total = $1 }
    /Non-2xx or 3xx responses:/ { bad = $5 }
    /Socket errors:/ { errors = $0 }
    END { printf "%.0f %.3f %.3f %d %d\n", rps, p50, p99, bad + 0, total }' "$1"
}

run_wrk() {  # url out-file
  wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency -s "$here/post_responses.lua" "$1" >"$2"
}

# CPU time (user+system, clock ticks) used so far by a process and its children threads/processes.
cpu_ticks() {  # pid...
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat")))
  done
  echo "$total"
}
ticks_per_second=$(getconf CLK_TCK)

# The collector's CPU ticks so far by thread role: "loops writer checkpointer other" (threads are named
# otklik-writer, otklik-ckpt, otklik-loopN; the first loop runs on the main thread).
role_ticks() {  # pid
  local task name
  for task in /proc/"$1"/task/*; do
    [ -r "$task/stat" ] || continue
    name=$(cat "$task/comm")
    [ "${task##*/}" = "$1" ] && name=main
    printf '%s %s\n' "$name" "$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "$task/stat")"
  done | awk '$1 == "main" || $1 ~ /^otklik-loop/ { l += $2; next } $1 == "otklik-writer" { w += $2; next }
              $1 == "otklik-ckpt" { c += $2; next } { o += $2 } END { printf "%d %d %d %d\n", l, w, c, o }'
}

# The collector's store counters so far, from its /metrics: transactions, rows, seconds in commits.
store_counters() {
  python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1]).read().decode())' \
    "${collector_url%v1/responses}metrics" |
    awk '/^otklik_store_batch_size_count / { n = $2 } /^otklik_store_batch_size_sum / { rows = $2 }
         /^otklik_store_commit_seconds_sum / { s = $2 } END { printf "%d %d %.6f\n", n, rows, s }'
}

# --- the collector ------------------------------------------------------------------------------
# The rate limit is off: every request comes from 127.0.0.1, so one "client" sends them all.
"$OTKLIK" serve --db "$work/bench.db" --surveys "$root/tests/vectors/surveys" --listen 127.0.0.1:0 \
  --rate-limit 0 --durability "$durability" >"$work/serve.out" 2>"$work/serve.log" &
server_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
collector_url="$(sed -n 's/^listening on \(.*\)$/\1/p' "$work/serve.out")v1/responses"

# --- nginx answering 204: the upper bound of an HTTP server on this machine -------------------------
mkdir -p "$work/nginx/logs"
nginx_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$nginx_port;
    location / { return 204; }
  }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/logs/error.log" &
nginx_pid=$!
for _ in $(seq 50); do (echo >/dev/tcp/127.0.0.1/"$nginx_port") 2>/dev/null && break; sleep 0.1; done

# Alternate the two so that both see the same machine: on shared cores, load from other processes
# comes and goes, and a single run of each would compare two different machines.
nginx_pids() { echo "$nginx_pid" $(pgrep -P "$nginx_pid"); }
read -r batches0 rows0 commit0 <<<"$(store_counters)"
c_ticks=0
n_ticks=0
role_sums=(0 0 0 0)
load_samples=""
for round in $(seq "$rounds"); do
  before=$(cpu_ticks "$server_pid")
  read -r -a roles_before <<<"$(role_ticks "$server_pid")"
  run_wrk "$collector_url" "$work/collector.$round.txt"
  c_ticks=$((c_ticks + $(cpu_ticks "$server_pid") - before))
  read -r -a roles_after <<<"$(role_ticks "$server_pid")"
  for i in 0 1 2 3; do role_sums[i]=$((role_sums[i] + roles_after[i] - roles_before[i])); done
  load_samples="$load_samples $(cut -d' ' -f1 /proc/loadavg)"
  before=$(cpu_ticks $(nginx_pids))
  run_wrk "http://127.0.0.1:$nginx_port/v1/responses" "$work/nginx.$round.txt"
  n_ticks=$((n_ticks + $(cpu_ticks $(nginx_pids)) - before))
  summarize "$work/collector.$round.txt" >>"$work/collector.rounds"
  summarize "$work/nginx.$round.txt" >>"$work/nginx.rounds"
done
read -r batches1 rows1 commit1 <<<"$(store_counters)"
kill -TERM "$server_pid"; wait "$server_pid"; server_pid=""
kill -QUIT "$nginx_pid"; wait "$nginx_pid" || true; nginx_pid=""
stored=$("$OTKLIK" export --db "$work/bench.db" | wc -l)

# Median of each column over the rounds; totals summed.
medians() {
  awk '{ for (i = 1; i <= 3; i++) v[i, NR] = $i; bad += $4; total += $5 }
    END {
      for (i = 1; i <= 3; i++) {
        for (a = 1; a <= NR; a++) for (b = a + 1; b <= NR; b++) if (v[i, b] < v[i, a]) { t = v[i, a]; v[i, a] = v[i, b]; v[i, b] = t }
        m[i] = (NR % 2) ? v[i, (NR + 1) / 2] : (v[i, NR / 2] + v[i, NR / 2 + 1]) / 2
      }
      printf "%.0f %.3f %.3f %d %d\n", m[1], m[2], m[3], bad, total }' "$1"
}
read -r c_rps c_p50 c_p99 c_bad c_total <<<"$(medians "$work/collector.rounds")"
read -r n_rps n_p50 n_p99 n_bad n_total <<<"$(medians "$work/nginx.rounds")"
echo "wrk -t$wrk_threads -c$connections -d$duration x $rounds rounds alternating, unique valid responses" \
  "(POST /v1/responses, random ids), $(nproc) cores; medians over the rounds"
printf "%-34s %12s %10s %10s %10s\n" "server" "requests/s" "p50 ms" "p99 ms" "non-2xx"
printf "%-34s %12s %10s %10s %10s\n" "otklik serve (SQLite, $durability)" "$c_rps" "$c_p50" "$c_p99" "$c_bad"
printf "%-34s %12s %10s %10s %10s\n" "nginx return 204 (baseline)" "$n_rps" "$n_p50" "$n_p99" "$n_bad"
echo "per round, collector then nginx (requests/s p50 p99):"
paste -d' ' "$work/collector.rounds" "$work/nginx.rounds" | awk '{ printf "  %8d %7.3f %8.3f   |  %8d %7.3f %8.3f\n", $1, $2, $3, $6, $7, $8 }'
awk -v c="$c_rps" -v n="$n_rps" 'BEGIN { printf "ratio collector / nginx (medians): %.2f\n", c / n }'
awk -v ct="$c_ticks" -v nt="$n_ticks" -v cr="$c_total" -v nr="$n_total" -v hz="$ticks_per_second" 'BEGIN {
  printf "server CPU per request (user+system): collector %.1f us, nginx %.1f us\n", ct * 1e6 / hz / cr, nt * 1e6 / hz / nr }'
awk -v l="${role_sums[0]}" -v w="${role_sums[1]}" -v c="${role_sums[2]}" -v o="${role_sums[3]}" -v cr="$c_total" \
  -v hz="$ticks_per_second" 'BEGIN { f = 1e6 / hz / cr
  printf "collector CPU per request by thread: event loops %.1f us, writer %.1f us, checkpointer %.1f us, other %.1f us\n",
    l * f, w * f, c * f, o * f }'
echo "load average (1 min) at the end of each collector round:$load_samples"
awk -v b="$((batches1 - batches0))" -v r="$((rows1 - rows0))" -v s0="$commit0" -v s1="$commit1" 'BEGIN {
  if (b > 0) printf "collector store: %d transactions, %.1f submissions each, %.2f ms per commit (write + fsync)\n",
    b, r / b, (s1 - s0) * 1000 / b }'
echo "stored rows after the run: $stored (wrk completed $c_total requests, $c_bad not 2xx)"
awk -v c="$c_rps" -v n="$n_rps" -v p99="$c_p99" 'BEGIN {
  printf "targets: >= 20000 durable/s: %s; >= 0.3x nginx: %s; p99 < 20 ms: %s\n",
    (c >= 20000 ? "met" : "NOT met"), (c >= 0.3 * n ? "met" : "NOT met"), (p99 < 20 ? "met" : "NOT met") }'
