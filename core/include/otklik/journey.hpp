// otklik/journey.hpp — each service's stages in journey order with their metrics, and where satisfaction drops.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "otklik/aggregate.hpp"
#include "otklik/metrics.hpp"
#include "otklik/stats.hpp"

namespace otklik {

// One stage of a service's journey.
struct journey_step {
  std::uint32_t stage = 0;   // stage code
  group_counts counts;       // empty (responses 0) when nobody answered at this stage
  group_metrics metrics;
  // Change of the CSAT mean from the previous shown stage, with Welch's test; NaN where either side is hidden.
  double csat_change = 0.0;
  stats::test_result csat_test;
};

// A service's journey and the stage whose CSAT mean falls most from the stage before it.
struct service_journey {
  std::uint32_t service = 0;
  std::vector<journey_step> steps;        // in the survey's stage order
  std::optional<std::size_t> biggest_drop;  // index into steps; only a real fall (change < 0)
  std::optional<std::size_t> lowest;        // index of the lowest shown CSAT mean
};

// Journeys of every service that has responses passing the filter; stages follow the survey's order.
[[nodiscard]] std::vector<service_journey> journeys(const columnar_store& store, const filter& f, std::uint32_t k);

// The same from counts already grouped by (service, stage), so a host that counted once needs no second pass.
[[nodiscard]] std::vector<service_journey> journeys(const columnar_store& store, const aggregation& by_service_stage,
                                                    std::uint32_t k);

}  // namespace otklik
