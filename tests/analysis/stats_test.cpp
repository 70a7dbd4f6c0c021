// The statistics against published reference values (textbook tables), so that they cannot drift silently.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "otklik/stats.hpp"

using namespace otklik;

TEST_CASE("Wilson interval matches hand-computed values", "[stats]") {
  // 81 of 263 (Newcombe 1998, example): 0.2553 .. 0.3662 with z = 1.96.
  const auto ci = stats::wilson(81, 263, 1.96);
  CHECK(ci.low == Approx(0.2553).margin(1e-4));
  CHECK(ci.high == Approx(0.3662).margin(1e-4));
  // All successes stays inside [0, 1] and is not degenerate.
  const auto all = stats::wilson(10, 10);
  CHECK(all.high == Approx(1.0).epsilon(1e-12));
  CHECK(all.low == Approx(0.7224672).margin(1e-6));
  CHECK(std::isnan(stats::wilson(0, 0).low));
}

TEST_CASE("Student t two-sided p-values match the t table", "[stats]") {
  CHECK(stats::student_t_two_sided_p(2.228, 10) == Approx(0.05).margin(2e-4));
  CHECK(stats::student_t_two_sided_p(2.576, 1e6) == Approx(0.01).margin(1e-4));
  CHECK(stats::student_t_two_sided_p(12.706, 1) == Approx(0.05).margin(2e-4));
  CHECK(stats::student_t_two_sided_p(0.0, 5) == Approx(1.0));
  CHECK(stats::student_t_two_sided_p(-2.228, 10) == stats::student_t_two_sided_p(2.228, 10));
  // t with 2 degrees of freedom has a closed form: p = 1 - t / sqrt(t^2 + 2).
  for (const double t : {0.3, 1.0, 2.5, 7.0}) {
    CHECK(stats::student_t_two_sided_p(t, 2) == Approx(1.0 - t / std::sqrt(t * t + 2.0)).epsilon(1e-10));
  }
}

TEST_CASE("Welch's t-test matches a worked example", "[stats]") {
  // Two samples with known moments: t and Welch–Satterthwaite df computed by hand.
  const auto r = stats::welch_t_test(20.0, 4.0, 10, 22.0, 9.0, 12);
  const double se2 = 4.0 / 10 + 9.0 / 12;
  CHECK(r.statistic == Approx(2.0 / std::sqrt(se2)).epsilon(1e-12));
  CHECK(r.df == Approx(se2 * se2 / ((0.4 * 0.4) / 9 + (0.75 * 0.75) / 11)).epsilon(1e-12));
  CHECK(r.p_value > 0.01);
  CHECK(r.p_value < 0.1);
  CHECK(std::isnan(stats::welch_t_test(1, 1, 1, 2, 1, 5).p_value));
}

TEST_CASE("two-proportion z-test and the normal p-value", "[stats]") {
  const auto r = stats::two_proportion_z_test(50, 100, 35, 100);
  const double pooled = 85.0 / 200;
  CHECK(r.statistic == Approx(-0.15 / std::sqrt(pooled * (1 - pooled) * 0.02)).epsilon(1e-12));
  CHECK(stats::normal_two_sided_p(1.959964) == Approx(0.05).margin(1e-6));
  CHECK(stats::two_proportion_z_test(0, 10, 0, 20).p_value == 1.0);
}

TEST_CASE("Fisher interval of a correlation", "[stats]") {
  const auto ci = stats::correlation_interval(0.5, 103);
  CHECK(ci.low == Approx(std::tanh(std::atanh(0.5) - stats::z95 / 10)).epsilon(1e-12));
  CHECK(ci.high == Approx(std::tanh(std::atanh(0.5) + stats::z95 / 10)).epsilon(1e-12));
  CHECK(std::isnan(stats::correlation_interval(0.5, 3).low));
}

TEST_CASE("Benjamini-Hochberg q-values", "[stats]") {
  const std::vector<double> p = {0.01, 0.04, 0.03, 0.005, std::nan("")};
  const auto q = stats::benjamini_hochberg(p);
  // Sorted p: 0.005, 0.01, 0.03, 0.04 with m = 4: 0.02, 0.02, 0.04, 0.04 after the running minimum.
  CHECK(q[3] == Approx(0.02));
  CHECK(q[0] == Approx(0.02));
  CHECK(q[2] == Approx(0.04));
  CHECK(q[1] == Approx(0.04));
  CHECK(std::isnan(q[4]));
}
