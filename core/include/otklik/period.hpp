// otklik/period.hpp — time in the store: whole hours since 1970 (all a stored response keeps) and the
// day, ISO week and month periods that reports group by.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace otklik {

// The period lengths a report can group by.
enum class period_unit : std::uint8_t { day, week, month };

// "day", "week", "month" and back.
[[nodiscard]] std::string_view to_string(period_unit unit) noexcept;
[[nodiscard]] std::optional<period_unit> parse_period_unit(std::string_view word) noexcept;

// Hours since 1970-01-01T00Z of a timestamp that the validator accepted ("YYYY-MM-DDTHH..."); nullopt before 1970.
[[nodiscard]] std::optional<std::uint32_t> hour_index(std::string_view rfc3339_utc) noexcept;

// The period containing an hour: days since 1970, ISO weeks since the Monday 1969-12-29, or year·12 + month − 1.
[[nodiscard]] std::uint32_t period_of(std::uint32_t hour, period_unit unit) noexcept;

// The first hour of a period (inverse of period_of on period starts).
[[nodiscard]] std::uint32_t period_start_hour(std::uint32_t period, period_unit unit) noexcept;

// A period's label: "2026-11-27", ISO "2026-W48", "2026-11".
[[nodiscard]] std::string period_label(std::uint32_t period, period_unit unit);

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithms).
[[nodiscard]] std::int64_t days_from_civil(int year, unsigned month, unsigned day) noexcept;
struct civil_date {
  int year;
  unsigned month;
  unsigned day;
};
[[nodiscard]] civil_date civil_from_days(std::int64_t days) noexcept;

}  // namespace otklik
