// otklik/trends.hpp — per group and period, the change from the previous period with a significance test,
// and the significant drops (alerts), with the false discovery rate controlled across all tests.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "otklik/aggregate.hpp"
#include "otklik/metrics.hpp"
#include "otklik/stats.hpp"

namespace otklik {

// What a change is measured on.
enum class measure : std::uint8_t { csat_mean, csat_top2, ces_mean, nps_score, criterion_mean, criterion_top2 };
[[nodiscard]] std::string_view to_string(measure m) noexcept;

// The change of one measure from the previous period: Welch's t for means, the two-proportion z for top-2
// shares, a z-test of the difference for NPS (with the brief's variance).
struct change {
  measure what = measure::csat_mean;
  std::uint32_t criterion = 0;   // criterion code for criterion measures
  double before = 0.0, after = 0.0, delta = 0.0;
  stats::test_result test;
  double q_value = 1.0;          // Benjamini–Hochberg over every change of the report
  bool worse = false;            // towards less satisfaction (for CES: more effort)
  bool significant = false;      // q_value < alpha
};

// One period of a series.
struct trend_point {
  std::uint32_t period = 0;      // period index (period.hpp)
  group_counts counts;
  group_metrics metrics;
  std::vector<change> changes;   // empty when the previous period is missing or hidden
};

// The periods of one group (key over the trend grouping's dimensions), ascending.
struct trend_series {
  std::array<std::uint32_t, dimension_count> key{};
  std::vector<trend_point> points;
};

struct trend_report {
  grouping by;                   // the dimensions of each series (period excluded)
  period_unit unit = period_unit::month;
  double alpha = 0.05;
  std::vector<trend_series> series;
};

// Series for every group of `by` (period is added as the last dimension) with tests against the previous period.
[[nodiscard]] trend_report trends(const columnar_store& store, const filter& f, const grouping& by, std::uint32_t k,
                                  double alpha = 0.05);

// The same from counts already grouped with `period` as the last dimension (a host that counted once).
[[nodiscard]] trend_report trends(const aggregation& with_period, std::uint32_t k, double alpha = 0.05);

// A significant change for the worse.
struct alert {
  std::size_t series = 0, point = 0, change = 0;  // indices into the trend report
};

// Every significant worsening, latest period first, then by q-value.
[[nodiscard]] std::vector<alert> significant_drops(const trend_report& report);

}  // namespace otklik
