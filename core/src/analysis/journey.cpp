// Journeys: one aggregation by (service, stage), laid out in each service's stage order.
#include "otklik/journey.hpp"

#include <algorithm>
#include <limits>

namespace otklik {

std::vector<service_journey> journeys(const columnar_store& store, const filter& f, std::uint32_t k) {
  return journeys(store, aggregate(store, f, grouping{{dimension::service, dimension::stage}, period_unit::month}), k);
}

std::vector<service_journey> journeys(const columnar_store& store, const aggregation& by_stage, std::uint32_t k) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<service_journey> out;
  for (std::uint32_t service = 0; service < store.journey.size(); ++service) {
    const auto first = std::lower_bound(by_stage.groups.begin(), by_stage.groups.end(), service,
                                        [](const group& g, std::uint32_t s) { return g.key[0] < s; });
    if (first == by_stage.groups.end() || first->key[0] != service) continue;
    service_journey journey;
    journey.service = service;
    const group* previous_group = nullptr;
    double biggest_fall = 0.0, lowest_mean = std::numeric_limits<double>::infinity();
    for (const std::uint16_t stage : store.journey[service]) {
      journey_step step;
      step.stage = stage;
      const group* here = nullptr;
      for (auto it = first; it != by_stage.groups.end() && it->key[0] == service; ++it) {
        if (it->key[1] == stage) here = &*it;
      }
      if (here != nullptr) step.counts = here->counts;
      step.counts.criteria.resize(store.criteria.size());
      step.counts.csat_by_criterion.resize(store.criteria.size());
      step.metrics = metrics_of(step.counts, k);
      step.csat_change = nan;
      step.csat_test = {nan, nan, nan};
      const bool shown = here != nullptr && !step.metrics.suppressed && step.metrics.csat.n > 0 &&
                         !step.metrics.csat.suppressed;
      if (shown && previous_group != nullptr) {
        const rating_moments before = moments_of(previous_group->counts.csat);
        const rating_moments after = moments_of(here->counts.csat);
        step.csat_change = after.mean - before.mean;
        step.csat_test = stats::welch_t_test(before.mean, before.variance, before.n, after.mean, after.variance, after.n);
      }
      journey.steps.push_back(std::move(step));
      const journey_step& added = journey.steps.back();
      if (shown) {
        if (added.csat_change < biggest_fall) {
          biggest_fall = added.csat_change;
          journey.biggest_drop = journey.steps.size() - 1;
        }
        if (added.metrics.csat.mean < lowest_mean) {
          lowest_mean = added.metrics.csat.mean;
          journey.lowest = journey.steps.size() - 1;
        }
        previous_group = here;
      }
    }
    out.push_back(std::move(journey));
  }
  return out;
}

}  // namespace otklik
