// IPv6 addresses in the text forms of RFC 4291 section 2.2: eight groups, "::" compression, an IPv4 tail.
// Times (10:30:15) and MAC addresses never match: they have neither eight groups nor "::".
#include "matchers.hpp"

namespace otklik::detail {

namespace {
// A dotted IPv4 address at `i` (each part 0..255); its end, or 0.
std::size_t ipv4_tail(const text_view& t, std::size_t i) noexcept {
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (t.at(i) != '.') return 0;
      ++i;
    }
    unsigned value = 0, digits = 0;
    while (i < t.size && is_digit(t.data[i]) && digits < 4) value = value * 10 + (t.data[i++] - '0'), ++digits;
    if (digits == 0 || digits > 3 || value > 255) return 0;
  }
  return i;
}
}  // namespace

std::size_t match_ipv6(const text_view& t, std::size_t start) noexcept {
  if (start > 0 && (is_ascii_alnum(t.data[start - 1]) || t.data[start - 1] == ':')) return 0;
  std::size_t i = start, end = 0;
  unsigned groups = 0;
  bool compressed = false;
  if (t.at(i) == ':') {
    if (t.at(i + 1) != ':') return 0;
    compressed = true;
    i += 2;
    end = i;
  }
  while (groups < 8) {
    std::size_t j = i;
    while (j < t.size && j - i < 5 && is_hex(t.data[j])) ++j;
    if (j == i) break;
    if (j - i > 4) return 0;
    if (t.at(j) == '.' && is_digit(t.at(j + 1))) {  // an IPv4 tail counts as two groups
      const std::size_t tail = ipv4_tail(t, i);
      if (tail == 0 || groups > 6) return 0;
      groups += 2;
      end = tail;
      break;
    }
    ++groups;
    end = j;
    if (t.at(j) == ':' && t.at(j + 1) == ':' && !compressed) {
      compressed = true;
      i = j + 2;
      end = i;
      continue;
    }
    if (t.at(j) == ':' && is_hex(t.at(j + 1))) {
      i = j + 1;
      continue;
    }
    break;
  }
  if (end < t.size && (is_ascii_alnum(t.data[end]) || t.data[end] == ':')) return 0;
  if (compressed ? (groups >= 1 && groups <= 7) : groups == 8) return end;
  return 0;
}

}  // namespace otklik::detail
