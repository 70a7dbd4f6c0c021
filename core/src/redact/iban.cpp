// IBANs (ISO 13616) in their electronic form or the paper form in groups of four, validated by the
// country's registered length and the mod-97 check.
#include "checksums.hpp"
#include "matchers.hpp"

namespace otklik::detail {

std::size_t match_iban(const text_view& t, std::size_t start, bool& valid) noexcept {
  valid = false;
  if (start > 0 && is_ascii_alnum(t.data[start - 1])) return 0;
  if (!is_ascii_upper(t.at(start)) || !is_ascii_upper(t.at(start + 1)) || !is_digit(t.at(start + 2)) ||
      !is_digit(t.at(start + 3)))
    return 0;
  const unsigned expected = iban_length(static_cast<char>(t.data[start]), static_cast<char>(t.data[start + 1]));
  if (expected == 0) return 0;
  char chars[34];
  std::size_t count = 0, i = start, end = start;
  while (count < expected) {
    const byte c = t.at(i);
    if (is_digit(c) || is_ascii_upper(c)) {
      chars[count++] = static_cast<char>(c);
      end = ++i;
    } else if (c == ' ' && (is_digit(t.at(i + 1)) || is_ascii_upper(t.at(i + 1))) && count % 4 == 0) {
      ++i;  // a space only between groups of four
    } else {
      break;
    }
  }
  if (count < 12) return 0;
  if (is_ascii_alnum(t.at(end))) return 0;  // longer than the country's IBAN: something else
  valid = count == expected && iban_valid(chars, count);
  return end;
}

}  // namespace otklik::detail
