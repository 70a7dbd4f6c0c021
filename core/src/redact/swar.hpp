// Byte-parallel tests on 64-bit words ("SIMD within a register"): the scanner classifies eight bytes per
// step with plain integer operations, so the same code runs natively and in WebAssembly without SIMD.
// Every test is exact per byte (no false positives from borrows).
#pragma once

#include <cstdint>
#include <cstring>

namespace otklik::detail::swar {

inline constexpr std::uint64_t ones = 0x0101010101010101ull;
inline constexpr std::uint64_t highs = 0x8080808080808080ull;

// 0x80 in each byte of `x` equal to `c`.
[[nodiscard]] constexpr std::uint64_t equal(std::uint64_t x, std::uint8_t c) noexcept {
  const std::uint64_t t = x ^ (ones * c);
  return ~(((t & ~highs) + ~highs) | t) & highs;
}

// 0x80 in each byte of `x` in [lo, hi], for ASCII bounds (hi < 0x80); bytes >= 0x80 never match.
[[nodiscard]] constexpr std::uint64_t in_range(std::uint64_t x, std::uint8_t lo, std::uint8_t hi) noexcept {
  const std::uint64_t above_lo = (x | highs) - ones * lo;
  const std::uint64_t above_hi = (x | highs) - ones * static_cast<std::uint8_t>(hi + 1);
  return above_lo & ~above_hi & ~x & highs;
}

// Eight bytes at `p` as a little-endian word (byte 0 in the low bits), on every platform.
[[nodiscard]] inline std::uint64_t load(const unsigned char* p) noexcept {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap64(v);
#endif
  return v;
}

// Set bits of a 32-bit mask, without the POPCNT instruction (not in the x86-64 baseline the product is built
// for): the scanner counts a word's letters and the backward walk a word's letters from their bit masks.
[[nodiscard]] constexpr unsigned count_bits(std::uint32_t x) noexcept {
  x = x - ((x >> 1) & 0x55555555u);
  x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
  x = (x + (x >> 4)) & 0x0F0F0F0Fu;
  return (x * 0x01010101u) >> 24;
}

// Index (0..7) of the lowest byte flagged with 0x80.
[[nodiscard]] inline unsigned first(std::uint64_t mask) noexcept {
  return static_cast<unsigned>(__builtin_ctzll(mask)) >> 3;
}

}  // namespace otklik::detail::swar
