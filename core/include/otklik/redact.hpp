// otklik/redact.hpp — finds personal data in free text and replaces it by typed placeholders.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace otklik {

struct response;

// Kinds of personal data; placeholders are "[" + to_string(kind) + "]" (formats.md, "Anonymization").
enum class pii_type : std::uint8_t {
  email, phone, snils, inn, ogrn, passport, oms, card, iban, ip, url, plate, date_of_birth, person, address
};

// "EMAIL", "PHONE", ... "DATE_OF_BIRTH", "PERSON", "ADDRESS".
[[nodiscard]] std::string_view to_string(pii_type kind) noexcept;
[[nodiscard]] std::optional<pii_type> parse_pii_type(std::string_view word) noexcept;

// One piece of personal data: byte offsets [start, end) into the input text.
struct finding {
  pii_type type{};
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  friend bool operator==(const finding&, const finding&) = default;
};

// Redacted text and what was removed from where.
struct redaction {
  std::string text;
  std::vector<finding> findings;  // sorted by start, not overlapping
};

// Finds personal data in UTF-8 text in one pass; deterministic and identical natively and in WebAssembly.
[[nodiscard]] redaction redact(std::string_view text);
// The same into a caller's redaction, reusing its buffers: the WebAssembly binding's calls allocate nothing.
void redact(std::string_view text, redaction& out);

// Redacts every text answer of a response in place; the collector and the widget both call it.
void anonymize(response& r);

}  // namespace otklik
