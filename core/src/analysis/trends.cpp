// Trends: an aggregation by (group dimensions…, period), consecutive periods tested against each other.
#include "otklik/trends.hpp"

#include <algorithm>
#include <limits>

namespace otklik {

namespace {

double top2_of(const rating_counts& counts) noexcept {
  return static_cast<double>(counts.by_code[4] + counts.by_code[5]);
}

void add_mean_change(std::vector<change>& out, measure what, std::uint32_t criterion, const rating_counts& before,
                     const rating_counts& after, bool lower_is_better) {
  const rating_moments a = moments_of(before), b = moments_of(after);
  change c;
  c.what = what;
  c.criterion = criterion;
  c.before = a.mean;
  c.after = b.mean;
  c.delta = b.mean - a.mean;
  c.test = stats::welch_t_test(a.mean, a.variance, a.n, b.mean, b.variance, b.n);
  c.worse = lower_is_better ? c.delta > 0 : c.delta < 0;
  out.push_back(c);
}

void add_share_change(std::vector<change>& out, measure what, std::uint32_t criterion, const rating_counts& before,
                      const rating_counts& after) {
  const double n1 = static_cast<double>(before.answered()), n2 = static_cast<double>(after.answered());
  change c;
  c.what = what;
  c.criterion = criterion;
  c.before = top2_of(before) / n1;
  c.after = top2_of(after) / n2;
  c.delta = c.after - c.before;
  c.test = stats::two_proportion_z_test(top2_of(before), n1, top2_of(after), n2);
  c.worse = c.delta < 0;
  out.push_back(c);
}

// Tests every measure shown in both periods.
std::vector<change> changes_between(const trend_point& before, const trend_point& after) {
  std::vector<change> out;
  const group_metrics& a = before.metrics;
  const group_metrics& b = after.metrics;
  const auto shown = [](std::uint64_t n, bool suppressed) { return n > 0 && !suppressed; };
  if (shown(a.csat.n, a.csat.suppressed) && shown(b.csat.n, b.csat.suppressed)) {
    add_mean_change(out, measure::csat_mean, 0, before.counts.csat, after.counts.csat, false);
    add_share_change(out, measure::csat_top2, 0, before.counts.csat, after.counts.csat);
  }
  if (shown(a.ces.n, a.ces.suppressed) && shown(b.ces.n, b.ces.suppressed)) {
    add_mean_change(out, measure::ces_mean, 0, before.counts.ces, after.counts.ces, true);
  }
  if (shown(a.nps.n, a.nps.suppressed) && shown(b.nps.n, b.nps.suppressed)) {
    change c;
    c.what = measure::nps_score;
    c.before = a.nps.score;
    c.after = b.nps.score;
    c.delta = b.nps.score - a.nps.score;
    c.test = stats::difference_z_test(a.nps.score, a.nps.variance, b.nps.score, b.nps.variance);
    c.worse = c.delta < 0;
    out.push_back(c);
  }
  for (std::uint32_t code = 0; code < a.criteria.size() && code < b.criteria.size(); ++code) {
    const mean_metric& x = a.criteria[code];
    const mean_metric& y = b.criteria[code];
    if (!shown(x.n, x.suppressed) || !shown(y.n, y.suppressed)) continue;
    add_mean_change(out, measure::criterion_mean, code, before.counts.criteria[code], after.counts.criteria[code], false);
    add_share_change(out, measure::criterion_top2, code, before.counts.criteria[code], after.counts.criteria[code]);
  }
  return out;
}

}  // namespace

std::string_view to_string(measure m) noexcept {
  switch (m) {
    case measure::csat_mean: return "csat_mean";
    case measure::csat_top2: return "csat_top2";
    case measure::ces_mean: return "ces_mean";
    case measure::nps_score: return "nps_score";
    case measure::criterion_mean: return "criterion_mean";
    case measure::criterion_top2: return "criterion_top2";
  }
  return "csat_mean";
}

trend_report trends(const columnar_store& store, const filter& f, const grouping& by, std::uint32_t k, double alpha) {
  grouping with_period{{}, by.period};
  for (const dimension d : by.by) {
    if (d != dimension::period) with_period.by.push_back(d);
  }
  with_period.by.push_back(dimension::period);
  return trends(aggregate(store, f, with_period), k, alpha);
}

trend_report trends(const aggregation& counted, std::uint32_t k, double alpha) {
  trend_report report;
  report.by.by.assign(counted.by.by.begin(), counted.by.by.end() - (counted.by.by.empty() ? 0 : 1));
  report.by.period = counted.by.period;
  report.unit = counted.by.period;
  report.alpha = alpha;
  const std::size_t period_at = report.by.by.size();

  for (const group& g : counted.groups) {
    std::array<std::uint32_t, dimension_count> key = g.key;
    key[period_at] = 0;
    if (report.series.empty() || report.series.back().key != key) {
      report.series.push_back({key, {}});
    }
    trend_series& series = report.series.back();
    trend_point point;
    point.period = g.key[period_at];
    point.counts = g.counts;
    point.metrics = metrics_of(g.counts, k);
    if (!series.points.empty()) {
      const trend_point& previous = series.points.back();
      if (previous.period + 1 == point.period && !previous.metrics.suppressed && !point.metrics.suppressed) {
        point.changes = changes_between(previous, point);
      }
    }
    series.points.push_back(std::move(point));
  }

  // One family for the false discovery rate: every test of the report.
  std::vector<double> p_values;
  for (const trend_series& s : report.series) {
    for (const trend_point& p : s.points) {
      for (const change& c : p.changes) p_values.push_back(c.test.p_value);
    }
  }
  const std::vector<double> q = stats::benjamini_hochberg(p_values);
  std::size_t at = 0;
  for (trend_series& s : report.series) {
    for (trend_point& p : s.points) {
      for (change& c : p.changes) {
        c.q_value = q[at++];
        c.significant = c.q_value < alpha;
      }
    }
  }
  return report;
}

std::vector<alert> significant_drops(const trend_report& report) {
  std::vector<alert> out;
  for (std::size_t s = 0; s < report.series.size(); ++s) {
    for (std::size_t p = 0; p < report.series[s].points.size(); ++p) {
      const auto& changes = report.series[s].points[p].changes;
      for (std::size_t c = 0; c < changes.size(); ++c) {
        if (changes[c].significant && changes[c].worse) out.push_back({s, p, c});
      }
    }
  }
  const auto point_of = [&](const alert& a) -> const trend_point& { return report.series[a.series].points[a.point]; };
  const auto change_of = [&](const alert& a) -> const change& { return point_of(a).changes[a.change]; };
  std::stable_sort(out.begin(), out.end(), [&](const alert& a, const alert& b) {
    if (point_of(a).period != point_of(b).period) return point_of(a).period > point_of(b).period;
    return change_of(a).q_value < change_of(b).q_value;
  });
  return out;
}

}  // namespace otklik
