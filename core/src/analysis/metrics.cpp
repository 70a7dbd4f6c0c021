// The brief's metrics from answer counts; exact sums over at most 12 codes, so no streaming error.
#include "otklik/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace otklik {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

template <class Array>
void add_into(Array& into, const Array& from) noexcept {
  for (std::size_t i = 0; i < into.size(); ++i) into[i] += from[i];
}

// Whether a metric over n answers may be shown: nothing to show at 0, suppressed below k.
bool hidden(std::uint64_t n, std::uint32_t k) noexcept { return n == 0 || n < k; }

// Whether the metric's values may be shown; when not, marks it suppressed if it had answers (n is already set).
template <class Metric>
bool shown(Metric& out, std::uint32_t k) noexcept {
  if (!hidden(out.n, k)) return true;
  out.suppressed = out.n > 0;
  return false;
}

double top2_count(const rating_counts& counts) noexcept {
  return static_cast<double>(counts.by_code[4] + counts.by_code[5]);
}

}  // namespace

std::uint64_t rating_counts::answered() const noexcept {
  std::uint64_t n = 0;
  for (std::size_t code = 1; code < by_code.size(); ++code) n += by_code[code];
  return n;
}

void rating_counts::merge(const rating_counts& other) noexcept { add_into(by_code, other.by_code); }

void joint_counts::merge(const joint_counts& other) noexcept {
  for (std::size_t row = 0; row < by_codes.size(); ++row) add_into(by_codes[row], other.by_codes[row]);
}

std::uint64_t goal_counts::answered() const noexcept {
  return yes_partly_no[0] + yes_partly_no[1] + yes_partly_no[2];
}

void group_counts::merge(const group_counts& other) {
  responses += other.responses;
  csat.merge(other.csat);
  ces.merge(other.ces);
  nps.merge(other.nps);
  add_into(goal.yes_partly_no, other.goal.yes_partly_no);
  if (criteria.size() < other.criteria.size()) criteria.resize(other.criteria.size());
  if (csat_by_criterion.size() < other.csat_by_criterion.size()) csat_by_criterion.resize(other.csat_by_criterion.size());
  for (std::size_t c = 0; c < other.criteria.size(); ++c) criteria[c].merge(other.criteria[c]);
  for (std::size_t c = 0; c < other.csat_by_criterion.size(); ++c) csat_by_criterion[c].merge(other.csat_by_criterion[c]);
}

rating_moments moments_of(const rating_counts& counts, int value_offset) noexcept {
  rating_moments m;
  double sum = 0.0;
  for (std::size_t code = 1; code < counts.by_code.size(); ++code) {
    const double c = static_cast<double>(counts.by_code[code]);
    m.n += c;
    sum += c * (static_cast<double>(code) + value_offset);
  }
  if (m.n == 0.0) return {0.0, nan, nan};
  m.mean = sum / m.n;
  double squares = 0.0;
  for (std::size_t code = 1; code < counts.by_code.size(); ++code) {
    const double deviation = static_cast<double>(code) + value_offset - m.mean;
    squares += static_cast<double>(counts.by_code[code]) * deviation * deviation;
  }
  m.variance = m.n >= 2.0 ? squares / (m.n - 1.0) : nan;
  return m;
}

mean_metric criterion_of(const rating_counts& counts, std::uint32_t k) {
  mean_metric out;
  out.n = counts.answered();
  if (!shown(out, k)) return out;
  const rating_moments m = moments_of(counts);
  out.mean = m.mean;
  out.ci95 = stats::mean_interval(m.mean, m.variance, m.n);
  out.top2 = top2_count(counts) / m.n;
  out.top2_ci95 = stats::wilson(top2_count(counts), m.n);
  return out;
}

csat_metric csat_of(const rating_counts& counts, std::uint32_t k) {
  // The overall rating is measured like a criterion (1..5, mean and top-2).
  const mean_metric m = criterion_of(counts, k);
  return {m.n, m.suppressed, m.mean, m.ci95, m.top2, m.top2_ci95};
}

mean_metric ces_of(const rating_counts& counts, std::uint32_t k) {
  mean_metric out;
  out.n = counts.answered();
  out.top2 = nan;
  out.top2_ci95 = {nan, nan};
  if (!shown(out, k)) return out;
  const rating_moments m = moments_of(counts);
  out.mean = m.mean;
  out.ci95 = stats::mean_interval(m.mean, m.variance, m.n);
  return out;
}

nps_metric nps_of(const rating_counts& counts, std::uint32_t k) {
  nps_metric out;
  out.n = counts.answered();
  if (!shown(out, k)) return out;
  const double n = static_cast<double>(out.n);
  double promoters = 0.0, detractors = 0.0;
  for (std::size_t code = 1; code < counts.by_code.size(); ++code) {
    const std::size_t value = code - 1;
    if (value >= 9) promoters += static_cast<double>(counts.by_code[code]);
    if (value <= 6) detractors += static_cast<double>(counts.by_code[code]);
  }
  const double p = promoters / n, d = detractors / n;
  out.promoters = p;
  out.detractors = d;
  out.score = 100.0 * (p - d);
  const double var = (p * (1.0 - p) + d * (1.0 - d) + 2.0 * p * d) / n;
  out.variance = var * 100.0 * 100.0;
  const double half = stats::z95 * 100.0 * std::sqrt(var);
  out.ci95 = {out.score - half, out.score + half};
  return out;
}

goal_metric goal_of(const goal_counts& counts, std::uint32_t k) {
  goal_metric out;
  out.n = counts.answered();
  if (!shown(out, k)) return out;
  const double n = static_cast<double>(out.n);
  out.yes = static_cast<double>(counts.yes_partly_no[0]) / n;
  out.partly = static_cast<double>(counts.yes_partly_no[1]) / n;
  out.no = static_cast<double>(counts.yes_partly_no[2]) / n;
  return out;
}

group_metrics metrics_of(const group_counts& counts, std::uint32_t k) {
  group_metrics out;
  out.responses = counts.responses;
  out.criteria.resize(counts.criteria.size());
  if (counts.responses < k) {
    // The whole group is hidden: not even the n of its metrics may leak.
    out.suppressed = true;
    return out;
  }
  out.csat = csat_of(counts.csat, k);
  out.ces = ces_of(counts.ces, k);
  out.nps = nps_of(counts.nps, k);
  out.goal = goal_of(counts.goal, k);
  for (std::size_t c = 0; c < counts.criteria.size(); ++c) out.criteria[c] = criterion_of(counts.criteria[c], k);
  return out;
}

}  // namespace otklik
