// The backward word walk of for_each_word_back done on bit masks (natively): the 32 bytes before a position
// are classified once with SSE2 (two inline steps; an out-of-line AVX2 step measured slower) into letters,
// digits, sentence stops and ". ", and each word's bounds come from the highest set bit of a mask instead
// of a byte loop whose exits depend on the data. It finds the same words, stops at the same places and never reads before the
// text: where the window cannot decide (a word or gap reaching below it), the caller reloads or falls
// back to the byte loop (walk_words_back in words.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "swar.hpp"
#include "text.hpp"

namespace otklik::detail {

// One word read backwards: bytes [start, end), letters (0 for a number), and whether ". " stood in the gap after it.
struct back_span {
  std::size_t start = 0, end = 0;
  unsigned letters = 0;
  bool dot_space = false;
};

}  // namespace otklik::detail

#if defined(__SSE2__) && !defined(OTKLIK_WASM_SIZE_FIRST)
#define OTKLIK_BACK_WINDOW 1

namespace otklik::detail {

// The byte classes of the window, one bit per byte (bit 0: the lowest byte).
struct back_bytes {
  std::uint32_t alpha, digit, continuation, lead, stop, dot, space, hyphen;
};

// SSE2 classification of 16 bytes, shifted into place.
inline void classify_back16(const byte* p, unsigned shift, back_bytes& m) noexcept {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  auto bits = [&](__m128i x) { return static_cast<std::uint32_t>(_mm_movemask_epi8(x)) << shift; };
  auto is = [&](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  // Signed compares: x + (0x80 - lo) falls below -128 + n exactly for x in lo..lo+n-1.
  m.alpha |= bits(_mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8(static_cast<char>(0x80 - 'a'))),
                                 _mm_set1_epi8(static_cast<char>(-128 + 26))));
  m.digit |= bits(_mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - '0'))), _mm_set1_epi8(static_cast<char>(-128 + 10))));
  m.continuation |= bits(_mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xC0))));  // 0x80..0xBF: -128..-65
  m.lead |= bits(_mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(1)), _mm_set1_epi8(static_cast<char>(0xD1))));
  m.stop |= bits(_mm_or_si128(_mm_or_si128(is('!'), is('?')), is('\n')));
  m.dot |= bits(is('.'));
  m.space |= bits(is(' '));
  m.hyphen |= bits(is('-'));
}



// The bytes [hi - width, hi) classified for the walk, bytes before `floor` (or before the text) counting
// as nothing.
class back_window {
 public:
  static constexpr unsigned width = 32;
  enum class step_result { stop, word, unknown };

  back_window() noexcept = default;  // covers nothing
  back_window(const text_view& t, std::size_t hi, std::size_t floor) noexcept : hi_(hi), reaches_floor_(hi <= floor + width) {
    back_bytes m;
    const byte* p = t.data + hi - width;
    alignas(16) byte padded[width];
    if (hi < width) {  // the start of the text: zeros before it
      std::memset(padded, 0, sizeof padded);
      std::memcpy(padded + width - hi, t.data, hi);
      p = padded;
    }
    {
      m = back_bytes{};
      classify_back16(p, 0, m);
      classify_back16(p + 16, 16, m);
    }
    // Bytes at or after floor (hi > floor always).
    const std::uint32_t valid = reaches_floor_ ? ~std::uint32_t{0} << (floor + width - hi) : ~std::uint32_t{0};
    m.alpha &= valid, m.digit &= valid, m.continuation &= valid, m.lead &= valid, m.stop &= valid, m.dot &= valid,
        m.hyphen &= valid;
    // The byte just below the window, when it is at or after floor, for the tests that look one byte back.
    std::uint32_t lead_below = 0, letter_below = 0;
    if (!reaches_floor_) {
      const byte c = t.data[hi - width - 1];
      lead_below = is_cyrillic_lead(c);
      letter_below = is_ascii_alpha(c) || is_continuation(c);
    }
    const std::uint32_t space_above = hi < t.size && t.data[hi] == ' ';
    const std::uint32_t pair = m.continuation & (m.lead << 1 | lead_below);  // the second byte of a Cyrillic letter
    ends_ = m.alpha | m.digit | pair;
    stops_ = m.stop;
    dot_spaces_ = m.dot & (m.space >> 1 | space_above << (width - 1));
    digits_ = m.digit;
    letters_ = m.alpha | pair;
    // A hyphen inside a word (пр-т) joins it when a letter byte or a continuation stands before it.
    word_bytes_ = letters_ | pair >> 1 | (m.hyphen & ((m.alpha | m.continuation) << 1 | letter_below));
  }

  // step() from this window where it covers i, else (or where it cannot decide) from the window of the
  // 32 bytes before i (floor < i); unknown only for a gap or word longer than that.
  [[nodiscard]] step_result step_or_reload(const text_view& t, std::size_t i, std::size_t floor, back_span& w) noexcept {
    if (i + width > hi_ && i <= hi_) {
      const step_result result = step(i, w);
      if (result != step_result::unknown || hi_ == i) return result;
    }
    *this = back_window(t, i, floor);
    return step(i, w);
  }

  // The word before i (and the gap after it), as the byte loop finds it: stop where the walk ends, unknown
  // where the window does not reach far enough.
  [[nodiscard]] step_result step(std::size_t i, back_span& w) const noexcept {
    const unsigned n = static_cast<unsigned>(i + width - hi_);  // window bytes before i: 1..width
    const std::uint32_t below = n >= 32 ? ~std::uint32_t{0} : (std::uint32_t{1} << n) - 1;
    const std::uint32_t ends = ends_ & below;
    if (ends == 0) return reaches_floor_ || (stops_ & below) != 0 ? step_result::stop : step_result::unknown;
    const unsigned last = 31u - static_cast<unsigned>(__builtin_clz(ends));  // the word's last byte
    const std::uint32_t through_last = static_cast<std::uint32_t>((std::uint64_t{2} << last) - 1);
    const std::uint32_t gap = below & ~through_last;
    if ((stops_ & gap) != 0) return step_result::stop;
    const bool number = ((digits_ >> last) & 1u) != 0;
    const std::uint32_t run = number ? digits_ : word_bytes_;
    const std::uint32_t outside = ~run & (through_last >> 1);
    unsigned first = 0;  // the word's first byte
    if (outside != 0) {
      first = 32u - static_cast<unsigned>(__builtin_clz(outside));
    } else if (!reaches_floor_) {
      return step_result::unknown;
    }
    const std::size_t base = hi_ - width;  // wraps below the start of the text; positions come out right
    w.start = base + first;
    w.end = base + last + 1;
    w.letters = number ? 0 : swar::count_bits(letters_ & through_last & ~((std::uint32_t{1} << first) - 1));
    w.dot_space = (dot_spaces_ & gap) != 0;
    return step_result::word;
  }

 private:
  std::size_t hi_ = 0;
  bool reaches_floor_ = false;  // the window starts at or before floor: nothing below it counts
  std::uint32_t ends_ = 0, stops_ = 0, dot_spaces_ = 0, digits_ = 0, letters_ = 0, word_bytes_ = 0;
};

}  // namespace otklik::detail

#endif
