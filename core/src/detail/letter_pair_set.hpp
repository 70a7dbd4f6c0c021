// A set of two-capital-letter codes (ISO 3166-1 countries, IBAN countries) as a 26 x 26 bitmap built at
// compile time from a readable list: one look instead of a search, and 88 bytes of table in the widget's
// WebAssembly core instead of the list itself.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace otklik::detail {

class letter_pair_set {
 public:
  // The pairs at `list`'s offsets 0, stride, 2 * stride, ... (each entry's first two characters, A-Z).
  constexpr letter_pair_set(std::string_view list, std::size_t stride) {
    for (std::size_t i = 0; i + 1 < list.size(); i += stride) {
      const unsigned at = index(list[i], list[i + 1]);
      bits_[at / 32] |= std::uint32_t{1} << (at % 32);
    }
  }
  // Whether `first` `second` is in the set; anything but two capitals A-Z is not.
  [[nodiscard]] constexpr bool contains(char first, char second) const noexcept {
    if (!capital(first) || !capital(second)) return false;
    const unsigned at = index(first, second);
    return (bits_[at / 32] >> (at % 32)) & 1u;
  }
  // How many pairs of the set sort before `first` `second`: its position in a list sorted like the bitmap.
  [[nodiscard]] constexpr unsigned rank(char first, char second) const noexcept {
    const unsigned at = index(first, second);
    unsigned count = static_cast<unsigned>(std::popcount(bits_[at / 32] & ((std::uint32_t{1} << (at % 32)) - 1)));
    for (unsigned w = 0; w < at / 32; ++w) count += static_cast<unsigned>(std::popcount(bits_[w]));
    return count;
  }

 private:
  static constexpr bool capital(char c) noexcept { return c >= 'A' && c <= 'Z'; }
  static constexpr unsigned index(char first, char second) noexcept {
    return static_cast<unsigned>(first - 'A') * 26 + static_cast<unsigned>(second - 'A');
  }
  std::array<std::uint32_t, (26 * 26 + 31) / 32> bits_{};
};

}  // namespace otklik::detail
