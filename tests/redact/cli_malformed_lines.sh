#!/bin/sh
# `otklik redact` with malformed lines: each is reported on stderr with its line number, every other line is
# still redacted and written, and the exit status is 1.
set -u
otklik="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf '%s\n' \
  '{"id":"a","text":"Звоните: 8 916 123-45-67"}' \
  'not json' \
  '{"id":"b"}' \
  '{"id":"c","text":"ok","extra":1}' \
  '{"id":7,"text":"почта ivan@mail.ru"}' > "$dir/in.ndjson"
"$otklik" redact "$dir/in.ndjson" > "$dir/out.ndjson" 2> "$dir/err.txt"
status=$?
fail() { echo "FAIL: $1"; echo "--- stdout"; cat "$dir/out.ndjson"; echo "--- stderr"; cat "$dir/err.txt"; exit 1; }
[ "$status" -eq 1 ] || fail "exit status $status, expected 1"
[ "$(wc -l < "$dir/out.ndjson")" -eq 2 ] || fail "expected two output lines"
grep -q '^{"id":"a","text":"Звоните: \[PHONE\]","findings":\[{"type":"PHONE","start":16,"end":31}\]}$' "$dir/out.ndjson" || fail "line a"
grep -q '^{"id":7,"text":"почта \[EMAIL\]","findings":\[{"type":"EMAIL","start":11,"end":23}\]}$' "$dir/out.ndjson" || fail "line 5"
for n in 2 3 4; do grep -q "line $n:" "$dir/err.txt" || fail "no message for line $n"; done
[ "$(wc -l < "$dir/err.txt")" -eq 3 ] || fail "expected three messages"
echo "ok"
