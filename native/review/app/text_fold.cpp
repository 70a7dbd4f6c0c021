// Case folding by hand: only two byte patterns of UTF-8 Cyrillic capitals need rewriting, and a search runs over
// millions of comments, so a general Unicode library call per comment would cost far more than it brings.
#include "app/text_fold.hpp"

namespace otklik::review {

void fold_case_into(std::string_view text, std::string& out) {
  out.reserve(out.size() + text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c + 32));
      continue;
    }
    if (c == 0xD0 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x90 && next <= 0x9F) {         // А..П -> а..п
        out.push_back(static_cast<char>(0xD0));
        out.push_back(static_cast<char>(next + 0x20));
        ++i;
        continue;
      }
      if (next >= 0xA0 && next <= 0xAF) {         // Р..Я -> р..я
        out.push_back(static_cast<char>(0xD1));
        out.push_back(static_cast<char>(next - 0x20));
        ++i;
        continue;
      }
      if (next >= 0x80 && next <= 0x8F) {         // Ѐ..Џ (Ё among them) -> ѐ..џ
        out.push_back(static_cast<char>(0xD1));
        out.push_back(static_cast<char>(next + 0x10));
        ++i;
        continue;
      }
    }
    out.push_back(static_cast<char>(c));
  }
}

std::string fold_case(std::string_view text) {
  std::string out;
  fold_case_into(text, out);
  return out;
}

}  // namespace otklik::review
