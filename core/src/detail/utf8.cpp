// UTF-8 validation by the table of well-formed byte sequences (Unicode 15, table 3-7). Hand-written
// because the core must build to WebAssembly without simdutf; an ASCII fast path keeps it quick.
#include "detail/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace otklik::detail {

bool is_valid_utf8(std::string_view text) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  while (p < end) {
    // Eight ASCII bytes at a time.
    if (end - p >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        p += 8;
        continue;
      }
    }
    const unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    auto cont = [&](std::ptrdiff_t i) { return p + i < end && (p[i] & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) {
      if (!cont(1)) return false;
      p += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (p + 1 >= end) return false;
      const unsigned char c1 = p[1];
      if (c == 0xE0 && (c1 < 0xA0 || c1 > 0xBF)) return false;        // overlong
      if (c == 0xED && (c1 < 0x80 || c1 > 0x9F)) return false;        // surrogates
      if ((c1 & 0xC0) != 0x80 || !cont(2)) return false;
      p += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (p + 1 >= end) return false;
      const unsigned char c1 = p[1];
      if (c == 0xF0 && (c1 < 0x90 || c1 > 0xBF)) return false;        // overlong
      if (c == 0xF4 && (c1 < 0x80 || c1 > 0x8F)) return false;        // above U+10FFFF
      if ((c1 & 0xC0) != 0x80 || !cont(2) || !cont(3)) return false;
      p += 4;
    } else {
      return false;
    }
  }
  return true;
}

std::size_t count_code_points(std::string_view valid_utf8) noexcept {
  std::size_t n = 0;
  for (const char c : valid_utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace otklik::detail
