// The placeholder words of the personal-data kinds (formats.md, "Anonymization").
#include <array>

#include "otklik/redact.hpp"

namespace otklik {

namespace {
constexpr std::array<std::string_view, 15> words = {"EMAIL", "PHONE", "SNILS", "INN",  "OGRN",
                                                    "PASSPORT", "OMS", "CARD", "IBAN", "IP",
                                                    "URL", "PLATE", "DATE_OF_BIRTH", "PERSON", "ADDRESS"};
}  // namespace

std::string_view to_string(pii_type kind) noexcept {
  const auto i = static_cast<std::size_t>(kind);
  return i < words.size() ? words[i] : std::string_view("UNKNOWN");
}

std::optional<pii_type> parse_pii_type(std::string_view word) noexcept {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == word) return static_cast<pii_type>(i);
  }
  return std::nullopt;
}

}  // namespace otklik
