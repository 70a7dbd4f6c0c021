// text_fold.hpp — case folding for comment search: ASCII and Cyrillic letters to lower case in UTF-8, so that
// «Очередь», «очередь» and «ОЧЕРЕДЬ» match one query (the store keeps comments as written).
#pragma once

#include <string>
#include <string_view>

namespace otklik::review {

// Appends the folded form of `text` to `out` (other characters unchanged).
void fold_case_into(std::string_view text, std::string& out);

// The folded form of `text`.
[[nodiscard]] std::string fold_case(std::string_view text);

}  // namespace otklik::review
