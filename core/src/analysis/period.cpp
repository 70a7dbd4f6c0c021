// Hour indices and day/week/month periods; civil date arithmetic by hand because <chrono> calendars
// are not complete in Emscripten's libc++.
#include "otklik/period.hpp"

namespace otklik {

namespace {

int digits(std::string_view s, std::size_t at, std::size_t n) noexcept {
  int value = 0;
  for (std::size_t i = at; i < at + n; ++i) value = value * 10 + (s[i] - '0');
  return value;
}

void append_number(std::string& out, int value, int width) {
  char buffer[12];
  int length = 0;
  do {
    buffer[length++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  for (int pad = length; pad < width; ++pad) out.push_back('0');
  while (length > 0) out.push_back(buffer[--length]);
}

// Monday 1969-12-29 is day −3: week w starts on day 7w − 3.
constexpr std::int64_t first_monday = -3;

}  // namespace

std::string_view to_string(period_unit unit) noexcept {
  switch (unit) {
    case period_unit::day: return "day";
    case period_unit::week: return "week";
    case period_unit::month: return "month";
  }
  return "month";
}

std::optional<period_unit> parse_period_unit(std::string_view word) noexcept {
  if (word == "day") return period_unit::day;
  if (word == "week") return period_unit::week;
  if (word == "month") return period_unit::month;
  return std::nullopt;
}

std::int64_t days_from_civil(int year, unsigned month, unsigned day) noexcept {
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

civil_date civil_from_days(std::int64_t days) noexcept {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  const int year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400) + (month <= 2 ? 1 : 0);
  return {year, month, day};
}

std::optional<std::uint32_t> hour_index(std::string_view t) noexcept {
  if (t.size() < 13) return std::nullopt;
  for (const std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u, 11u, 12u}) {
    if (t[i] < '0' || t[i] > '9') return std::nullopt;
  }
  const std::int64_t days = days_from_civil(digits(t, 0, 4), static_cast<unsigned>(digits(t, 5, 2)),
                                            static_cast<unsigned>(digits(t, 8, 2)));
  if (days < 0) return std::nullopt;
  return static_cast<std::uint32_t>(days * 24 + digits(t, 11, 2));
}

std::uint32_t period_of(std::uint32_t hour, period_unit unit) noexcept {
  const std::uint32_t day = hour / 24;
  switch (unit) {
    case period_unit::day: return day;
    case period_unit::week: return static_cast<std::uint32_t>((static_cast<std::int64_t>(day) - first_monday) / 7);
    case period_unit::month: {
      const civil_date date = civil_from_days(day);
      return static_cast<std::uint32_t>(date.year * 12) + date.month - 1;
    }
  }
  return day;
}

std::uint32_t period_start_hour(std::uint32_t period, period_unit unit) noexcept {
  switch (unit) {
    case period_unit::day: return period * 24;
    case period_unit::week: {
      const std::int64_t day = static_cast<std::int64_t>(period) * 7 + first_monday;
      return day < 0 ? 0 : static_cast<std::uint32_t>(day * 24);
    }
    case period_unit::month: {
      const std::int64_t day = days_from_civil(static_cast<int>(period / 12), period % 12 + 1, 1);
      return static_cast<std::uint32_t>(day * 24);
    }
  }
  return 0;
}

std::string period_label(std::uint32_t period, period_unit unit) {
  std::string out;
  switch (unit) {
    case period_unit::day: {
      const civil_date d = civil_from_days(period);
      append_number(out, d.year, 4);
      out.push_back('-');
      append_number(out, static_cast<int>(d.month), 2);
      out.push_back('-');
      append_number(out, static_cast<int>(d.day), 2);
      break;
    }
    case period_unit::week: {
      // ISO 8601: the week belongs to the year of its Thursday and is numbered from that year's first Thursday.
      const std::int64_t thursday = static_cast<std::int64_t>(period) * 7 + first_monday + 3;
      const civil_date d = civil_from_days(thursday);
      const std::int64_t day_of_year = thursday - days_from_civil(d.year, 1, 1);
      append_number(out, d.year, 4);
      out += "-W";
      append_number(out, static_cast<int>(day_of_year / 7 + 1), 2);
      break;
    }
    case period_unit::month:
      append_number(out, static_cast<int>(period / 12), 4);
      out.push_back('-');
      append_number(out, static_cast<int>(period % 12 + 1), 2);
      break;
  }
  return out;
}

}  // namespace otklik
