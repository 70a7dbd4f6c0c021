// RFC 3339 (section 5.6) date-time validation restricted to UTC offsets.
#include "detail/time_format.hpp"

namespace otklik::detail {

namespace {

bool digits(std::string_view s, std::size_t at, std::size_t n, int& value) {
  if (at + n > s.size()) return false;
  value = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

}  // namespace

bool is_rfc3339_utc(std::string_view s) noexcept {
  int year, month, day, hour, minute, second;
  if (!digits(s, 0, 4, year) || s.size() < 20 || s[4] != '-' || !digits(s, 5, 2, month) || s[7] != '-' ||
      !digits(s, 8, 2, day) || (s[10] != 'T' && s[10] != 't') || !digits(s, 11, 2, hour) || s[13] != ':' ||
      !digits(s, 14, 2, minute) || s[16] != ':' || !digits(s, 17, 2, second)) {
    return false;
  }
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 ||
      second > 60) {
    return false;
  }
  std::size_t at = 19;
  if (s[at] == '.') {
    const std::size_t first = ++at;
    while (at < s.size() && s[at] >= '0' && s[at] <= '9') ++at;
    if (at == first || at - first > 9) return false;
  }
  const std::string_view zone = s.substr(at);
  return zone == "Z" || zone == "z" || zone == "+00:00";
}

std::string truncated_to_hour(std::string_view valid_timestamp) {
  std::string out(valid_timestamp.substr(0, 13));
  out[10] = 'T';
  out += ":00:00Z";
  return out;
}

}  // namespace otklik::detail
