// Reading single words straight from the text for the detectors' short look-ahead: bounds, case and the
// lowercase form, and the word's meaning in the lexicon.
#include "words.hpp"

#include <cstring>

namespace otklik::detail {

text_word word_at(const text_view& t, std::size_t i) noexcept {
  text_word w;
  if (i >= t.size || letter_length(t, i) == 0) return w;
  w.start = i;
  w.cap = is_upper_letter_at(t, i);
  w.cyrillic = is_cyrillic_lead(t.data[i]);
  unsigned upper = 0;
  while (i < t.size) {
    const unsigned n = letter_length(t, i);
    if (n != 0) {
      if (is_upper_letter_at(t, i)) ++upper;
      ++w.letters;
      i += n;
    } else if ((t.data[i] == '-' || t.data[i] == '\'') && i + 1 < t.size && letter_length(t, i + 1) != 0) {
      ++i;
    } else {
      break;
    }
  }
  w.end = i;
  w.all_caps = w.letters >= 2 && upper == w.letters;
  return w;
}

void lowercase(const text_view& t, std::size_t s, std::size_t e, lower_word& out) noexcept {
  out.size = 0;
  if (e <= s || e - s >= sizeof out.bytes) return;
  const std::size_t n = e - s;
#if defined(__SSE2__)
  if (s + (n + 15) / 16 * 16 + 1 <= t.size) {  // n < 48: at most the three steps out.bytes holds
    fold_lowercase_sse2(t.data + s, n, out.bytes);
    out.size = n;
    return;
  }
#endif
  std::memcpy(out.bytes, t.data + s, n);
  // Fold capitals in place: A-Z, and D0 80..D0 AF (a D0 byte is always a lead byte).
  for (std::size_t k = 0; k < n; ++k) {
    const byte c = out.bytes[k];
    if (is_ascii_upper(c)) {
      out.bytes[k] = static_cast<byte>(c + 32);
    } else if (c == 0xD0 && k + 1 < n && out.bytes[k + 1] <= 0xAF && out.bytes[k + 1] >= 0x80) {
      fold_letter(t.data + s + k, 2, out.bytes + k);
      ++k;
    }
  }
  out.size = n;
}

lex meaning_of(const text_view& t, std::size_t s, std::size_t e) noexcept {
  if (e <= s || e - s > lexicon::max_word_bytes) return lex::none;
  if (!is_upper_letter_at(t, s)) {  // most words: already lowercase, hashed where they stand
    return lexicon::get().find(t.data + s, e - s, hash_lower_word(t.data + s, e - s, t.data + t.size));
  }
  lower_word w;
  lowercase(t, s, e, w);
  if (w.size == 0) return lex::none;
  return lexicon::get().find(w.bytes, w.size, hash_lower_word(w.bytes, w.size, w.bytes + w.size));
}

text_word word_before(const text_view& t, std::size_t i, std::size_t floor, bool& number) noexcept {
  number = false;
  // Skip what separates words (spaces, punctuation), but not bytes of other letters.
  while (i > floor) {
    const byte c = t.data[i - 1];
    if (is_ascii_alnum(c) || (is_continuation(c) && i >= floor + 2 && is_cyrillic_lead(t.data[i - 2]))) break;
    --i;
  }
  text_word w;
  if (i <= floor) return w;
  std::size_t s = i;
  if (is_digit(t.data[i - 1])) {
    while (s > floor && is_digit(t.data[s - 1])) --s;
    number = true;
  } else {
    for (;;) {
      if (s > floor && is_ascii_alpha(t.data[s - 1])) {
        --s;
      } else if (s >= floor + 2 && is_continuation(t.data[s - 1]) && is_cyrillic_lead(t.data[s - 2])) {
        s -= 2;
      } else if (s >= floor + 2 && t.data[s - 1] == '-' &&
                 (is_ascii_alpha(t.data[s - 2]) || is_continuation(t.data[s - 2]))) {
        --s;  // пр-т, б-р
      } else {
        break;
      }
    }
  }
  if (number) {
    w.start = s;
    w.end = i;
    return w;
  }
  w = word_at(t, s);
  if (w.end > i) w.end = i;
  return w;
}

bool sentence_starts_at(const text_view& t, std::size_t i) noexcept {
  const byte* b = t.data;
  while (i > 0 && (b[i - 1] == ' ' || b[i - 1] == '\t')) --i;
  if (i == 0) return true;
  const byte c = b[i - 1];
  if (c == '!' || c == '?' || c == '\n' || c == '\r') return true;
  if (c != '.') return false;
  // "тел.", "ул.", "no.", "Mr." end no sentence; "МФЦ.", a number and longer words do.
  std::size_t j = i - 1;
  unsigned letters = 0;
  bool upper = true;
  while (j > 0 && letters <= 3) {
    if (is_ascii_alpha(b[j - 1])) {
      upper = upper && is_ascii_upper(b[j - 1]);
      --j;
    } else if (j >= 2 && is_continuation(b[j - 1]) && is_cyrillic_lead(b[j - 2])) {
      upper = upper && is_upper_letter_at(t, j - 2);
      j -= 2;
    } else {
      break;
    }
    ++letters;
  }
  return letters == 0 || letters > 3 || (letters >= 2 && upper);
}

}  // namespace otklik::detail
