// Reading single words straight from the text for the detectors' short look-ahead: bounds, case and the
// lowercase form, and the word's meaning in the lexicon.
#include "words.hpp"

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
  for (std::size_t k = s; k < e;) {
    unsigned n = letter_length(t, k);
    if (n == 0) n = sequence_length(t, k) == 0 ? 1 : sequence_length(t, k);
    if (k + n > e) n = static_cast<unsigned>(e - k);
    fold_letter(t.data + k, n, out.bytes + (k - s));
    k += n;
  }
  out.size = e - s;
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
  while (i > 0 && (t.data[i - 1] == ' ' || t.data[i - 1] == '\t')) --i;
  if (i == 0) return true;
  const byte c = t.data[i - 1];
  if (c == '!' || c == '?' || c == '\n' || c == '\r') return true;
  if (c != '.') return false;
  // "тел.", "ул.", "no.", "Mr." end no sentence; "МФЦ." and longer words do.
  bool number = false;
  const text_word w = word_before(t, i, i >= 48 ? i - 48 : 0, number);
  return number || w.empty() || w.end + 1 != i || w.letters > 3 || w.all_caps;
}

}  // namespace otklik::detail
