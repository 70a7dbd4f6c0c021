// Intervals, significance tests and FDR control for the analysis (formulas in docs/analysis.md).
#include "otklik/stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace otklik::stats {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Continued fraction of the incomplete beta (modified Lentz), converging for x < (a + 1) / (a + b + 2).
double beta_continued_fraction(double a, double b, double x) noexcept {
  constexpr int max_iterations = 300;
  constexpr double epsilon = 1e-15;
  constexpr double tiny = 1e-300;
  const double qab = a + b, qap = a + 1.0, qam = a - 1.0;
  double c = 1.0;
  double d = 1.0 - qab * x / qap;
  if (std::fabs(d) < tiny) d = tiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= max_iterations; ++m) {
    const double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1.0 + aa * d;
    if (std::fabs(d) < tiny) d = tiny;
    c = 1.0 + aa / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1.0 + aa * d;
    if (std::fabs(d) < tiny) d = tiny;
    c = 1.0 + aa / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1.0) < epsilon) break;
  }
  return h;
}

}  // namespace

interval wilson(double successes, double n, double z) noexcept {
  if (!(n > 0.0)) return {nan, nan};
  const double p = successes / n;
  const double z2 = z * z;
  const double denominator = 1.0 + z2 / n;
  const double centre = (p + z2 / (2.0 * n)) / denominator;
  const double half = z * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denominator;
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

interval mean_interval(double mean, double sample_variance, double n, double z) noexcept {
  if (!(n >= 2.0)) return {nan, nan};
  const double half = z * std::sqrt(sample_variance / n);
  return {mean - half, mean + half};
}

double normal_two_sided_p(double z) noexcept {
  if (std::isnan(z)) return nan;
  return std::erfc(std::fabs(z) / std::sqrt(2.0));
}

double incomplete_beta(double a, double b, double x) noexcept {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double log_front = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) +
                           b * std::log1p(-x);
  const double front = std::exp(log_front);
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_continued_fraction(a, b, x) / a;
  return 1.0 - front * beta_continued_fraction(b, a, 1.0 - x) / b;
}

double student_t_two_sided_p(double t, double df) noexcept {
  if (std::isnan(t) || !(df > 0.0)) return nan;
  if (std::isinf(t)) return 0.0;
  return incomplete_beta(df / 2.0, 0.5, df / (df + t * t));
}

test_result welch_t_test(double mean_before, double variance_before, double n_before, double mean_after,
                         double variance_after, double n_after) noexcept {
  if (!(n_before >= 2.0) || !(n_after >= 2.0)) return {nan, nan, nan};
  const double a = variance_before / n_before;
  const double b = variance_after / n_after;
  const double se2 = a + b;
  const double difference = mean_after - mean_before;
  if (!(se2 > 0.0)) {
    // Both groups without spread: any difference is certain, none is no evidence.
    if (difference == 0.0) return {0.0, nan, 1.0};
    return {difference > 0 ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity(),
            nan, 0.0};
  }
  const double t = difference / std::sqrt(se2);
  const double df = se2 * se2 / (a * a / (n_before - 1.0) + b * b / (n_after - 1.0));
  return {t, df, student_t_two_sided_p(t, df)};
}

test_result two_proportion_z_test(double successes_before, double n_before, double successes_after,
                                  double n_after) noexcept {
  if (!(n_before > 0.0) || !(n_after > 0.0)) return {nan, nan, nan};
  const double p1 = successes_before / n_before;
  const double p2 = successes_after / n_after;
  const double pooled = (successes_before + successes_after) / (n_before + n_after);
  const double se = std::sqrt(pooled * (1.0 - pooled) * (1.0 / n_before + 1.0 / n_after));
  if (!(se > 0.0)) return {0.0, nan, 1.0};  // both shares 0 or both 1: no difference
  const double z = (p2 - p1) / se;
  return {z, nan, normal_two_sided_p(z)};
}

test_result difference_z_test(double before, double variance_before, double after,
                              double variance_after) noexcept {
  const double se = std::sqrt(variance_before + variance_after);
  if (std::isnan(se)) return {nan, nan, nan};
  if (!(se > 0.0)) return {0.0, nan, after == before ? 1.0 : 0.0};
  const double z = (after - before) / se;
  return {z, nan, normal_two_sided_p(z)};
}

interval correlation_interval(double r, double n, double z) noexcept {
  if (!(n > 3.0) || std::isnan(r)) return {nan, nan};
  if (r >= 1.0 || r <= -1.0) return {r, r};
  const double centre = std::atanh(r);
  const double half = z / std::sqrt(n - 3.0);
  return {std::tanh(centre - half), std::tanh(centre + half)};
}

std::vector<double> benjamini_hochberg(std::span<const double> p_values) {
  // Tests without a p-value (NaN) are not part of the family.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < p_values.size(); ++i) {
    if (!std::isnan(p_values[i])) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return p_values[a] < p_values[b]; });
  std::vector<double> q(p_values.size(), nan);
  const double m = static_cast<double>(order.size());
  double running = 1.0;
  for (std::size_t rank = order.size(); rank-- > 0;) {
    const std::size_t i = order[rank];
    running = std::min(running, p_values[i] * m / static_cast<double>(rank + 1));
    q[i] = running;
  }
  return q;
}

}  // namespace otklik::stats
