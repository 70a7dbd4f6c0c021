// otklik/drivers.hpp — which criterion drives overall satisfaction, and which to fix first: correlation of
// each criterion with CSAT (importance) against the criterion's mean (performance), per service and per stage.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "otklik/aggregate.hpp"
#include "otklik/metrics.hpp"
#include "otklik/stats.hpp"

namespace otklik {

// Importance-by-performance quadrant, against the table's average importance and performance.
enum class quadrant : std::uint8_t { fix_first, keep_up, low_priority, possible_overkill };
[[nodiscard]] std::string_view to_string(quadrant q) noexcept;

// One criterion of a driver table.
struct driver {
  std::uint32_t criterion = 0;   // criterion code
  std::uint64_t n = 0;           // responses answering both the criterion and the overall question
  bool suppressed = false;       // n < k (or too few pairs for a correlation): no values
  double correlation = 0.0;      // Pearson r with the overall rating (importance)
  stats::interval correlation_ci95;
  double mean = 0.0;             // criterion mean over the same pairs' criterion answers (performance)
  double top2 = 0.0;
  double priority = 0.0;         // max(r, 0) × (5 − mean) / 4: importance times room to improve
  quadrant where = quadrant::low_priority;
  std::uint32_t rank = 0;        // 1 = fix first; 0 when suppressed
};

// Drivers of one service, over all its stages (stage empty) or one stage; ranked, suppressed ones last.
struct driver_table {
  std::uint32_t service = 0;
  std::optional<std::uint32_t> stage;
  std::uint64_t responses = 0;
  bool suppressed = false;
  std::vector<driver> drivers;
};

// The ranked table of one group's counts.
[[nodiscard]] driver_table drivers_of(const group_counts& counts, std::uint32_t k);

// For every service with responses: its table over all stages, then one per stage in journey order.
[[nodiscard]] std::vector<driver_table> drivers(const columnar_store& store, const filter& f, std::uint32_t k);

// The same from counts already grouped by (service, stage), so a host that counted once needs no second pass.
[[nodiscard]] std::vector<driver_table> drivers(const columnar_store& store, const aggregation& by_service_stage,
                                                std::uint32_t k);

}  // namespace otklik
