// otklik/metrics.hpp — answer counts of a group and the brief's metrics computed from them (CSAT, CES, NPS,
// criteria, goal), with k-anonymity suppression.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "otklik/stats.hpp"

namespace otklik {

// Answers of one rating question kind counted by answer code (store.hpp): csat and criteria 1..5, ces 1..7,
// nps 0..10 at code value + 1. Code 0 (not answered) is never counted: a skip is not a zero.
struct rating_counts {
  std::array<std::uint64_t, 12> by_code{};
  // Answered count (code > 0).
  [[nodiscard]] std::uint64_t answered() const noexcept;
  void merge(const rating_counts& other) noexcept;
  friend bool operator==(const rating_counts&, const rating_counts&) = default;
};

// Joint counts of overall satisfaction (rows, code 0..5) and one criterion (columns, code 0..5) over the
// responses asked that criterion; drivers need the pairs. Row 0 holds criterion answers without an overall one.
struct joint_counts {
  std::array<std::array<std::uint64_t, 6>, 6> by_codes{};
  void merge(const joint_counts& other) noexcept;
  friend bool operator==(const joint_counts&, const joint_counts&) = default;
};

// Goal answers: yes, partly, no.
struct goal_counts {
  std::array<std::uint64_t, 3> yes_partly_no{};
  [[nodiscard]] std::uint64_t answered() const noexcept;
  friend bool operator==(const goal_counts&, const goal_counts&) = default;
};

// Everything a group's metrics are computed from; additive, so partial aggregations merge exactly.
struct group_counts {
  std::uint64_t responses = 0;
  rating_counts csat, ces, nps;
  goal_counts goal;
  std::vector<rating_counts> criteria;        // by the store's criterion code
  std::vector<joint_counts> csat_by_criterion;  // by criterion code: overall rating × criterion rating
  void merge(const group_counts& other);
  friend bool operator==(const group_counts&, const group_counts&) = default;
};

// Mean, sample variance (divisor n − 1) and n of rating answers, from their counts; the codes map to values.
struct rating_moments {
  double n = 0.0;
  double mean = 0.0;
  double variance = 0.0;  // NaN when n < 2
};
// `value_offset`: value = code + value_offset (−1 for nps, 0 otherwise).
[[nodiscard]] rating_moments moments_of(const rating_counts& counts, int value_offset = 0) noexcept;

// CSAT: mean of 1..5 with its interval, and the top-2-box share (4 or 5) with its Wilson interval.
struct csat_metric {
  std::uint64_t n = 0;
  bool suppressed = false;     // n < k: no values may be shown
  double mean = 0.0;
  stats::interval mean_ci95;
  double top2 = 0.0;
  stats::interval top2_ci95;
};

// A mean score (a criterion 1..5, or CES 1..7) with its interval; top2 only for 1..5 criteria.
struct mean_metric {
  std::uint64_t n = 0;
  bool suppressed = false;
  double mean = 0.0;
  stats::interval ci95;
  double top2 = 0.0;           // share of 4 or 5 (criteria only)
  stats::interval top2_ci95;
};

// NPS in −100..100 with the brief's interval, and its promoter and detractor shares.
struct nps_metric {
  std::uint64_t n = 0;
  bool suppressed = false;
  double score = 0.0;
  stats::interval ci95;
  double promoters = 0.0;
  double detractors = 0.0;
  double variance = 0.0;       // Var of the score in points² (×100²), for tests of change
};

// Shares of goal answers.
struct goal_metric {
  std::uint64_t n = 0;
  bool suppressed = false;
  double yes = 0.0, partly = 0.0, no = 0.0;
};

// All metrics of one group. A suppressed group (responses < k) carries no values at all.
struct group_metrics {
  std::uint64_t responses = 0;
  bool suppressed = false;
  csat_metric csat;
  mean_metric ces;
  nps_metric nps;
  goal_metric goal;
  std::vector<mean_metric> criteria;  // by criterion code; n == 0 where not asked
};

// The metric functions; each suppresses when its own n is below k too, since a mean of 3 answers exposes them.
[[nodiscard]] csat_metric csat_of(const rating_counts& counts, std::uint32_t k);
[[nodiscard]] mean_metric criterion_of(const rating_counts& counts, std::uint32_t k);
[[nodiscard]] mean_metric ces_of(const rating_counts& counts, std::uint32_t k);
[[nodiscard]] nps_metric nps_of(const rating_counts& counts, std::uint32_t k);
[[nodiscard]] goal_metric goal_of(const goal_counts& counts, std::uint32_t k);

// Every metric of a group; a group with fewer than k responses is suppressed whole.
[[nodiscard]] group_metrics metrics_of(const group_counts& counts, std::uint32_t k);

}  // namespace otklik
