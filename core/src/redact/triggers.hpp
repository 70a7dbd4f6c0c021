// Finds the bytes where personal data can start, 64 bytes at a time: ASCII 0x30..0x5A (digits, ":", "@",
// capitals, and the rarely written ";<=>?" that come free with the range), Cyrillic capitals (D0 80..D0 AF),
// and the letters patronymics end with: "ч" after "и" (D0 B8 D1 87) and "н" after "в" (D0 B2 D0 BD). (A URL is found
// at the colon of "http://"; a bare "www." link is found by its "@" or long numbers, if personal.) Three implementations: SSE2
// (every x86-64, with AVX2 where the processor has it), WebAssembly SIMD128 (when built with -msimd128), and
// portable SWAR on 64-bit integers. The last two give the exact masks; SSE2 and AVX2 a superset for the
// patronymic letters that the scanner narrows (see trigger_classifier), so the tokens are the same.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "swar.hpp"
#include "text.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif
#define OTKLIK_TRIGGERS_SSE2 1
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define OTKLIK_TRIGGERS_WASM_SIMD 1
#endif

namespace otklik::detail {

#if defined(OTKLIK_TRIGGERS_SSE2)

// Natively the patronymic letters are found by a looser test (ч two bytes after a B8 byte, н two bytes
// after a B2 byte: a superset of "ич" and "вн"), which costs fewer vector operations; the scanner checks
// the other two bytes (scanner::patronymic), so the tokens are the same as with the exact masks below.
struct trigger_classifier {
  // Signed compares: x + 0x50 lands in -128..-86 exactly for x in 0x30..0x5A; x < -80 signed is 0x80..0xAF.
  const __m128i bias = _mm_set1_epi8(0x50), ascii_limit = _mm_set1_epi8(-85), capital_limit = _mm_set1_epi8(-80);
  const __m128i d0 = _mm_set1_epi8(static_cast<char>(0xD0)), ch = _mm_set1_epi8(static_cast<char>(0x87));
  const __m128i i_cont = _mm_set1_epi8(static_cast<char>(0xB8)), n_cont = _mm_set1_epi8(static_cast<char>(0xBD));
  const __m128i v_cont = _mm_set1_epi8(static_cast<char>(0xB2));

  // Bytes v, with b1 and b2 the bytes one and two before each.
  [[nodiscard]] std::uint32_t bits(__m128i v, __m128i b1, __m128i b2) const noexcept {
    const __m128i ascii = _mm_cmplt_epi8(_mm_add_epi8(v, bias), ascii_limit);
    const __m128i capital = _mm_and_si128(_mm_cmplt_epi8(v, capital_limit), _mm_cmpeq_epi8(b1, d0));
    const __m128i ending = _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(v, ch), _mm_cmpeq_epi8(b2, i_cont)),
                                        _mm_and_si128(_mm_cmpeq_epi8(v, n_cont), _mm_cmpeq_epi8(b2, v_cont)));
    return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(ascii, capital), ending)));
  }
  // The 16 bytes at p (p[-2], p[-1] readable), or at the start of the text (nothing before it is read).
  [[nodiscard]] std::uint32_t at(const byte* p) const noexcept {
    return bits(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), _mm_loadu_si128(reinterpret_cast<const __m128i*>(p - 1)),
                _mm_loadu_si128(reinterpret_cast<const __m128i*>(p - 2)));
  }
  [[nodiscard]] std::uint32_t at_start(const byte* p) const noexcept {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    return bits(v, _mm_slli_si128(v, 1), _mm_slli_si128(v, 2));
  }
};

// `at_start`: p is the start of the text, so the bytes before it are not read (they count as zero).
inline std::uint32_t trigger_bits16(const byte* p, bool at_start = false) noexcept {
  const trigger_classifier c;
  return at_start ? c.at_start(p) : c.at(p);
}

// The 64 bytes at p (p[-2], p[-1] readable, unless `at_start`): four steps written out.
inline std::uint64_t trigger_bits64_sse2(const byte* p, bool at_start = false) noexcept {
  const trigger_classifier c;
  return (at_start ? c.at_start(p) : c.at(p)) | static_cast<std::uint64_t>(c.at(p + 16)) << 16 |
         static_cast<std::uint64_t>(c.at(p + 32)) << 32 | static_cast<std::uint64_t>(c.at(p + 48)) << 48;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
// The same bits 32 bytes per step where the processor has AVX2 (checked once at start-up): the x86-64
// baseline the product is built for stops at SSE2, and this scan is a fifth of the redactor's work.
#define OTKLIK_TRIGGERS_AVX2 1
__attribute__((target("avx2"))) inline std::uint64_t trigger_bits64_avx2(const byte* p) noexcept {
  const __m256i bias = _mm256_set1_epi8(0x50), ascii_limit = _mm256_set1_epi8(-85), capital_limit = _mm256_set1_epi8(-80);
  const __m256i d0 = _mm256_set1_epi8(static_cast<char>(0xD0)), ch = _mm256_set1_epi8(static_cast<char>(0x87));
  const __m256i i_cont = _mm256_set1_epi8(static_cast<char>(0xB8)), n_cont = _mm256_set1_epi8(static_cast<char>(0xBD));
  const __m256i v_cont = _mm256_set1_epi8(static_cast<char>(0xB2));
  std::uint64_t bits = 0;
  for (unsigned k = 0; k < 64; k += 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + k));
    const __m256i b1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + k - 1));
    const __m256i b2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + k - 2));
    const __m256i ascii = _mm256_cmpgt_epi8(ascii_limit, _mm256_add_epi8(v, bias));
    const __m256i capital = _mm256_and_si256(_mm256_cmpgt_epi8(capital_limit, v), _mm256_cmpeq_epi8(b1, d0));
    const __m256i ending = _mm256_or_si256(_mm256_and_si256(_mm256_cmpeq_epi8(v, ch), _mm256_cmpeq_epi8(b2, i_cont)),
                                           _mm256_and_si256(_mm256_cmpeq_epi8(v, n_cont), _mm256_cmpeq_epi8(b2, v_cont)));
    bits |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(
                _mm256_movemask_epi8(_mm256_or_si256(_mm256_or_si256(ascii, capital), ending))))
            << k;
  }
  return bits;
}
inline const bool has_avx2 = [] {
  __builtin_cpu_init();  // may run before the constructors that would otherwise do it
  return __builtin_cpu_supports("avx2") != 0;
}();
#endif

// The 64 bytes at p (p[-2], p[-1] readable).
inline std::uint64_t trigger_bits64(const byte* p) noexcept {
#if defined(OTKLIK_TRIGGERS_AVX2)
  if (has_avx2) return trigger_bits64_avx2(p);
#endif
  return trigger_bits64_sse2(p);
}

// The 64 bytes at the start of a text of at least 66 bytes (nothing before it is read). With AVX2, one
// AVX2 block from the third byte on, and the first two bytes tested here: no byte stands before them, so
// only the ASCII range counts for the first, and a Cyrillic capital after a D0 for the second.
inline std::uint64_t trigger_bits64_first(const byte* p) noexcept {
#if defined(OTKLIK_TRIGGERS_AVX2)
  if (has_avx2) {
    const auto ascii = [](byte c) { return c >= 0x30 && c <= 0x5A; };
    return trigger_bits64_avx2(p + 2) << 2 | static_cast<std::uint64_t>(ascii(p[0])) |
           static_cast<std::uint64_t>(ascii(p[1]) || (p[0] == 0xD0 && p[1] >= 0x80 && p[1] <= 0xAF)) << 1;
  }
#endif
  return trigger_bits64_sse2(p, true);
}

#elif defined(OTKLIK_TRIGGERS_WASM_SIMD)

inline std::uint32_t trigger_bits16(const byte* p, bool at_start = false) noexcept {
  const v128_t v = wasm_v128_load(p);
  const v128_t zero = wasm_i8x16_splat(0);
  const v128_t b1 = at_start ? wasm_i8x16_shuffle(zero, v, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30)
                             : wasm_v128_load(p - 1);
  const v128_t b2 = at_start ? wasm_i8x16_shuffle(zero, v, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29)
                             : wasm_v128_load(p - 2);
  const v128_t b3 = at_start ? wasm_i8x16_shuffle(zero, v, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28)
                             : wasm_v128_load(p - 3);
  auto eq = [](v128_t x, int c) { return wasm_i8x16_eq(x, wasm_i8x16_splat(static_cast<std::int8_t>(c))); };
  auto in = [](v128_t x, int lo, int hi) {
    return wasm_i8x16_eq(wasm_u8x16_sub_sat(wasm_i8x16_sub(x, wasm_i8x16_splat(static_cast<std::int8_t>(lo))),
                                            wasm_i8x16_splat(static_cast<std::int8_t>(hi - lo))),
                         wasm_i8x16_splat(0));
  };
  const v128_t after_d0 = eq(b1, 0xD0);
  v128_t t = in(v, '0', 'Z');
  t = wasm_v128_or(t, wasm_v128_and(in(v, 0x80, 0xAF), after_d0));
  t = wasm_v128_or(t, wasm_v128_and(wasm_v128_and(eq(v, 0x87), eq(b1, 0xD1)), wasm_v128_and(eq(b2, 0xB8), eq(b3, 0xD0))));
  t = wasm_v128_or(t, wasm_v128_and(wasm_v128_and(eq(v, 0xBD), after_d0), eq(b2, 0xB2)));
  return static_cast<std::uint32_t>(wasm_i8x16_bitmask(t));
}

#else

// Eight bytes at `p` (p[-1..-3] readable unless `at_start`): one bit per trigger byte.
inline std::uint32_t trigger_bits8(const byte* p, bool at_start = false) noexcept {
  using namespace swar;
  const std::uint64_t v = load(p);
  const std::uint64_t before = at_start ? 0 : load(p - 8 + 5) << 40;  // bytes p[-3..-1] in the top three bytes
  const std::uint64_t b1 = (v << 8) | (before >> 56);
  const std::uint64_t b2 = (v << 16) | (before >> 48);
  const std::uint64_t b3 = (v << 24) | (before >> 40);
  const std::uint64_t after_d0 = equal(b1, 0xD0);
  const std::uint64_t t = in_range(v, '0', 'Z') | (in_range(v ^ highs, 0x00, 0x2F) & after_d0) |
                          (equal(v, 0x87) & equal(b1, 0xD1) & equal(b2, 0xB8) & equal(b3, 0xD0)) |
                          (equal(v, 0xBD) & after_d0 & equal(b2, 0xB2));
  // One bit per byte: gather the 0x80 flags.
  return static_cast<std::uint32_t>(((t >> 7) * 0x0102040810204080ull) >> 56);
}

#endif

#if defined(OTKLIK_TRIGGERS_SSE2) || defined(OTKLIK_TRIGGERS_WASM_SIMD)
inline constexpr unsigned trigger_step = 16;
inline std::uint32_t trigger_bits_step(const byte* p, bool at_start = false) noexcept { return trigger_bits16(p, at_start); }
#else
inline constexpr unsigned trigger_step = 8;
inline std::uint32_t trigger_bits_step(const byte* p, bool at_start = false) noexcept { return trigger_bits8(p, at_start); }
#endif

// Trigger bits for the bytes [block, block + 64) of a text of `n` bytes (bits past the end are zero).
// Steps read the text in place: the first step of the text reads no byte before it, a last partial step
// re-reads the text's last full step and drops the bits it already had. Only texts shorter than a step
// (plus three bytes) go through a small padded copy.
inline std::uint64_t trigger_mask(const byte* text, std::size_t n, std::size_t block) noexcept {
#if defined(OTKLIK_TRIGGERS_SSE2)
  // Texts of 66 bytes or more: 64 bytes read in place, the last block as the text's last 64 bytes with
  // the bits it already had dropped; the first block's first step reads nothing before the text.
  if (n >= 66) {
    if (block == 0) return trigger_bits64_first(text);
    const std::size_t at = n - block >= 64 ? block : n - 64;
    return trigger_bits64(text + at) >> (block - at);
  }
#endif
  if (n >= trigger_step + 3) {  // every step reads in place (most comments: a first, inner and last block)
    const std::size_t in_block = n - block < 64 ? n - block : 64;
    std::uint64_t bits = 0;
    unsigned k = 0;
    if (block == 0) {
      bits = trigger_bits_step(text, true);
      k = trigger_step;
    }
    for (; k + trigger_step <= in_block; k += trigger_step)
      bits |= static_cast<std::uint64_t>(trigger_bits_step(text + block + k)) << k;
    if (k < in_block) {
      const std::size_t last = n - trigger_step;
      bits |= static_cast<std::uint64_t>(trigger_bits_step(text + last) >> (block + k - last)) << k;
    }
    return bits;
  }
  std::uint64_t bits = 0;
  for (unsigned k = 0; k < 64; k += trigger_step) {
    const std::size_t p = block + k;
    if (p >= n) break;
    byte padded[8 + trigger_step] = {};
    padded[5] = padded[6] = padded[7] = ' ';  // before the text: no trigger can look back into it
    for (std::size_t b = 1; b <= 3 && b <= p; ++b) padded[8 - b] = text[p - b];
    const std::size_t count = n - p < trigger_step ? n - p : trigger_step;
    for (std::size_t i = 0; i < count; ++i) padded[8 + i] = text[p + i];
    bits |= static_cast<std::uint64_t>(trigger_bits_step(padded + 8)) << k;
  }
  return bits;
}

}  // namespace otklik::detail
