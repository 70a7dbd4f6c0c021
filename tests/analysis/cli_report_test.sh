#!/usr/bin/env bash
# `otklik report` and `otklik ingest` end to end: every format, invalid lines reported but not fatal, a report
# from a snapshot equal to one from the NDJSON, and usage errors.
set -euo pipefail
otklik=$1 generate=$2 surveys=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$generate" --count 3000 --seed 8 --surveys "$surveys" --out "$work/data.ndjson"
printf '{"format":"otklik.response/1"}\nnot json\n' >> "$work/data.ndjson"

"$otklik" report --surveys "$surveys" --out "$work/report.json" "$work/data.ndjson" 2> "$work/stderr"
grep -q '2 of 3002 lines are invalid' "$work/stderr" || fail "invalid lines not reported: $(cat "$work/stderr")"
grep -q 'data.ndjson:3001: ' "$work/stderr" || fail "invalid line number missing"
head -c 60 "$work/report.json" | grep -q '"format":"otklik.report/1","k":10,"responses":3000' || fail "json head"
for section in groups journey trends alerts drivers terms comments; do
  grep -q "\"$section\":" "$work/report.json" || fail "json lacks $section"
done

"$otklik" report --surveys "$surveys" --format csv --by service,period --period week --k 25 "$work/data.ndjson" \
  > "$work/report.csv" 2>/dev/null
head -1 "$work/report.csv" | grep -q '^service,period,n,suppressed,csat_n,' || fail "csv header"
grep -q '^passport-renewal,20[0-9][0-9]-W[0-9][0-9],' "$work/report.csv" || fail "csv week rows"
grep -q ',<25,true,' "$work/report.csv" || grep -q ',false,' "$work/report.csv" || fail "csv rows"

"$otklik" report --surveys "$surveys" --format html --out "$work/report.html" "$work/data.ndjson" 2>/dev/null
grep -q 'id="journey"' "$work/report.html" || fail "html journey"

# The report does not depend on how many threads read and count (parts, merges, term tallies).
for format in json csv html; do
  "$otklik" report --surveys "$surveys" --format "$format" --threads 1 --out "$work/threads-1.$format" \
    "$work/data.ndjson" 2>/dev/null
  for threads in 2 3; do
    "$otklik" report --surveys "$surveys" --format "$format" --threads "$threads" --out "$work/threads-$threads.$format" \
      "$work/data.ndjson" 2>/dev/null
    cmp -s "$work/threads-1.$format" "$work/threads-$threads.$format" || fail "$format report on $threads threads differs"
  done
done

"$otklik" ingest --surveys "$surveys" --snapshot "$work/data.snapshot" "$work/data.ndjson" 2> "$work/ingest.err"
grep -q 'bytes per response' "$work/ingest.err" || fail "ingest summary"
"$otklik" report --surveys "$surveys" --out "$work/from-snapshot.json" "$work/data.snapshot" 2>/dev/null
cmp -s "$work/report.json" "$work/from-snapshot.json" || fail "snapshot report differs from NDJSON report"

set +e
"$otklik" report --surveys "$surveys" --by colour "$work/data.ndjson" > /dev/null 2>&1
[ $? -eq 2 ] || fail "a bad --by must exit 2"
"$otklik" report --surveys "$surveys" "$work/missing.ndjson" > /dev/null 2>&1
[ $? -eq 2 ] || fail "a missing input must exit 2"
set -e
echo "cli report: 1 passed, 0 failed"
