// Reading single words straight from the text for the detectors' short look-ahead: bounds, case and the
// lowercase form, and the word's meaning in the lexicon.
#include "detector.hpp"

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
  lower_word w;
  lowercase(t, s, e, w);
  if (w.size == 0) return lex::none;
  return lexicon::get().find(w.bytes, w.size, hash_lower_word(w.bytes, w.size, w.bytes + w.size));
}

}  // namespace otklik::detail
