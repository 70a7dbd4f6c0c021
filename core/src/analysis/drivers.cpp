// Drivers: Pearson correlations from the overall × criterion joint counts, ranked by importance × room to improve.
#include "otklik/drivers.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace otklik {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Pearson r over the pairs where both answers exist (codes 1..5 are the values), two-pass for accuracy.
struct pair_summary {
  double n = 0.0, mean_x = 0.0, mean_y = 0.0, r = nan;
  double top2_y = 0.0;
};

pair_summary summarize(const joint_counts& joint) {
  pair_summary s;
  double sum_x = 0.0, sum_y = 0.0;
  for (std::size_t x = 1; x < 6; ++x) {
    for (std::size_t y = 1; y < 6; ++y) {
      const double c = static_cast<double>(joint.by_codes[x][y]);
      s.n += c;
      sum_x += c * static_cast<double>(x);
      sum_y += c * static_cast<double>(y);
      if (y >= 4) s.top2_y += c;
    }
  }
  if (s.n == 0.0) return s;
  s.mean_x = sum_x / s.n;
  s.mean_y = sum_y / s.n;
  s.top2_y /= s.n;
  double sxx = 0.0, syy = 0.0, sxy = 0.0;
  for (std::size_t x = 1; x < 6; ++x) {
    for (std::size_t y = 1; y < 6; ++y) {
      const double c = static_cast<double>(joint.by_codes[x][y]);
      const double dx = static_cast<double>(x) - s.mean_x, dy = static_cast<double>(y) - s.mean_y;
      sxx += c * dx * dx;
      syy += c * dy * dy;
      sxy += c * dx * dy;
    }
  }
  if (sxx > 0.0 && syy > 0.0) s.r = sxy / std::sqrt(sxx * syy);
  return s;
}

}  // namespace

std::string_view to_string(quadrant q) noexcept {
  switch (q) {
    case quadrant::fix_first: return "fix_first";
    case quadrant::keep_up: return "keep_up";
    case quadrant::low_priority: return "low_priority";
    case quadrant::possible_overkill: return "possible_overkill";
  }
  return "low_priority";
}

driver_table drivers_of(const group_counts& counts, std::uint32_t k) {
  driver_table table;
  table.responses = counts.responses;
  table.suppressed = counts.responses < k;
  if (table.suppressed) return table;
  for (std::uint32_t code = 0; code < counts.csat_by_criterion.size(); ++code) {
    const pair_summary s = summarize(counts.csat_by_criterion[code]);
    if (s.n == 0.0) continue;
    driver d;
    d.criterion = code;
    d.n = static_cast<std::uint64_t>(s.n);
    // A correlation needs spread on both sides and more than three pairs for its interval.
    d.suppressed = d.n < k || d.n < 4 || std::isnan(s.r);
    if (!d.suppressed) {
      d.correlation = s.r;
      d.correlation_ci95 = stats::correlation_interval(s.r, s.n);
      d.mean = s.mean_y;
      d.top2 = s.top2_y;
      d.priority = std::max(s.r, 0.0) * (5.0 - s.mean_y) / 4.0;
    }
    table.drivers.push_back(d);
  }
  double importance = 0.0, performance = 0.0, shown = 0.0;
  for (const driver& d : table.drivers) {
    if (d.suppressed) continue;
    importance += d.correlation;
    performance += d.mean;
    shown += 1.0;
  }
  importance /= shown;
  performance /= shown;
  for (driver& d : table.drivers) {
    if (d.suppressed) continue;
    const bool important = d.correlation >= importance, good = d.mean >= performance;
    d.where = important ? (good ? quadrant::keep_up : quadrant::fix_first)
                        : (good ? quadrant::possible_overkill : quadrant::low_priority);
  }
  std::stable_sort(table.drivers.begin(), table.drivers.end(), [](const driver& a, const driver& b) {
    if (a.suppressed != b.suppressed) return !a.suppressed;
    return a.priority > b.priority;
  });
  std::uint32_t rank = 0;
  for (driver& d : table.drivers) d.rank = d.suppressed ? 0 : ++rank;
  return table;
}

std::vector<driver_table> drivers(const columnar_store& store, const filter& f, std::uint32_t k) {
  return drivers(store, aggregate(store, f, grouping{{dimension::service, dimension::stage}, period_unit::month}), k);
}

std::vector<driver_table> drivers(const columnar_store& store, const aggregation& by_stage, std::uint32_t k) {
  std::vector<driver_table> out;
  std::size_t at = 0;
  while (at < by_stage.groups.size()) {
    const std::uint32_t service = by_stage.groups[at].key[0];
    group_counts total;
    std::size_t end = at;
    for (; end < by_stage.groups.size() && by_stage.groups[end].key[0] == service; ++end) {
      total.merge(by_stage.groups[end].counts);
    }
    driver_table all = drivers_of(total, k);
    all.service = service;
    out.push_back(std::move(all));
    const std::vector<std::uint16_t> none;
    const auto& order = service < store.journey.size() ? store.journey[service] : none;
    for (const std::uint16_t stage : order) {
      for (std::size_t i = at; i < end; ++i) {
        if (by_stage.groups[i].key[1] != stage) continue;
        driver_table one = drivers_of(by_stage.groups[i].counts, k);
        one.service = service;
        one.stage = stage;
        out.push_back(std::move(one));
      }
    }
    at = end;
  }
  return out;
}

}  // namespace otklik
