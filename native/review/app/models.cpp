// Models: one counting pass, split over threads with the core's aggregate_part() and merge(), then regrouped;
// every number shown comes from the core's metric, journey, trend and driver functions over those counts.
#include "app/models.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <thread>

namespace otklik::review {

namespace {

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

aggregation count_in_parallel(const columnar_store& store, const filter& rows, const grouping& by, unsigned threads) {
  threads = std::clamp(threads, 1u, 16u);
  if (threads == 1) return aggregate(store, rows, by);
  std::vector<aggregation> parts(threads);
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) {
    workers.emplace_back([&, t] { parts[t] = aggregate_part(store, rows, by, t, threads); });
  }
  parts[0] = aggregate_part(store, rows, by, 0, threads);
  for (std::thread& w : workers) w.join();
  for (unsigned t = 1; t < threads; ++t) merge(parts[0], parts[t]);
  return std::move(parts[0]);
}

aggregation regroup(const aggregation& from, const grouping& to) {
  std::array<std::size_t, dimension_count> source{};
  for (std::size_t i = 0; i < to.by.size(); ++i) {
    source[i] = static_cast<std::size_t>(std::find(from.by.by.begin(), from.by.by.end(), to.by[i]) - from.by.by.begin());
  }
  std::map<std::array<std::uint32_t, dimension_count>, group_counts> merged;
  for (const group& g : from.groups) {
    std::array<std::uint32_t, dimension_count> key{};
    for (std::size_t i = 0; i < to.by.size(); ++i) key[i] = source[i] < from.by.by.size() ? g.key[source[i]] : 0;
    auto [it, added] = merged.try_emplace(key, g.counts);
    if (!added) it->second.merge(g.counts);
  }
  aggregation out;
  out.by = to;
  out.by.period = from.by.period;
  out.responses = from.responses;
  out.key_space_overflow = from.key_space_overflow;
  for (auto& [key, counts] : merged) out.groups.push_back({key, std::move(counts)});
  return out;
}

aggregation count_finest(const dataset& data, const filter& rows, period_unit unit, unsigned threads, bool use_cube,
                         bool* from_cube) {
  const bool cube = use_cube && data.cube && cube_answers(rows, unit);
  if (from_cube != nullptr) *from_cube = cube;
  if (cube) return count_from_cube(*data.cube, rows);
  return count_in_parallel(data.store, rows, grouping{{dimension::service, dimension::stage, dimension::period}, unit},
                           threads);
}

view_models compute_models(const model_request& request) {
  static std::atomic<std::uint64_t> computed{0};
  view_models m;
  m.generation = ++computed;
  m.data = request.data;
  m.rows = request.rows;
  m.k = std::max<std::uint32_t>(request.k, 1);
  m.unit = request.unit;
  const columnar_store& store = request.data->store;

  const auto counting = std::chrono::steady_clock::now();
  const aggregation counted =
      count_finest(*request.data, request.rows, request.unit, request.threads, request.use_cube, &m.from_cube);
  m.count_ms = ms_since(counting);

  const auto deriving = std::chrono::steady_clock::now();
  m.responses = counted.responses;
  m.by_service_stage = regroup(counted, grouping{{dimension::service, dimension::stage}, request.unit});
  const aggregation by_service = regroup(counted, grouping{{dimension::service}, request.unit});
  group_counts all;
  all.criteria.resize(store.criteria.size());
  all.csat_by_criterion.resize(store.criteria.size());
  for (const group& g : by_service.groups) {
    all.merge(g.counts);
    m.services.push_back({g.key[0], g.counts, metrics_of(g.counts, m.k)});
  }
  m.total = metrics_of(all, m.k);
  m.journeys = journeys(store, m.by_service_stage, m.k);
  m.drivers = drivers(store, m.by_service_stage, m.k);
  m.service_trends = trends(regroup(counted, grouping{{dimension::service, dimension::period}, request.unit}), m.k,
                            request.alpha);
  m.stage_trends = trends(counted, m.k, request.alpha);
  m.service_alerts = significant_drops(m.service_trends);
  m.stage_alerts = significant_drops(m.stage_trends);
  m.derive_ms = ms_since(deriving);
  return m;
}

}  // namespace otklik::review
