// The single pass over the text. Sixty-four bytes at a time, triggers.hpp finds the bytes where personal
// data can start (digits, capital letters, "@", ":", "www.", and the letters of patronymic endings "ч" and
// "вн"); everything else, the ordinary lowercase words that make up most comments, is skipped without
// being looked at one by one. At each trigger the scanner reads the token there (a capitalised word, a
// digit chain, an e-mail, a URL...) and keeps it for the detectors.
#include <cstring>
#include <string_view>

#include "matchers.hpp"
#include "swar.hpp"
#include "triggers.hpp"
#include "tokens.hpp"
#include "word_list.hpp"
#include "words.hpp"

// Shortcuts that give exactly what the general code gives, only sooner: built natively and in the full
// WebAssembly core, left out of the widget's, whose size counts more than its speed (its download budget).
#if defined(OTKLIK_WASM_SIZE_FIRST)
#define OTKLIK_REDACT_NATIVE_FAST_PATHS 0
#else
#define OTKLIK_REDACT_NATIVE_FAST_PATHS 1
#endif

namespace otklik::detail {

namespace {

constexpr std::size_t max_chain_groups = 64;

constexpr std::uint8_t separator_bit(byte c) noexcept {
  switch (c) {
    case ' ': return sep_space;
    case '-': return sep_dash;
    case '(': return sep_lparen;
    case ')': return sep_rparen;
    case '.': return sep_dot;
    case '/': return sep_slash;
    case ':': return sep_colon;
    default: return 0;
  }
}

// Whether the bytes just before `p` (but not before `floor`) end a letter; its length or 0.
unsigned letter_before(const text_view& t, std::size_t p, std::size_t floor) noexcept {
  if (p > floor && p >= 1 && is_ascii_alpha(t.data[p - 1])) return 1;
  if (p >= floor + 2 && p >= 2 && is_continuation(t.data[p - 1]) && letter_length(t, p - 2) == 2) return 2;
  if (p >= floor + 3 && p >= 3 && letter_length(t, p - 3) == 3) return 3;
  return 0;
}

// The start of the word that contains or ends at `p`, going no further back than `floor`.
std::size_t word_start(const text_view& t, std::size_t p, std::size_t floor) noexcept {
  for (;;) {
    if (const unsigned n = letter_before(t, p, floor)) {
      p -= n;
    } else if (p >= floor + 2 && (t.data[p - 1] == '-' || t.data[p - 1] == '\'') && letter_before(t, p - 1, floor)) {
      --p;  // что-то, O'Brien
    } else {
      return p;
    }
  }
}

// The end of the word that starts at `s` (letters, inner hyphens and apostrophes); counts its letters.
std::size_t word_end(const text_view& t, std::size_t s, unsigned& letters) noexcept {
  const byte* b = t.data;
  const std::size_t n = t.size;
  std::size_t i = s;
  letters = 0;
#if defined(OTKLIK_TRIGGERS_SSE2)
  // Sixteen bytes at a time: ASCII letters and Cyrillic letters (a D0/D1 lead with its continuation byte)
  // extend the word; the first other byte ends this fast run and the loop below decides (hyphens, other
  // scripts, a letter cut by the window). It accepts exactly what the loop below would.
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
    const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
    const __m128i ascii_letter = _mm_cmpeq_epi8(
        _mm_subs_epu8(_mm_sub_epi8(folded, _mm_set1_epi8('a')), _mm_set1_epi8('z' - 'a')), _mm_setzero_si128());
    const __m128i lead = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xFE))), _mm_set1_epi8(static_cast<char>(0xD0)));
    const __m128i cont = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xC0))), _mm_set1_epi8(static_cast<char>(0x80)));
    const auto ascii = static_cast<std::uint32_t>(_mm_movemask_epi8(ascii_letter));
    const auto cont_bits = static_cast<std::uint32_t>(_mm_movemask_epi8(cont));
    const std::uint32_t valid_lead = static_cast<std::uint32_t>(_mm_movemask_epi8(lead)) & (cont_bits >> 1);
    const std::uint32_t word_bytes = ascii | valid_lead | (cont_bits & (valid_lead << 1));
    const std::uint32_t stop = ~word_bytes & 0xFFFFu;
    const unsigned run = stop == 0 ? 16u : static_cast<unsigned>(__builtin_ctz(stop));
    const std::uint32_t inside = run == 16 ? 0xFFFFu : (1u << run) - 1u;
    letters += swar::count_bits((ascii | valid_lead) & inside);
    i += run;
    if (run < 16) {
      // Stopped at a space or ASCII punctuation other than a hyphen or an apostrophe: the word ends here.
      if (b[i] < 0x80 && b[i] != '-' && b[i] != '\'') return i;
      break;
    }
  }
#endif
  for (;;) {
    // Four Cyrillic letters (D0/D1 lead and continuation) pass one mask test.
    while (i + 8 <= n && (swar::load(b + i) & 0xC0FEC0FEC0FEC0FEull) == 0x80D080D080D080D0ull) {
      i += 8;
      letters += 4;
    }
    if (i >= n) break;
    const byte d = b[i];
    if (is_cyrillic_lead(d) && i + 1 < n && is_continuation(b[i + 1])) {
      i += 2;
      ++letters;
      continue;
    }
    if (is_ascii_alpha(d)) {
      ++i;
      ++letters;
      continue;
    }
    const unsigned len = letter_length(t, i);
    if (len != 0) {
      i += len;
      ++letters;
      continue;
    }
    if ((d == '-' || d == '\'') && i + 1 < n && letter_length(t, i + 1) != 0) {
      ++i;
      continue;
    }
    if (d == 0xE2 && t.at(i + 1) == 0x80 && t.at(i + 2) == 0x99 && i + 3 < n && letter_length(t, i + 3) != 0) {
      i += 3;  // typographic apostrophe inside a word
      continue;
    }
    break;
  }
  return i;
}

// The case endings a patronymic may take after its "ич" and after its "вн" (at most three letters).
constexpr const char* ch_ending_list = "а у ем ом е на ны не ну ной ною";
constexpr const char* vn_ending_list = "а ы е у ой ою";

#if OTKLIK_REDACT_NATIVE_FAST_PATHS
// The same test as in_word_list for words of at most seven bytes, natively: the word and its length packed into
// one number (built at compile time for the list), so a word costs a load and a few compares instead of
// a walk over the list's bytes.
constexpr std::uint64_t packed_word(const char* p, std::size_t n) noexcept {
  std::uint64_t v = n;
  for (std::size_t k = 0; k < n; ++k) v |= std::uint64_t{static_cast<byte>(p[k])} << (8 * (k + 1));
  return v;
}
template <std::size_t N>
struct packed_list {
  std::uint64_t words[N] = {};
  constexpr explicit packed_list(const char* list) noexcept {
    std::size_t count = 0;
    for (const char* p = list; *p && count < N;) {
      std::size_t k = 0;
      while (p[k] && p[k] != ' ') ++k;
      words[count++] = packed_word(p, k);
      p += k;
      if (*p == ' ') ++p;
    }
  }
  [[nodiscard]] bool has(std::string_view w) const noexcept {
    if (w.size() > 7) return false;
    const std::uint64_t v = packed_word(w.data(), w.size());
    for (const std::uint64_t x : words) {
      if (x == v) return true;
    }
    return false;
  }
};
constexpr packed_list<shape_of(ch_ending_list).count> ch_endings(ch_ending_list);
constexpr packed_list<shape_of(vn_ending_list).count> vn_endings(vn_ending_list);
static_assert(shape_of(ch_ending_list).longest <= 7 && shape_of(vn_ending_list).longest <= 7,
              "a packed word holds at most seven bytes");
#endif

bool equals_ascii_ci(const text_view& t, std::size_t s, std::size_t e, std::string_view word) noexcept {
  if (e - s != word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    byte c = t.data[s + k];
    if (is_ascii_upper(c)) c = static_cast<byte>(c + 32);
    if (c != static_cast<byte>(word[k])) return false;
  }
  return true;
}

class scanner {
 public:
  scanner(std::string_view text, token_list& out) : t_(text), out_(out), lexicon_(lexicon::get()) {}

  void run() {
    const std::size_t n = t_.size;
    for (std::size_t block = 0; block < n;) {
      std::uint64_t mask = trigger_mask(t_.data, n, block);
      std::size_t next_block = block + 64;
      while (mask != 0) {
        const std::size_t pos = block + static_cast<std::size_t>(__builtin_ctzll(mask));
        mask &= mask - 1;
        if (pos < cursor_) continue;
        cursor_ = trigger(pos);
        if (cursor_ > next_block) {
          next_block = cursor_;  // the token ran past this block: go on from its end
          break;
        }
#if OTKLIK_REDACT_NATIVE_FAST_PATHS
        // The triggers inside the token just read (the rest of a number, a word in capitals) are dropped
        // at once rather than one by one below.
        if (cursor_ < next_block) mask &= ~std::uint64_t{0} << (cursor_ - block);
#endif
      }
      block = next_block;
    }
  }

 private:
  void push(const token& tok) {
    out_.tokens.push_back(tok);
    consumed_ = tok.end;
  }
  void push_span(std::size_t s, std::size_t e, token_kind kind, std::uint16_t flags = 0) {
    pop_overlapping(s);
    push(token{static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(e), 0, flags, 0, 0, kind, lex::none});
    floor_ = e;
  }
  // Words and numbers inside a span recognised later (an e-mail's local part, an IPv6 address that starts
  // with letters) were kept as tokens: the span replaces them.
  void pop_overlapping(std::size_t s) {
    while (!out_.tokens.empty() && out_.tokens.back().end > s) {
      const token& last = out_.tokens.back();
      if (last.kind == token_kind::chain) out_.groups.resize(last.first_group);
      out_.tokens.pop_back();
    }
    consumed_ = out_.tokens.empty() ? 0 : out_.tokens.back().end;
  }

  // Reads the token at a trigger byte; returns where scanning goes on.
  std::size_t trigger(std::size_t pos) {
    const byte c = t_.data[pos];
    if (c >= 0x80) {
      if (t_.data[pos - 1] == 0xD0 && c <= 0xAF) {  // a Cyrillic capital
#if OTKLIK_REDACT_NATIVE_FAST_PATHS
        return capitalised_word(pos - 1);
#else
        return word(pos - 1);
#endif
      }
      return patronymic(pos);
    }
    if (is_digit(c)) return digits(pos);
    if (is_ascii_upper(c)) {
#if OTKLIK_REDACT_NATIVE_FAST_PATHS
      // After a space or punctuation (nearly always) the word starts here: word_start gives pos.
      const byte p = t_.data[pos - (pos > 0)];
      const bool joined = pos > 0 && (p >= 0x80 || is_ascii_alpha(p) || p == '-' || p == '\'');
      const std::size_t s = joined ? word_start(t_, pos, consumed_) : pos;
#else
      const std::size_t s = word_start(t_, pos, consumed_);
#endif
      if (s != pos) return skip_word(s);
#if OTKLIK_REDACT_NATIVE_FAST_PATHS
      return capitalised_word(pos);
#else
      return word(pos);
#endif
    }
    switch (c) {
      case '@': return at_sign(pos);
      case ':': return colon(pos);
      default: return pos + 1;
    }
  }

#if OTKLIK_REDACT_NATIVE_FAST_PATHS
  // The commonest trigger, a sentence's first word written in lowercase after its capital and followed by
  // a lowercase word ("Очень долго ждал", "The form"): word() keeps nothing there (see its first test), so
  // its end is found here with a plain letter loop. Any other word goes to word(), or, when only the
  // sentence test failed (a capitalised word inside a sentence, "в МФЦ Москвы"), to kept_word() with the
  // end and letters read here (what word_end would find: the loop stopped at a space).
  // Inlined at its two callers: it runs at most triggers, and a call costs as much as its common case.
  __attribute__((always_inline)) std::size_t capitalised_word(std::size_t s) {
    const byte* b = t_.data;
    const std::size_t n = t_.size;
    std::size_t e = s + 1;
    unsigned letters = 1;
    if (b[s] < 0x80) {
#if defined(OTKLIK_TRIGGERS_SSE2)
      // Sixteen bytes a step (one step for most words: no loop exit to mispredict per letter): the run of
      // a..z ends at the first other byte, exactly where the byte loop below would stop.
      bool ended = false;
      while (!ended && e + 16 <= n) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + e));
        const __m128i lower = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - 'a'))),
                                             _mm_set1_epi8(static_cast<char>(0x80 + 26)));
        const auto stop = ~static_cast<std::uint32_t>(_mm_movemask_epi8(lower)) & 0xFFFFu;
        const unsigned run = stop == 0 ? 16u : static_cast<unsigned>(__builtin_ctz(stop));
        e += run;
        letters += run;
        ended = run < 16;
      }
      if (!ended)
#endif
        while (e < n && is_ascii_lower(b[e])) ++e, ++letters;
    } else {
      // Four lowercase Russian letters at a time: leads D0/D1 in the low byte of each 16-bit lane, and
      // the continuation B0..BF after D0 or 80..8F after D1 (moved up by 0x30 when the lead's bit 0 is set).
      ++e;
#if defined(OTKLIK_TRIGGERS_SSE2)
      // Eight letters a step: each 16-bit lane (lead in its low byte) is D0 B0..BF or D1 80..9F, the test
      // of the letter-at-a-time loop below; the run ends at the first lane that fails (where that loop stops).
      bool ended = false;
      while (!ended && e + 16 <= n) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + e));
        const __m128i after_d0 = _mm_cmpeq_epi16(_mm_and_si128(v, _mm_set1_epi16(static_cast<short>(0xF0FF))),
                                                 _mm_set1_epi16(static_cast<short>(0xB0D0)));
        const __m128i after_d1 = _mm_cmpeq_epi16(_mm_and_si128(v, _mm_set1_epi16(static_cast<short>(0xE0FF))),
                                                 _mm_set1_epi16(static_cast<short>(0x80D1)));
        const auto stop = ~static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(after_d0, after_d1))) & 0xFFFFu;
        const unsigned run = stop == 0 ? 16u : static_cast<unsigned>(__builtin_ctz(stop));  // even: a lane fails whole
        e += run;
        letters += run / 2;
        ended = run < 16;
      }
      if (!ended) {
#endif
        constexpr std::uint64_t lanes = 0x0001000100010001ull;
        for (; e + 8 <= n; e += 8, letters += 4) {
          const std::uint64_t x = swar::load(b + e);
          const std::uint64_t y = x + (x & lanes) * 0x3000;
          if ((x & (lanes * 0x00FE)) != lanes * 0x00D0 || (y & (lanes * 0xF000)) != lanes * 0xB000) break;
        }
        // The last letters one at a time: D0 B0..BF or D1 80..9F as one 16-bit value (lead in the low byte).
        for (; e + 1 < n; e += 2, ++letters) {
          const unsigned v = b[e] | static_cast<unsigned>(b[e + 1]) << 8;
          if ((v & 0xF0FFu) != 0xB0D0u && (v & 0xE0FFu) != 0x80D1u) break;
        }
#if defined(OTKLIK_TRIGGERS_SSE2)
      }
#endif
    }
    if (e >= n || b[e] != ' ' || !is_lower_letter_at(t_, e + 1)) return word(s);
    if (letters == 1) return standalone_letter(s) ? e : word(s);  // "I could", "В целом", "and I was"
    return after_sentence_end(s) ? e : kept_word(s, e, letters);
  }

  // Whether the capital at `s`, a word of one letter followed by a lowercase word, is "I" or stands alone
  // (no letter joined before it): its token would change no finding then (names need two letters,
  // initials a dot, plates a digit; the look-backs stop at the space after it). A capital ending a word
  // ("иваН петрович") is kept as a token, which stops the look back of the patronymic after it.
  [[nodiscard]] bool standalone_letter(std::size_t s) const noexcept {
    return t_.data[s] == 'I' || word_start(t_, s, 0) == s;
  }
#endif

  // Whether only spaces stand between `s` and ". ", "! ", "? ", a line break or the start of the text.
  [[nodiscard]] bool after_sentence_end(std::size_t s) const noexcept {
    while (s > 0 && t_.data[s - 1] == ' ') --s;
    if (s == 0) return true;
    const byte c = t_.data[s - 1];
    if (c == '.') return !(s >= 2 && is_ascii_upper(t_.data[s - 2])) && !(s >= 3 && is_upper_letter_at(t_, s - 3));  // not after an initial
    return c == '!' || c == '?' || c == '\n' || c == '\r';
  }

  std::size_t skip_word(std::size_t s) {
    unsigned letters = 0;
    const std::size_t e = word_end(t_, s, letters);
    return e > s ? e : s + 1;
  }

  std::size_t at_sign(std::size_t i) {
    const byte_span email = match_email(t_, i, floor_);
    if (email.empty()) return i + 1;
    push_span(email.start, email.end, token_kind::email);
    return email.end;
  }

  std::size_t colon(std::size_t i) {
    // "http://", "https://"
    if (t_.at(i + 1) == '/' && t_.at(i + 2) == '/') {
      const std::size_t s = word_start(t_, i, floor_);
      if ((equals_ascii_ci(t_, s, i, "http") || equals_ascii_ci(t_, s, i, "https")) &&
          (s == 0 || !is_ascii_alnum(t_.data[s - 1]))) {
        bool personal = false;
        const std::size_t end = match_url(t_, s, personal);
        if (end != 0) {
          push_span(s, end, personal ? token_kind::url_personal : token_kind::url);
          return end;
        }
      }
      return i + 1;
    }
    // IPv6: "::1", or one to four hex digits before the colon (fe80::1, 2001:db8::1 when digits came first).
    std::size_t s = i;
    while (s > floor_ && i - s < 5 && is_hex(t_.data[s - 1])) --s;
    if ((i - s >= 1 && i - s <= 4) || t_.at(i + 1) == ':') {
      const std::size_t end = match_ipv6(t_, s);
      if (end != 0) {
        push_span(s, end, token_kind::ipv6);
        return end;
      }
    }
    return i + 1;
  }

  std::size_t digits(std::size_t i) {
    // "+7 916...", "(495) 123-45-67": the sign or the parenthesis belongs to the number.
    if (i > consumed_ && t_.data[i - 1] == '+') return chain(i - 1, flag_plus);
    if (i > consumed_ && t_.data[i - 1] == '(') return chain(i - 1, flag_paren);
    // A lowercase plate letter before the digits: "а123вс77", "а 123 вс 77" (capital ones start at the letter).
    std::size_t letter = i;
    if (const unsigned n = letter_before(t_, i, consumed_)) {
      letter = i - n;
    } else if (i >= 1 && t_.data[i - 1] == ' ') {
      if (const unsigned m = letter_before(t_, i - 1, consumed_)) letter = i - 1 - m;
    }
    if (letter < i && plate_letter_length(t_, letter) != 0 && word_start(t_, letter, consumed_) == letter) {
      const std::size_t end = match_plate(t_, letter);
      if (end != 0) {
        push_span(letter, end, token_kind::plate);
        return end;
      }
    }
    // An IPv6 address may start with digits ("2001:db8::1") or with hex letters before them ("fe80::1").
    // Times ("10:30") fail it and become chains.
    std::size_t h = i;
    while (h > consumed_ && i - h < 4 && is_hex(t_.data[h - 1])) --h;
    if (h < i && (h == 0 || !is_ascii_alnum(t_.data[h - 1]))) {
      const std::size_t end = match_ipv6(t_, h);
      if (end != 0) {
        push_span(h, end, token_kind::ipv6);
        return end;
      }
    }
    // "2001:db8::1": up to four hex digits and a colon (a colon among the next five bytes is needed first).
    if (colon_within_five(i)) {
      std::size_t j = i;
      while (j < t_.size && j - i < 5 && is_hex(t_.data[j])) ++j;
      if (j - i <= 4 && t_.at(j) == ':' && (is_hex(t_.at(j + 1)) || t_.at(j + 1) == ':')) {
        const std::size_t end = match_ipv6(t_, i);
        if (end != 0) {
          push_span(i, end, token_kind::ipv6);
          return end;
        }
      }
    }
    return chain(i, 0);
  }

  std::size_t chain(std::size_t start, std::uint16_t flags) {
    const byte* b = t_.data;
    const std::size_t n = t_.size;
    std::size_t pos = (flags & (flag_plus | flag_paren)) ? start + 1 : start;
    const auto first = static_cast<std::uint32_t>(out_.groups.size());
    std::uint8_t sep = 0, sep_len = 0;
    std::size_t count = 0;
    for (;;) {
      const std::size_t group_start = pos;
      pos = digits_end(pos);
      out_.groups.push_back(group{static_cast<std::uint32_t>(group_start), static_cast<std::uint32_t>(pos), sep, sep_len});
      if (++count == max_chain_groups) break;
      std::size_t j = pos;
      std::uint8_t mask = 0;
      unsigned k = 0;
      while (j < n && k < 3) {
        const std::uint8_t bit = separator_bit(b[j]);
        if (bit == 0) break;
        mask |= bit;
        ++j;
        ++k;
      }
      if (k == 0 || j >= n || !is_digit(b[j])) break;
      if ((mask & sep_dot) && (mask & sep_space)) break;  // "517321. 2021": a sentence ends between them
      sep = mask;
      sep_len = static_cast<std::uint8_t>(k);
      pos = j;
    }
    if (pos < n && letter_length(t_, pos) != 0) flags |= flag_letter_after;
    if (pos < n && b[pos] == '.') flags |= flag_dot_after;
    push(token{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(pos), first, flags,
               static_cast<std::uint8_t>(count), 0, token_kind::chain, lex::none});
    return pos;
  }

  // The end of the run of digits at `i`: eight bytes a step (one step for most numbers, where a loop over
  // the digits would end at a different place each time).
  [[nodiscard]] std::size_t digits_end(std::size_t i) const noexcept {
    const byte* b = t_.data;
    const std::size_t n = t_.size;
#if OTKLIK_REDACT_NATIVE_FAST_PATHS
    for (; i + 8 <= n; i += 8) {
      const std::uint64_t other = ~swar::in_range(swar::load(b + i), '0', '9') & swar::highs;
      if (other != 0) return i + swar::first(other);
    }
#endif
    while (i < n && is_digit(b[i])) ++i;
    return i;
  }

  // Whether an IPv6 group can end within the four bytes after `i`: a colon among the five bytes there
  // (the widget's core, size first, always says yes and lets the hex loop decide).
  [[nodiscard]] bool colon_within_five(std::size_t i) const noexcept {
    if (!OTKLIK_REDACT_NATIVE_FAST_PATHS) return true;
    if (i + 8 <= t_.size) return (swar::equal(swar::load(t_.data + i), ':') & 0x0000008080808080ull) != 0;
    for (std::size_t j = i; j < t_.size && j - i < 5; ++j) {
      if (t_.data[j] == ':') return true;
    }
    return false;
  }

  // A capitalised word at `s`, or the spans that start with capital letters (plates, IBANs, foreign
  // passport numbers, IPv6 and URLs written in capitals).
  std::size_t word(std::size_t s) {
    const byte* b = t_.data;
    const std::size_t n = t_.size;
    unsigned letters = 0;
    const std::size_t e = word_end(t_, s, letters);
    if (letters == 0) return s + 1;
    // A sentence's first word followed by a lowercase word ("Очень долго ждал"): no rule uses it (names,
    // initials, cue words, months and street words are followed by a capital, a digit or punctuation),
    // so the commonest trigger costs no lexicon lookup. (Natively, capitalised_word also skips other
    // one-letter words; their tokens change no finding, see standalone_letter.) Capitals that start spans
    // (plates, IBANs, "I'm") are never skipped here: they have digits or an apostrophe right after their
    // first letters.
    if (e < n && b[e] == ' ' && is_lower_letter_at(t_, e + 1) &&
        ((letters == 1 && b[s] == 'I') ||  // English "I could", "and I was": never a name
         (letters >= 2 && !is_upper_letter_at(t_, s + (b[s] < 0x80 ? 1 : 2)) && after_sentence_end(s))))
      return e;
    return kept_word(s, e, letters);
  }

  // The capitalised word [s, e) of `letters` letters that word()'s first test did not skip: its token, or
  // the span that starts with it.
  std::size_t kept_word(std::size_t s, std::size_t e, unsigned letters) {
    const byte* b = t_.data;
    const std::size_t n = t_.size;
    const std::size_t len = e - s;
    std::uint16_t flags = static_cast<std::uint16_t>(flag_cap | (b[s] < 0x80 ? flag_latin : flag_cyrillic));
    lex meaning = lex::none;
    if (len <= lexicon::max_word_bytes) {
      // Copy, then fold the capitals in place: Latin A-Z and Cyrillic D0 80..D0 AF (the word is valid UTF-8).
      byte folded[lexicon::max_word_bytes + 16] = {};
      unsigned upper = 0;
#if defined(__SSE2__)
      if (s + (len + 15) / 16 * 16 + 1 <= n) {
        upper = fold_lowercase_sse2(b + s, len, folded);
      } else
#endif
      {
        std::memcpy(folded, b + s, len);
        for (std::size_t k = 0; k < len;) {
          const byte c = folded[k];
          if (c < 0x80) {
            if (is_ascii_upper(c)) {
              folded[k] = static_cast<byte>(c + 32);
              ++upper;
            }
            ++k;
          } else if (c == 0xD0) {
            if (folded[k + 1] <= 0xAF) {
              fold_letter(b + s + k, 2, folded + k);
              ++upper;
            }
            k += 2;
          } else {
            k += c >= 0xF0 ? 4 : (c >= 0xE0 ? 3 : 2);
          }
        }
      }
      meaning = lexicon_.find(folded, len, hash_lower_word(folded, len, folded + sizeof folded));
      if (upper == letters && letters >= 2) flags |= flag_all_caps;
    }

    if (letters == 1 && (is_digit(t_.at(e)) || (t_.at(e) == ' ' && is_digit(t_.at(e + 1)))) &&
        plate_letter_length(t_, s) != 0) {
      const std::size_t end = match_plate(t_, s);
      if (end != 0) {
        push_span(s, end, token_kind::plate);
        return end;
      }
    }
    if (letters <= 4 && (flags & flag_latin) && is_hex(b[s])) {  // FE80::1
      std::size_t h = s;
      while (h < n && h - s < 5 && is_hex(b[h])) ++h;
      if (h - s <= 4 && t_.at(h) == ':' && (is_hex(t_.at(h + 1)) || t_.at(h + 1) == ':')) {
        const std::size_t end = match_ipv6(t_, s);
        if (end != 0) {
          push_span(s, end, token_kind::ipv6);
          return end;
        }
      }
    }
    if ((flags & flag_latin) && letters <= 2 && is_digit(t_.at(e)) && is_ascii_upper(b[e - 1])) {
      bool valid = false;
      const std::size_t end = letters == 2 ? match_iban(t_, s, valid) : 0;
      if (end != 0) {
        push_span(s, end, token_kind::iban, valid ? flag_valid : 0);
        return end;
      }
      std::size_t j = e;
      while (j < n && j - s < 12 && (is_digit(b[j]) || is_ascii_upper(b[j]))) ++j;
      if (j >= n || !is_ascii_alnum(b[j])) {
        push_span(s, j, token_kind::alnum);
        return j;
      }
    }
    if (meaning == lex::url_scheme) {  // HTTP://, WWW.
      bool personal = false;
      const std::size_t end = match_url(t_, s, personal);
      if (end != 0) {
        push_span(s, end, personal ? token_kind::url_personal : token_kind::url);
        return end;
      }
    }
    if (e < n && b[e] == '.') flags |= flag_dot_after;
    push(token{static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(e), 0, flags, 0,
               static_cast<std::uint8_t>(letters > 255 ? 255 : letters), token_kind::word, meaning});
    return e;
  }

  // A lowercase word holding "ч" or "вн": kept with the first name before it when it is a patronymic
  // ("иван петрович"), so that names typed without capitals are found too.
  std::size_t patronymic(std::size_t pos) {
    // Patronymic endings put "ч" or "н" among the last five letters (-ович, -ичной, -овною): look at the
    // word only then. Most words with ч or вн (почему, главный) end here.
    // Before ч an и (-вич, -ьич, -мич, -кич, -тич), before вн an о or е (-овна, -евна); after them one of the
    // case endings (at most three letters). Anything else (очень, ничего, главный) is no patronymic: a later
    // ч or н of the same word may still be (вячеславовна), so the scan goes on right after this letter.
    const bool ch = t_.data[pos] == 0x87;
    const byte* before = t_.data + pos - 1;  // the trigger letter's lead byte
    if (ch ? (pos < 3 || before[-2] != 0xD0 || before[-1] != 0xB8)                                  // и
           : (pos < 5 || before[-4] != 0xD0 || (before[-3] != 0xBE && before[-3] != 0xB5))) {  // о, е
      return pos + 1;
    }
#if defined(OTKLIK_TRIGGERS_SSE2)
    // The SSE2 trigger mask only tests the continuation bytes of "ич" and "вн" (triggers.hpp): the lead bytes here.
    if (before[0] != (ch ? 0xD1 : 0xD0) || (!ch && before[-2] != 0xD0)) return pos + 1;
#endif
    unsigned tail = 0;
    const std::size_t e = word_end(t_, pos + 1, tail);
    const std::string_view ending(reinterpret_cast<const char*>(t_.data + pos + 1), e - pos - 1);
    if (ending.size() > 6) return pos + 1;
#if OTKLIK_REDACT_NATIVE_FAST_PATHS
    if (ch ? (!ending.empty() && !ch_endings.has(ending)) : !vn_endings.has(ending)) return pos + 1;
#else
    if (ch ? (!ending.empty() && !in_word_list(ch_ending_list, ending)) : !in_word_list(vn_ending_list, ending)) return pos + 1;
#endif
    const std::size_t s = word_start(t_, pos - 1, consumed_);  // the trigger is the second byte of ч or н
    const unsigned letters = tail + 1 + static_cast<unsigned>((pos - 1 - s) / 2);  // Cyrillic: two bytes a letter
    if (letters < 5 || is_upper_letter_at(t_, s)) return e;
    lower_word w;
    lowercase(t_, s, e, w);
    if (!is_patronymic(w, letters)) return e;
    // The word before, separated by one or two spaces, must be a known first name.
    const std::size_t gap_end = s;
    std::size_t p = s;
    while (p > consumed_ && s - p < 2 && t_.data[p - 1] == ' ') --p;
    if (p == gap_end) return e;
    const std::size_t ps = word_start(t_, p, consumed_);
    if (ps == p || ps < consumed_) return e;
    lower_word first;
    lowercase(t_, ps, p, first);
    if (first.size == 0 || lexicon_.find(first.bytes, first.size, hash_lower_word(first.bytes, first.size, first.bytes + first.size)) != lex::first_name)
      return e;
    unsigned first_letters = 0;
    word_end(t_, ps, first_letters);
    push(token{static_cast<std::uint32_t>(ps), static_cast<std::uint32_t>(p), 0,
               static_cast<std::uint16_t>(flag_cyrillic | flag_morphology_known), 0,
               static_cast<std::uint8_t>(first_letters), token_kind::word, lex::first_name});
    push(token{static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(e), 0,
               static_cast<std::uint16_t>(flag_cyrillic | flag_morphology_known | flag_patronymic), 0,
               static_cast<std::uint8_t>(letters > 255 ? 255 : letters), token_kind::word, lex::none});
    return e;
  }

  text_view t_;
  token_list& out_;
  const lexicon& lexicon_;
  std::size_t cursor_ = 0;    // where the trigger loop goes on; triggers before it were read
  std::size_t consumed_ = 0;  // end of the last token kept: look-backs never reach before it
  std::size_t floor_ = 0;   // e-mail local parts and URLs never reach back into a span already recognised
};

}  // namespace

void scan(std::string_view text, token_list& out) {
  out.clear();
  scanner(text, out).run();
}

}  // namespace otklik::detail
