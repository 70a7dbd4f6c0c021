// UTF-8 byte classes, letters and Cyrillic/Latin case folding done on bytes, for the redaction scanner.
// Hand-written rather than a Unicode library: the detectors need only Cyrillic and Latin case, and must
// stay a few hundred bytes in WebAssembly; every other valid letter is just "a letter".
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace otklik::detail {

using byte = unsigned char;

// A text under redaction as bytes: every helper bounds-checks against `size`.
struct text_view {
  const byte* data = nullptr;
  std::size_t size = 0;
  explicit text_view(std::string_view s) noexcept : data(reinterpret_cast<const byte*>(s.data())), size(s.size()) {}
  [[nodiscard]] byte at(std::size_t i) const noexcept { return i < size ? data[i] : 0; }
};

[[nodiscard]] constexpr bool is_digit(byte c) noexcept { return c >= '0' && c <= '9'; }
[[nodiscard]] constexpr bool is_ascii_upper(byte c) noexcept { return c >= 'A' && c <= 'Z'; }
[[nodiscard]] constexpr bool is_ascii_lower(byte c) noexcept { return c >= 'a' && c <= 'z'; }
// One compare: c | 0x20 is a..z exactly for A-Z and a-z (no branch to mispredict between the two cases).
[[nodiscard]] constexpr bool is_ascii_alpha(byte c) noexcept { return static_cast<byte>((c | 0x20) - 'a') < 26; }
[[nodiscard]] constexpr bool is_ascii_alnum(byte c) noexcept { return is_ascii_alpha(c) || is_digit(c); }
[[nodiscard]] constexpr bool is_continuation(byte c) noexcept { return (c & 0xC0) == 0x80; }
[[nodiscard]] constexpr bool is_hex(byte c) noexcept {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Every helper here is safe at any position: past the end of the text it answers "no letter".

// Length in bytes of the letter that starts at `i`, or 0 when the bytes there are not a letter.
// Letters: ASCII A-Za-z, two-byte letters (U+00C0..U+07FF, Cyrillic among them) and three-byte
// letters outside the U+2000..U+2FFF punctuation/symbol block. Invalid UTF-8 is never a letter.
[[nodiscard]] inline unsigned letter_length(const text_view& t, std::size_t i) noexcept {
  if (i >= t.size) return 0;
  const byte c = t.data[i];
  if (c < 0x80) return is_ascii_alpha(c) ? 1u : 0u;
  if (c >= 0xC3 && c <= 0xDF) return (i + 1 < t.size && is_continuation(t.data[i + 1])) ? 2u : 0u;
  if (c >= 0xE0 && c <= 0xEF && c != 0xE2) {
    if (i + 2 >= t.size || !is_continuation(t.data[i + 1]) || !is_continuation(t.data[i + 2])) return 0;
    const byte c1 = t.data[i + 1];
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  return 0;
}

// Length of any well-formed UTF-8 sequence at `i` (1 for ASCII), or 0 for an invalid byte.
[[nodiscard]] inline unsigned sequence_length(const text_view& t, std::size_t i) noexcept {
  if (i >= t.size) return 0;
  const byte c = t.data[i];
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return (i + 1 < t.size && is_continuation(t.data[i + 1])) ? 2u : 0u;
  if (c >= 0xE0 && c <= 0xEF) {
    if (i + 2 >= t.size || !is_continuation(t.data[i + 1]) || !is_continuation(t.data[i + 2])) return 0;
    if (c == 0xE0 && t.data[i + 1] < 0xA0) return 0;
    if (c == 0xED && t.data[i + 1] >= 0xA0) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (i + 3 >= t.size || !is_continuation(t.data[i + 1]) || !is_continuation(t.data[i + 2]) ||
        !is_continuation(t.data[i + 3]))
      return 0;
    if (c == 0xF0 && t.data[i + 1] < 0x90) return 0;
    if (c == 0xF4 && t.data[i + 1] >= 0x90) return 0;
    return 4;
  }
  return 0;
}

// Cyrillic letters U+0400..U+045F are D0 80..D1 9F; uppercase U+0400..U+042F are D0 80..D0 AF.
[[nodiscard]] constexpr bool is_cyrillic_lead(byte c) noexcept { return c == 0xD0 || c == 0xD1; }
[[nodiscard]] inline bool is_upper_letter_at(const text_view& t, std::size_t i) noexcept {
  if (i >= t.size) return false;
  const byte c = t.data[i];
  if (c < 0x80) return is_ascii_upper(c);
  return c == 0xD0 && i + 1 < t.size && t.data[i + 1] >= 0x80 && t.data[i + 1] <= 0xAF;
}
[[nodiscard]] inline bool is_lower_letter_at(const text_view& t, std::size_t i) noexcept {
  if (i >= t.size) return false;
  const byte c = t.data[i];
  if (c < 0x80) return is_ascii_lower(c);
  if (i + 1 >= t.size) return false;
  const byte d = t.data[i + 1];
  return (c == 0xD0 && d >= 0xB0 && d <= 0xBF) || (c == 0xD1 && d >= 0x80 && d <= 0x9F);
}

// Appends the lowercase form of the letter of `len` bytes at `p` (Latin and Cyrillic fold, others copy).
// Returns the number of bytes written (always `len`: both cases have the same UTF-8 length).
inline unsigned fold_letter(const byte* p, unsigned len, byte* out) noexcept {
  if (len == 1) {
    out[0] = is_ascii_upper(p[0]) ? static_cast<byte>(p[0] + 32) : p[0];
    return 1;
  }
  if (len == 2 && p[0] == 0xD0) {
    const byte d = p[1];
    if (d >= 0x80 && d <= 0x8F) { out[0] = 0xD1; out[1] = static_cast<byte>(d + 0x10); return 2; }  // Ѐ..Џ
    if (d >= 0x90 && d <= 0x9F) { out[0] = 0xD0; out[1] = static_cast<byte>(d + 0x20); return 2; }  // А..П
    if (d >= 0xA0 && d <= 0xAF) { out[0] = 0xD1; out[1] = static_cast<byte>(d - 0x20); return 2; }  // Р..Я
  }
  std::memcpy(out, p, len);
  return len;
}

#if defined(__SSE2__)
// Natively, the lowercase form of the `n` bytes at `p` (n <= 48) sixteen bytes a step, exactly as
// fold_letter folds them pair by pair: A-Z, and a D0 lead with its continuation 80..AF (the D0 at n - 1
// has none). Writes the 16-byte steps that cover n into `out` (bytes past n unspecified) and returns how
// many capitals it folded. Reads p[0] .. p[16 * steps], so the caller checks that they are in the text.
inline unsigned fold_lowercase_sse2(const byte* p, std::size_t n, byte* out) noexcept {
  unsigned upper = 0;
  __m128i lead_before = _mm_setzero_si128();  // the previous step's folded leads
  for (std::size_t o = 0; o < n; o += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + o));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + o + 1));
    const std::uint32_t inside = n - o >= 16 ? 0xFFFFu : (1u << (n - o)) - 1u;
    // A-Z: x + 0x3F lands in -128..-103 (signed) exactly for 0x41..0x5A. 80..AF: below -80 signed.
    const __m128i ascii = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(0x3F)), _mm_set1_epi8(-102));
    // A D0 lead with a capital's continuation, both within n.
    const __m128i before_end = _mm_cmplt_epi8(_mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
                                              _mm_set1_epi8(static_cast<char>(n - o - 1)));
    const __m128i lead = _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xD0))), before_end),
                                       _mm_cmplt_epi8(next, _mm_set1_epi8(-80)));
    const __m128i cont = _mm_or_si128(_mm_slli_si128(lead, 1), _mm_srli_si128(lead_before, 15));
    lead_before = lead;
    // Ѐ..Џ (80..8F) and Р..Я (A0..AF) move to a D1 lead; continuations: 80..8F +0x10, 90..9F +0x20, A0..AF -0x20.
    const __m128i high = _mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xF0)));
    const __m128i next_high = _mm_and_si128(next, _mm_set1_epi8(static_cast<char>(0xF0)));
    const __m128i to_d1 = _mm_andnot_si128(_mm_cmpeq_epi8(next_high, _mm_set1_epi8(static_cast<char>(0x90))), lead);
    const __m128i shift = _mm_or_si128(
        _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(high, _mm_set1_epi8(static_cast<char>(0x80))), _mm_set1_epi8(0x10)),
                     _mm_and_si128(_mm_cmpeq_epi8(high, _mm_set1_epi8(static_cast<char>(0x90))), _mm_set1_epi8(0x20))),
        _mm_and_si128(_mm_cmpeq_epi8(high, _mm_set1_epi8(static_cast<char>(0xA0))), _mm_set1_epi8(-0x20)));
    __m128i folded = _mm_add_epi8(v, _mm_and_si128(ascii, _mm_set1_epi8(0x20)));
    folded = _mm_sub_epi8(folded, to_d1);  // -(-1): D0 -> D1
    folded = _mm_add_epi8(folded, _mm_and_si128(cont, shift));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + o), folded);
    std::uint32_t caps = (static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(ascii, lead)))) & inside;
    for (; caps != 0; caps &= caps - 1) ++upper;  // few capitals a word (no POPCNT in the x86-64 baseline)
  }
  return upper;
}
#endif

// The 12 Cyrillic letters used on Russian vehicle plates (АВЕКМНОРСТУХ) and their Latin look-alikes
// (ABEKMHOPCTYX), either case; returns the letter's byte length or 0.
[[nodiscard]] inline unsigned plate_letter_length(const text_view& t, std::size_t i) noexcept {
  const byte c = t.at(i);
  if (c < 0x80) {
    switch (c | 0x20) {
      case 'a': case 'b': case 'e': case 'k': case 'm': case 'h': case 'o': case 'p': case 'c': case 't':
      case 'y': case 'x': return 1;
      default: return 0;
    }
  }
  const byte d = t.at(i + 1);
  if (c == 0xD0) {
    // А В Е К М Н О Р С Т У Х uppercase: 90 92 95 9A 9C 9D 9E A0 A1 A2 A3 A5; lowercase а в е к м н о: B0 B2 B5 BA BC BD BE
    switch (d) {
      case 0x90: case 0x92: case 0x95: case 0x9A: case 0x9C: case 0x9D: case 0x9E: case 0xA0: case 0xA1:
      case 0xA2: case 0xA3: case 0xA5: case 0xB0: case 0xB2: case 0xB5: case 0xBA: case 0xBC: case 0xBD:
      case 0xBE: return 2;
      default: return 0;
    }
  }
  if (c == 0xD1) {
    switch (d) {  // р с т у х
      case 0x80: case 0x81: case 0x82: case 0x83: case 0x85: return 2;
      default: return 0;
    }
  }
  return 0;
}

// Whether the bytes at `i` are horizontal white space: ASCII space/tab or NO-BREAK SPACE (C2 A0)
// or NARROW NO-BREAK SPACE (E2 80 AF); returns its byte length or 0.
[[nodiscard]] inline unsigned space_length(const text_view& t, std::size_t i) noexcept {
  const byte c = t.at(i);
  if (c == ' ' || c == '\t') return 1;
  if (c == 0xC2 && t.at(i + 1) == 0xA0) return 2;
  if (c == 0xE2 && t.at(i + 1) == 0x80 && t.at(i + 2) == 0xAF) return 3;
  return 0;
}

// Skips horizontal white space from `i`; returns the first position that is not.
[[nodiscard]] inline std::size_t skip_spaces(const text_view& t, std::size_t i) noexcept {
  while (i < t.size) {
    const unsigned n = space_length(t, i);
    if (n == 0) break;
    i += n;
  }
  return i;
}

// Whether `i` starts "№" (E2 84 96).
[[nodiscard]] inline bool is_numero_sign(const text_view& t, std::size_t i) noexcept {
  return t.at(i) == 0xE2 && t.at(i + 1) == 0x84 && t.at(i + 2) == 0x96;
}

}  // namespace otklik::detail
