#!/bin/sh
# Builds the otklik::redact fuzz harness with clang++-14 (libFuzzer + AddressSanitizer + UndefinedBehaviorSanitizer)
# against the core's redaction sources and runs it for SECONDS (default 300). Exit status 0: no finding.
#   tests/fuzz/run_redact_fuzz.sh [SECONDS]
# OTKLIK_FUZZ_DIR (default build/redact-fuzz) holds the binary, the growing corpus and any crash files.
set -eu
seconds=${1:-300}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${OTKLIK_FUZZ_DIR:-$root/build/redact-fuzz}
mkdir -p "$out/corpus" "$out/seeds"
clang++-14 -std=c++20 -O1 -g -fno-omit-frame-pointer \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$root/core/include" -I"$root/core/src" \
  "$root/tests/fuzz/redact_fuzz.cpp" "$root"/core/src/redact/*.cpp -o "$out/redact_fuzz"
# Seeds: a few realistic comments with every kind of personal data.
printf '%s' 'Звоните +7 (916) 123-45-67 или 8 916 765 43 21, почта ivan.petrov@mail.ru' > "$out/seeds/phone"
printf '%s' 'Мой СНИЛС 112-233-445 95, ИНН 7707083893, ОГРН 1027700132195, полис ОМС 7755443322110099' > "$out/seeds/ids"
printf '%s' 'Спасибо Ивановой Марии Петровне и Петрову И.И.; меня зовут Анна Смирнова, д.р. 12.03.1985' > "$out/seeds/names"
printf '%s' 'Проживаю: 123456, г. Москва, ул. Ленина, д. 5, кв. 12. Паспорт серии 4510 номер 123456.' > "$out/seeds/address"
printf '%s' 'Card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, IP 2001:db8::1, A123BC77, https://x.ru/f?email=a@b.ru' > "$out/seeds/mixed"
printf '%s' 'My name is John Smith, I live at 221B Baker Street, London NW1 6XE. Born on March 12, 1985.' > "$out/seeds/english"
cd "$out"
exec ./redact_fuzz -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -dict="$root/tests/fuzz/redact.dict" -print_final_stats=1 corpus seeds
