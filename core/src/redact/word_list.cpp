// The walk of a space-separated word list (see word_list.hpp).
#include "word_list.hpp"

namespace otklik::detail {

bool in_word_list(std::string_view list, std::string_view word) noexcept {
  for (std::size_t at = 0, end = 0; at < list.size(); at = end + 1) {
    end = at;
    while (end < list.size() && list[end] != ' ') ++end;
    if (list.substr(at, end - at) == word) return true;
  }
  return false;
}

}  // namespace otklik::detail
