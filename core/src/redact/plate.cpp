// Russian vehicle registration plates (GOST R 50577): a letter, three digits, two letters and a region of two
// or three digits, e.g. А123ВС77. Only the 12 letters with Latin look-alikes are used, so Latin spellings
// (A123BC77) match as well.
#include "matchers.hpp"

namespace otklik::detail {

std::size_t match_plate(const text_view& t, std::size_t start) noexcept {
  std::size_t i = start;
  bool spaced = false, upper = true;
  const unsigned first = plate_letter_length(t, i);
  if (first == 0) return 0;
  upper = upper && is_upper_letter_at(t, i);
  i += first;
  if (t.at(i) == ' ') ++i, spaced = true;
  if (!is_digit(t.at(i)) || !is_digit(t.at(i + 1)) || !is_digit(t.at(i + 2)) || is_digit(t.at(i + 3))) return 0;
  if (t.data[i] == '0' && t.data[i + 1] == '0' && t.data[i + 2] == '0') return 0;
  i += 3;
  if (t.at(i) == ' ') ++i, spaced = true;
  for (int k = 0; k < 2; ++k) {
    const unsigned n = plate_letter_length(t, i);
    if (n == 0) return 0;
    upper = upper && is_upper_letter_at(t, i);
    i += n;
  }
  if (i < t.size && letter_length(t, i) != 0) return 0;
  std::size_t region = i;
  if (t.at(region) == ' ' || t.at(region) == '/') ++region;  // "А123ВС 77", "А123ВС/77"
  std::size_t r = region;
  while (r < t.size && is_digit(t.data[r]) && r - region < 4) ++r;
  const std::size_t region_digits = r - region;
  const bool region_code = (region_digits == 2 && !(t.data[region] == '0' && t.data[region + 1] == '0')) ||
                           (region_digits == 3 && t.data[region] != '0');
  const bool has_region = region_code &&
                          !(r < t.size && (letter_length(t, r) != 0 || is_digit(t.data[r])));
  if (has_region) return r;
  if (region_digits > 0 && region == i) return 0;  // digits glued on that are not a region
  return (!spaced && upper) ? i : 0;               // without a region only the compact capital form
}

}  // namespace otklik::detail
