// Finds the bytes where personal data can start, 64 bytes at a time: ASCII digits and capitals,
// Cyrillic capitals (D0 80..D0 AF), "@", ":", the dot of "www.", and the letters "ч" (D1 87) and "н" after
// "в" (D0 B2 D0 BD) that patronymics end with. Three implementations give bit-identical masks: SSE2
// (every x86-64), WebAssembly SIMD128 (when built with -msimd128), and portable SWAR on 64-bit integers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "swar.hpp"
#include "text.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#define OTKLIK_TRIGGERS_SSE2 1
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define OTKLIK_TRIGGERS_WASM_SIMD 1
#endif

namespace otklik::detail {

#if defined(OTKLIK_TRIGGERS_SSE2)

inline std::uint32_t trigger_bits16(const byte* p) noexcept {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i b1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p - 1));
  const __m128i b2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p - 2));
  const __m128i b3 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p - 3));
  const __m128i zero = _mm_setzero_si128();
  auto eq = [](__m128i x, int c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(c))); };
  // x in [lo, hi] (unsigned): (x - lo) saturating-minus (hi - lo) is zero.
  auto in = [&](__m128i x, int lo, int hi) {
    return _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(x, _mm_set1_epi8(static_cast<char>(lo))),
                                        _mm_set1_epi8(static_cast<char>(hi - lo))),
                          zero);
  };
  const __m128i after_d0 = eq(b1, 0xD0);
  __m128i t = _mm_or_si128(in(v, '0', '9'), in(v, 'A', 'Z'));
  t = _mm_or_si128(t, _mm_or_si128(eq(v, '@'), eq(v, ':')));
  t = _mm_or_si128(t, _mm_and_si128(in(v, 0x80, 0xAF), after_d0));
  t = _mm_or_si128(t, _mm_and_si128(eq(v, 0x87), eq(b1, 0xD1)));
  t = _mm_or_si128(t, _mm_and_si128(_mm_and_si128(eq(v, 0xBD), after_d0), eq(b2, 0xB2)));
  t = _mm_or_si128(t, _mm_and_si128(_mm_and_si128(eq(v, '.'), eq(b1, 'w')), _mm_and_si128(eq(b2, 'w'), eq(b3, 'w'))));
  return static_cast<std::uint32_t>(_mm_movemask_epi8(t));
}

#elif defined(OTKLIK_TRIGGERS_WASM_SIMD)

inline std::uint32_t trigger_bits16(const byte* p) noexcept {
  const v128_t v = wasm_v128_load(p);
  const v128_t b1 = wasm_v128_load(p - 1);
  const v128_t b2 = wasm_v128_load(p - 2);
  const v128_t b3 = wasm_v128_load(p - 3);
  auto eq = [](v128_t x, int c) { return wasm_i8x16_eq(x, wasm_i8x16_splat(static_cast<std::int8_t>(c))); };
  auto in = [](v128_t x, int lo, int hi) {
    return wasm_i8x16_eq(wasm_u8x16_sub_sat(wasm_i8x16_sub(x, wasm_i8x16_splat(static_cast<std::int8_t>(lo))),
                                            wasm_i8x16_splat(static_cast<std::int8_t>(hi - lo))),
                         wasm_i8x16_splat(0));
  };
  const v128_t after_d0 = eq(b1, 0xD0);
  v128_t t = wasm_v128_or(in(v, '0', '9'), in(v, 'A', 'Z'));
  t = wasm_v128_or(t, wasm_v128_or(eq(v, '@'), eq(v, ':')));
  t = wasm_v128_or(t, wasm_v128_and(in(v, 0x80, 0xAF), after_d0));
  t = wasm_v128_or(t, wasm_v128_and(eq(v, 0x87), eq(b1, 0xD1)));
  t = wasm_v128_or(t, wasm_v128_and(wasm_v128_and(eq(v, 0xBD), after_d0), eq(b2, 0xB2)));
  t = wasm_v128_or(t, wasm_v128_and(wasm_v128_and(eq(v, '.'), eq(b1, 'w')), wasm_v128_and(eq(b2, 'w'), eq(b3, 'w'))));
  return static_cast<std::uint32_t>(wasm_i8x16_bitmask(t));
}

#else

// Eight bytes at `p` (p[-1..-3] readable): one bit per trigger byte.
inline std::uint32_t trigger_bits8(const byte* p) noexcept {
  using namespace swar;
  const std::uint64_t v = load(p);
  const std::uint64_t before = load(p - 8 + 5) << 40;  // bytes p[-3..-1] in the top three bytes
  const std::uint64_t b1 = (v << 8) | (before >> 56);
  const std::uint64_t b2 = (v << 16) | (before >> 48);
  const std::uint64_t b3 = (v << 24) | (before >> 40);
  const std::uint64_t after_d0 = equal(b1, 0xD0);
  const std::uint64_t t = in_range(v, '0', '9') | in_range(v, 'A', 'Z') | equal(v, '@') | equal(v, ':') |
                          (in_range(v ^ highs, 0x00, 0x2F) & after_d0) | (equal(v, 0x87) & equal(b1, 0xD1)) |
                          (equal(v, 0xBD) & after_d0 & equal(b2, 0xB2)) |
                          (equal(v, '.') & equal(b1, 'w') & equal(b2, 'w') & equal(b3, 'w'));
  // One bit per byte: gather the 0x80 flags.
  return static_cast<std::uint32_t>(((t >> 7) * 0x0102040810204080ull) >> 56);
}

#endif

// Trigger bits for the 64 bytes at `p` (bit i: p[i]); p[-3..63] must be readable.
inline std::uint64_t trigger_bits64(const byte* p) noexcept {
#if defined(OTKLIK_TRIGGERS_SSE2) || defined(OTKLIK_TRIGGERS_WASM_SIMD)
  return static_cast<std::uint64_t>(trigger_bits16(p)) | (static_cast<std::uint64_t>(trigger_bits16(p + 16)) << 16) |
         (static_cast<std::uint64_t>(trigger_bits16(p + 32)) << 32) |
         (static_cast<std::uint64_t>(trigger_bits16(p + 48)) << 48);
#else
  std::uint64_t bits = 0;
  for (unsigned k = 0; k < 8; ++k) bits |= static_cast<std::uint64_t>(trigger_bits8(p + 8 * k)) << (8 * k);
  return bits;
#endif
}

// Trigger bits for the bytes [block, block + 64) of a text of `n` bytes (bits past the end are zero).
inline std::uint64_t trigger_mask(const byte* text, std::size_t n, std::size_t block) noexcept {
  if (block >= 8 && block + 64 <= n) return trigger_bits64(text + block);
  // The first and the last block: a padded copy (spaces before the text, zeros after it).
  byte padded[8 + 64];
  std::memset(padded, ' ', 8);
  std::memset(padded + 8, 0, 64);
  const std::size_t before = block < 8 ? block : 8;
  std::memcpy(padded + 8 - before, text + block - before, before);
  const std::size_t count = n - block < 64 ? n - block : 64;
  std::memcpy(padded + 8, text + block, count);
  return trigger_bits64(padded + 8);
}

}  // namespace otklik::detail
