// Word lists written as one space-separated string (the case endings of patronymics, the URL query keys
// that carry personal data): their shape at compile time, and a test that walks the string itself, which
// the widget's size-first core uses instead of a table of words to download.
#pragma once

#include <cstddef>
#include <string_view>

namespace otklik::detail {

// How many words a list has and how long its longest is, so that a table built from it at compile time is
// sized by the list and drops no word.
struct word_list_shape {
  std::size_t count = 0, longest = 0;
};
[[nodiscard]] constexpr word_list_shape shape_of(std::string_view list) noexcept {
  word_list_shape shape;
  std::size_t run = 0;
  for (std::size_t i = 0;; ++i) {
    if (i < list.size() && list[i] != ' ') {
      ++run;
      continue;
    }
    if (run != 0) {
      ++shape.count;
      shape.longest = run > shape.longest ? run : shape.longest;
      run = 0;
    }
    if (i == list.size()) return shape;
  }
}
static_assert(shape_of("а  ой ").count == 2 && shape_of("а  ой ").longest == 4 && shape_of("").count == 0);

// Whether `word` is one of the words of `list` (word_list.cpp: one copy for every list).
[[nodiscard]] bool in_word_list(std::string_view list, std::string_view word) noexcept;

}  // namespace otklik::detail
