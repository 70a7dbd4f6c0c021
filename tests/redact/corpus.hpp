// The labelled comment corpus for the redactor: realistic Russian and English comments with personal data
// made from the published formats of each identifier (check digits computed by the official rules, written
// here independently of the detector), and look-alikes that must stay. Deterministic for a seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "otklik/redact.hpp"

namespace otklik::corpus {

// splitmix64: a tiny generator whose sequence is the same on every platform (std distributions are not).
class rng {
 public:
  explicit rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n).
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }
  // Uniform in [lo, hi].
  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint32_t>(hi - lo + 1))); }
  bool chance(unsigned percent) { return below(100) < percent; }
  char digit() { return static_cast<char>('0' + below(10)); }
  template <class T>
  const T& pick(std::initializer_list<T> items) {
    return items.begin()[below(static_cast<std::uint32_t>(items.size()))];
  }
  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[below(static_cast<std::uint32_t>(items.size()))];
  }

 private:
  std::uint64_t state_;
};

// One item of a fixed list, drawn with one number (the corpus and its places share it).
template <std::size_t N>
const char* one_of(rng& r, const char* const (&items)[N]) {
  return items[r.below(N)];
}

// String concatenation whose parts are evaluated left to right: C++17 sequences the operands of <<, but not
// those of +, so `a(r) + b(r)` could draw the random numbers in either order and the corpus would depend on
// the compiler. Every expression that draws more than once is written with cat.
struct cat {
  std::string text;
  cat& operator<<(std::string_view part) {
    text += part;
    return *this;
  }
  cat& operator<<(char c) {
    text += c;
    return *this;
  }
  operator std::string() const { return text; }  // NOLINT: meant to convert implicitly
};

// Personal data that must be redacted: [start, end) in bytes.
struct gold_span {
  pii_type type{};
  std::uint32_t start = 0, end = 0;
};
// A look-alike that must stay (an application number, an amount, a date of an event...).
struct keep_span {
  std::string what;
  std::uint32_t start = 0, end = 0;
};

struct sample {
  std::string id;
  std::string lang;  // "ru" or "en"
  std::string text;
  std::vector<gold_span> pii;
  std::vector<keep_span> keep;
};

// `count` comments for `seed`; the same arguments give the same corpus everywhere.
[[nodiscard]] std::vector<sample> generate(std::uint64_t seed, std::size_t count);

// Plain comment text for throughput benchmarks: comments of the corpus mixed with comments without
// personal data (most real comments have none), joined by newlines, until `bytes` are reached.
[[nodiscard]] std::string benchmark_text(std::uint64_t seed, std::size_t bytes, std::vector<std::string>* comments = nullptr);

// ---- Identifier makers (identifiers.cpp), each from its published format ----

// A value and, for the scorer, what it is.
struct made {
  std::string text;
  pii_type type{};
};

[[nodiscard]] std::string snils(rng& r, bool valid);      // 123-456-789 01 and other spellings
[[nodiscard]] std::string inn(rng& r, bool person, bool valid);
[[nodiscard]] std::string ogrn(rng& r, bool sole_trader, bool valid);
[[nodiscard]] std::string oms(rng& r, bool valid);
[[nodiscard]] std::string card(rng& r, bool valid);
[[nodiscard]] std::string iban(rng& r);
[[nodiscard]] std::string phone_ru(rng& r);
[[nodiscard]] std::string phone_international(rng& r);
[[nodiscard]] std::string email(rng& r);
[[nodiscard]] std::string ipv4(rng& r);
[[nodiscard]] std::string ipv6(rng& r);
[[nodiscard]] std::string personal_url(rng& r);
[[nodiscard]] std::string plain_url(rng& r);
[[nodiscard]] std::string plate(rng& r);
// Internal passport "45 10 123456" in a random spelling; `series_number` gets "серия ... номер ..." parts.
[[nodiscard]] std::string passport_ru(rng& r);
[[nodiscard]] std::string passport_foreign(rng& r);
// Digits of `length` that fail every checksum an identifier of that length has (a look-alike).
[[nodiscard]] std::string unchecked_number(rng& r, std::size_t length);

// Check digits by the official rules (also used by the generator's own unit tests).
[[nodiscard]] int snils_check(std::string_view nine_digits);
[[nodiscard]] bool inn_ok(std::string_view digits);
[[nodiscard]] bool ogrn_ok(std::string_view digits);
[[nodiscard]] bool luhn_ok(std::string_view digits);
// The FOMS rule for the unified policy number (order no. 79 of 7 April 2011): the check digit of 15 digits.
[[nodiscard]] int oms_check(std::string_view fifteen_digits);
[[nodiscard]] bool iban_ok(std::string_view compact);

// ---- People and places (people.cpp, places.cpp) ----

enum class grammatical_case : std::uint8_t { nom, gen, dat, acc, ins, pre };
// A Russian person's name in `c`, in one of the usual written forms (full, initials, first name and patronymic...).
[[nodiscard]] std::string russian_name(rng& r, grammatical_case c);
// A Russian full name "Фамилия Имя [Отчество]" in the nominative (after "ФИО:" or "меня зовут").
[[nodiscard]] std::string russian_name_nominative(rng& r, bool with_patronymic);
[[nodiscard]] std::string english_name(rng& r, bool with_first);
[[nodiscard]] std::string russian_address(rng& r);
[[nodiscard]] std::string english_address(rng& r);
[[nodiscard]] std::string city_ru(rng& r, grammatical_case c);
// The name of `month` (1..12): Russian in the genitive ("марта", as in dates), or English.
[[nodiscard]] const char* month_name(int month, bool russian);
// A date of birth in a random spelling ("12.03.1985", "12 марта 1985", "March 12, 1985"...).
[[nodiscard]] std::string birth_date(rng& r, bool russian);

}  // namespace otklik::corpus
