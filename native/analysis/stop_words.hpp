// stop_words.hpp — Russian and English stop words for comment terms.
#pragma once

#include <string_view>

namespace otklik::analysis::detail {

// Whether a lower-case word (ё written as е) is a stop word in Russian or English.
[[nodiscard]] bool is_stop_word(std::string_view lower_word) noexcept;

}  // namespace otklik::analysis::detail
