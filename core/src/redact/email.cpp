// E-mail addresses (RFC 5322 dot-atom local part, internationalised per RFC 6531: Cyrillic local parts and
// domains such as почта.рф), found from their '@'.
#include "matchers.hpp"

namespace otklik::detail {

namespace {
constexpr std::size_t max_local = 64;   // RFC 5321 limit on the local part
constexpr std::size_t max_domain = 255;

bool is_local_ascii(byte c) noexcept {
  return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

// Length of a domain-label character at `i` (ASCII letter/digit/hyphen or a Cyrillic letter), or 0.
unsigned label_char(const text_view& t, std::size_t i) noexcept {
  const byte c = t.data[i];
  if (is_ascii_alnum(c) || c == '-') return 1;
  if (is_cyrillic_lead(c) && i + 1 < t.size && is_continuation(t.data[i + 1])) return 2;
  return 0;
}
}  // namespace

byte_span match_email(const text_view& t, std::size_t at, std::size_t floor) noexcept {
  // Local part: walk back over allowed characters.
  std::size_t s = at;
  while (s > floor && at - s < max_local) {
    const byte c = t.data[s - 1];
    if (c < 0x80) {
      if (!is_local_ascii(c)) break;
      --s;
    } else if (is_continuation(c) && s - 1 > floor && is_cyrillic_lead(t.data[s - 2])) {
      s -= 2;
    } else {
      break;
    }
  }
  while (s < at && (t.data[s] == '.' || t.data[s] == '-' || t.data[s] == '+')) ++s;  // a local part starts with a character
  if (s == at || t.data[at - 1] == '.') return {};

  // Domain: labels separated by single dots; the last (top-level) label is letters only.
  std::size_t i = at + 1, end = 0, labels = 0;
  for (;;) {
    const std::size_t label_start = i;
    if (labels >= 2 && i < t.size && is_upper_letter_at(t, i) && i + 2 < t.size &&
        is_lower_letter_at(t, i + letter_length(t, i)))
      break;  // "mail.ru.Спасибо": a capitalised word is a new sentence, not a label
    bool letters_only = true;
    while (i < t.size && i - at <= max_domain) {
      const unsigned n = label_char(t, i);
      if (n == 0) break;
      if (n == 1 && !is_ascii_alpha(t.data[i])) letters_only = false;
      i += n;
    }
    while (i > label_start && t.data[i - 1] == '-') --i;  // a label never ends with a hyphen
    if (i == label_start || t.data[label_start] == '-') break;
    ++labels;
    if (labels >= 2 && letters_only && i - label_start >= 2) end = i;
    if (i + 1 < t.size && t.data[i] == '.' && label_char(t, i + 1) != 0) {
      ++i;
      continue;
    }
    break;
  }
  if (end == 0) return {};
  return {s, end};
}

}  // namespace otklik::detail
