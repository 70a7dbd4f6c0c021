// Helpers for the redactor's unit tests: the redacted text of a string, and the types it found.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "otklik/redact.hpp"

namespace otklik::test {

// The text with placeholders, as a citizen's comment would be stored.
inline std::string redacted(std::string_view text) { return redact(text).text; }

// The kinds found, in order.
inline std::vector<std::string> kinds(std::string_view text) {
  std::vector<std::string> out;
  for (const finding& f : redact(text).findings) out.emplace_back(to_string(f.type));
  return out;
}

}  // namespace otklik::test
