// native/collector/header_text.hpp — the two text operations HTTP header values need (ASCII case,
// optional whitespace), shared by the CORS policy and the server; internal to the collector.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace otklik::collector::detail {

// Header names and tokens compare without ASCII case (RFC 9110, 5.1 and 8.3.1).
inline std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Strips the optional whitespace (spaces, tabs) around a header value or list item.
inline std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace otklik::collector::detail
