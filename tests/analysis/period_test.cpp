// Periods: hour indices, ISO weeks across year ends, labels.
#include <catch2/catch.hpp>

#include "otklik/period.hpp"

using namespace otklik;

TEST_CASE("hour index of timestamps", "[period]") {
  CHECK(hour_index("1970-01-01T00:00:00Z") == 0u);
  CHECK(hour_index("1970-01-02T03:59:59Z") == 27u);
  CHECK(hour_index("2026-11-27T10:00:00Z") == static_cast<std::uint32_t>(days_from_civil(2026, 11, 27) * 24 + 10));
  CHECK_FALSE(hour_index("1969-12-31T23:00:00Z").has_value());
  CHECK_FALSE(hour_index("2026-1").has_value());
}

TEST_CASE("ISO week labels across year ends", "[period]") {
  const auto week = [](int y, unsigned m, unsigned d) {
    return period_label(period_of(static_cast<std::uint32_t>(days_from_civil(y, m, d) * 24), period_unit::week),
                        period_unit::week);
  };
  CHECK(week(2026, 1, 1) == "2026-W01");    // a Thursday
  CHECK(week(2025, 12, 29) == "2026-W01");  // Monday of that week
  CHECK(week(2027, 1, 1) == "2026-W53");    // a Friday: still 2026's last week
  CHECK(week(2027, 1, 4) == "2027-W01");
  CHECK(week(2026, 11, 27) == "2026-W48");
  CHECK(week(1970, 1, 1) == "1970-W01");
}

TEST_CASE("day and month labels and period starts", "[period]") {
  const std::uint32_t hour = *hour_index("2026-02-28T23:00:00Z");
  CHECK(period_label(period_of(hour, period_unit::day), period_unit::day) == "2026-02-28");
  CHECK(period_label(period_of(hour, period_unit::month), period_unit::month) == "2026-02");
  for (const period_unit unit : {period_unit::day, period_unit::week, period_unit::month}) {
    const std::uint32_t p = period_of(hour, unit);
    CHECK(period_of(period_start_hour(p, unit), unit) == p);
    CHECK(period_of(period_start_hour(p, unit) - 1, unit) == p - 1);
  }
  CHECK(parse_period_unit("week") == period_unit::week);
  CHECK_FALSE(parse_period_unit("year").has_value());
}
