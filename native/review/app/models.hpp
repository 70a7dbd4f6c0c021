// models.hpp — everything the views show for one filter, computed from ONE pass over the store: the rows that
// pass are counted by (service, stage, period) on worker threads, and every view is derived from those counts
// by the core (metrics, journeys, trends and alerts, drivers).
#pragma once

#include <cstdint>
#include <vector>

#include "app/dataset.hpp"
#include "otklik/aggregate.hpp"
#include "otklik/drivers.hpp"
#include "otklik/journey.hpp"
#include "otklik/metrics.hpp"
#include "otklik/trends.hpp"

namespace otklik::review {

// What to compute: the rows (filter), the suppression threshold and the trend period.
struct model_request {
  dataset_ptr data;
  filter rows;
  std::uint32_t k = default_k_anonymity;
  period_unit unit = period_unit::month;
  double alpha = 0.05;
  unsigned threads = 2;   // the counting pass is split into this many row shares
  bool use_cube = true;   // merge the dataset's count cube when it can answer (false: always pass over the rows)
};

// One overview tile: a service's counts and metrics (suppressed below k).
struct service_summary {
  std::uint32_t service = 0;
  group_counts counts;
  group_metrics metrics;
};

struct view_models {
  std::uint64_t generation = 0;             // unique per computation: views key what they derive from it on this
  dataset_ptr data;
  filter rows;
  std::uint32_t k = default_k_anonymity;
  period_unit unit = period_unit::month;
  std::uint64_t responses = 0;              // rows passing the filter
  group_metrics total;                      // all of them together
  std::vector<service_summary> services;    // overview, in service code order
  aggregation by_service_stage;             // what journeys, drivers and comment suppression use
  std::vector<service_journey> journeys;
  trend_report service_trends, stage_trends;
  std::vector<alert> service_alerts, stage_alerts;
  std::vector<driver_table> drivers;
  bool from_cube = false;   // counted from the count cube rather than the rows
  double count_ms = 0.0;    // the pass over the rows (or the cube)
  double derive_ms = 0.0;   // metrics, tests and tables from the counts
};

// Counts the rows passing request.rows by `by`, splitting the rows into `threads` shares counted in parallel.
[[nodiscard]] aggregation count_in_parallel(const columnar_store& store, const filter& rows, const grouping& by,
                                            unsigned threads);

// Merges the groups of `from` onto the coarser grouping `to` (whose dimensions all appear in from.by).
[[nodiscard]] aggregation regroup(const aggregation& from, const grouping& to);

// The rows passing `rows` by (service, stage, period of `unit`): from the dataset's cube when it can answer,
// otherwise one pass over the rows on `threads` threads.
[[nodiscard]] aggregation count_finest(const dataset& data, const filter& rows, period_unit unit, unsigned threads,
                                       bool use_cube, bool* from_cube = nullptr);

// Every view's model for the request.
[[nodiscard]] view_models compute_models(const model_request& request);

}  // namespace otklik::review
