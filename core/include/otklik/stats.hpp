// otklik/stats.hpp — the statistics behind every metric: intervals, significance tests, FDR control.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace otklik::stats {

// The z of every 95 % interval in the brief (two-sided normal quantile, rounded as the brief fixes it).
inline constexpr double z95 = 1.959964;

// A closed interval; both ends are NaN when it cannot be computed (e.g. a mean of one answer).
struct interval {
  double low = 0.0;
  double high = 0.0;
  friend bool operator==(const interval&, const interval&) = default;
};

// Wilson score interval of a share: honest near 0 and 1 and for small n, unlike the normal one.
[[nodiscard]] interval wilson(double successes, double n, double z = z95) noexcept;

// mean ± z·s/√n with s the sample standard deviation (divisor n − 1); NaN ends when n < 2.
[[nodiscard]] interval mean_interval(double mean, double sample_variance, double n, double z = z95) noexcept;

// Two-sided p-value of a standard normal statistic.
[[nodiscard]] double normal_two_sided_p(double z) noexcept;

// Regularized incomplete beta I_x(a, b); Student's t needs it and the core cannot use a math library.
[[nodiscard]] double incomplete_beta(double a, double b, double x) noexcept;

// Two-sided p-value of Student's t with `df` (possibly fractional) degrees of freedom.
[[nodiscard]] double student_t_two_sided_p(double t, double df) noexcept;

// A test of "after differs from before": statistic, degrees of freedom (NaN for z-tests), p-value.
struct test_result {
  double statistic = 0.0;
  double df = 0.0;
  double p_value = 1.0;
};

// Welch's t-test of two means with unequal variances (sample variances, divisor n − 1).
[[nodiscard]] test_result welch_t_test(double mean_before, double variance_before, double n_before,
                                       double mean_after, double variance_after, double n_after) noexcept;

// Pooled two-proportion z-test of two shares.
[[nodiscard]] test_result two_proportion_z_test(double successes_before, double n_before,
                                                double successes_after, double n_after) noexcept;

// z-test of a difference of two independent estimates given their variances (used for NPS).
[[nodiscard]] test_result difference_z_test(double before, double variance_before,
                                            double after, double variance_after) noexcept;

// 95 % interval of a Pearson correlation by Fisher's z transform; NaN ends when n ≤ 3.
[[nodiscard]] interval correlation_interval(double r, double n, double z = z95) noexcept;

// Benjamini–Hochberg adjusted p-values (q-values), so that many tests do not cry wolf.
[[nodiscard]] std::vector<double> benjamini_hochberg(std::span<const double> p_values);

}  // namespace otklik::stats
