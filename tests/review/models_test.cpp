// The viewer counts once per filter change and derives every view from those counts; these tests hold each
// derived table against the core computing it directly from the store with the same filter.
#include <catch2/catch.hpp>

#include <cmath>

#include "app/count_cube.hpp"
#include "app/models.hpp"
#include "otklik/period.hpp"
#include "review_fixture.hpp"

using namespace otklik;
using namespace otklik::review;

namespace {

// Equal doubles, NaN equal to NaN (hidden intervals).
bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

void check_same_metrics(const group_metrics& a, const group_metrics& b) {
  CHECK(a.responses == b.responses);
  CHECK(a.suppressed == b.suppressed);
  CHECK(a.csat.n == b.csat.n);
  CHECK(same(a.csat.mean, b.csat.mean));
  CHECK(same(a.csat.mean_ci95.low, b.csat.mean_ci95.low));
  CHECK(same(a.csat.top2_ci95.high, b.csat.top2_ci95.high));
  CHECK(same(a.nps.score, b.nps.score));
  CHECK(same(a.nps.ci95.low, b.nps.ci95.low));
  CHECK(same(a.ces.mean, b.ces.mean));
  REQUIRE(a.criteria.size() == b.criteria.size());
  for (std::size_t c = 0; c < a.criteria.size(); ++c) CHECK(same(a.criteria[c].mean, b.criteria[c].mean));
}

// The same groups with the same counts, in the same order.
void check_same_groups(const aggregation& got, const aggregation& expected) {
  CHECK(got.responses == expected.responses);
  REQUIRE(got.groups.size() == expected.groups.size());
  for (std::size_t i = 0; i < got.groups.size(); ++i) {
    CHECK(got.groups[i].key == expected.groups[i].key);
    CHECK(got.groups[i].counts == expected.groups[i].counts);
  }
}

filter some_filter(const columnar_store& store) {
  filter f;
  f.channels = {static_cast<std::uint32_t>(channel::web), static_cast<std::uint32_t>(channel::office)};
  f.stages = {*store.stages.find("application"), *store.stages.find("decision"), *store.stages.find("exam")};
  return f;
}

}  // namespace

TEST_CASE("the viewer's models equal the core's own tables for the same filter", "[review]") {
  const dataset_ptr data = test::test_dataset();
  const columnar_store& store = data->store;
  REQUIRE(data->cube.has_value());
  for (const auto& [f, use_cube] : {std::pair{filter{}, true}, std::pair{some_filter(store), true},
                                    std::pair{some_filter(store), false}}) {
    model_request request{data, f, 10, period_unit::month, 0.05, 2, use_cube};
    const view_models m = compute_models(request);
    CHECK(m.from_cube == use_cube);

    const aggregation by_service = aggregate(store, f, grouping{{dimension::service}, period_unit::month});
    CHECK(m.responses == by_service.responses);
    REQUIRE(m.services.size() == by_service.groups.size());
    for (std::size_t i = 0; i < m.services.size(); ++i) {
      CHECK(m.services[i].service == by_service.groups[i].key[0]);
      CHECK(m.services[i].counts == by_service.groups[i].counts);
      check_same_metrics(m.services[i].metrics, metrics_of(by_service.groups[i].counts, 10));
    }
    const aggregation all = aggregate(store, f, grouping{{}, period_unit::month});
    REQUIRE(all.groups.size() == 1);
    check_same_metrics(m.total, metrics_of(all.groups[0].counts, 10));

    const auto expected_journeys = journeys(store, f, 10);
    REQUIRE(m.journeys.size() == expected_journeys.size());
    for (std::size_t j = 0; j < m.journeys.size(); ++j) {
      CHECK(m.journeys[j].biggest_drop == expected_journeys[j].biggest_drop);
      REQUIRE(m.journeys[j].steps.size() == expected_journeys[j].steps.size());
      for (std::size_t s = 0; s < m.journeys[j].steps.size(); ++s) {
        check_same_metrics(m.journeys[j].steps[s].metrics, expected_journeys[j].steps[s].metrics);
        CHECK(same(m.journeys[j].steps[s].csat_test.p_value, expected_journeys[j].steps[s].csat_test.p_value));
      }
    }

    const auto expected_drivers = drivers(store, f, 10);
    REQUIRE(m.drivers.size() == expected_drivers.size());
    for (std::size_t t = 0; t < m.drivers.size(); ++t) {
      REQUIRE(m.drivers[t].drivers.size() == expected_drivers[t].drivers.size());
      CHECK(m.drivers[t].stage == expected_drivers[t].stage);
      for (std::size_t d = 0; d < m.drivers[t].drivers.size(); ++d) {
        CHECK(m.drivers[t].drivers[d].criterion == expected_drivers[t].drivers[d].criterion);
        CHECK(m.drivers[t].drivers[d].rank == expected_drivers[t].drivers[d].rank);
        CHECK(same(m.drivers[t].drivers[d].correlation, expected_drivers[t].drivers[d].correlation));
        CHECK(m.drivers[t].drivers[d].where == expected_drivers[t].drivers[d].where);
      }
    }

    const trend_report expected_trends = trends(store, f, grouping{{dimension::service}, period_unit::month}, 10);
    REQUIRE(m.service_trends.series.size() == expected_trends.series.size());
    for (std::size_t s = 0; s < expected_trends.series.size(); ++s) {
      const auto& a = m.service_trends.series[s].points;
      const auto& b = expected_trends.series[s].points;
      REQUIRE(a.size() == b.size());
      for (std::size_t p = 0; p < a.size(); ++p) {
        CHECK(a[p].period == b[p].period);
        check_same_metrics(a[p].metrics, b[p].metrics);
        REQUIRE(a[p].changes.size() == b[p].changes.size());
        for (std::size_t c = 0; c < a[p].changes.size(); ++c) CHECK(same(a[p].changes[c].q_value, b[p].changes[c].q_value));
      }
    }
    const auto expected_alerts =
        significant_drops(trends(store, f, grouping{{dimension::service, dimension::stage}, period_unit::month}, 10));
    CHECK(m.stage_alerts.size() == expected_alerts.size());
    CHECK(m.service_alerts.size() == significant_drops(expected_trends).size());
  }
}

TEST_CASE("counting on several threads gives the groups of one pass", "[review]") {
  const dataset_ptr data = test::test_dataset();
  const grouping by{{dimension::service, dimension::stage, dimension::period}, period_unit::week};
  const filter f = some_filter(data->store);
  const aggregation one = aggregate(data->store, f, by);
  for (const unsigned threads : {2u, 3u, 7u}) {
    check_same_groups(count_in_parallel(data->store, f, by, threads), one);
  }
}

TEST_CASE("regrouping fine counts equals counting the coarse grouping directly", "[review]") {
  const dataset_ptr data = test::test_dataset();
  const aggregation fine =
      aggregate(data->store, filter{}, {{dimension::service, dimension::stage, dimension::period}, period_unit::month});
  for (const grouping& coarse : {grouping{{dimension::stage}, period_unit::month},
                                 grouping{{dimension::service, dimension::period}, period_unit::month}}) {
    check_same_groups(regroup(fine, coarse), aggregate(data->store, filter{}, coarse));
  }
}

TEST_CASE("the count cube gives exactly the counts of a pass over the rows", "[review]") {
  const dataset_ptr data = test::test_dataset();
  const columnar_store& store = data->store;
  const auto cube = build_cube(store, std::size_t{64} << 20, 2);
  REQUIRE(cube.has_value());
  CHECK(cube->cells.groups.size() == cube_cells(store));
  filter regions;
  regions.regions = {*store.regions.find("RU-NVS"), *store.regions.find("RU-MOW"), 0};
  filter months;
  months.first_hour = period_start_hour(2026 * 12 + 7, period_unit::month);   // 2026-08 ..
  months.end_hour = period_start_hour(2026 * 12 + 10, period_unit::month);    // .. 2026-10
  filter locale;
  locale.locales = {*store.locales.find("ru")};
  locale.services = {*store.services.find("passport-renewal")};
  for (const filter& f : {filter{}, some_filter(store), regions, months, locale}) {
    REQUIRE(cube_answers(f, period_unit::month));
    check_same_groups(count_from_cube(*cube, f),
                      aggregate(store, f, grouping{{dimension::service, dimension::stage, dimension::period}, period_unit::month}));
  }
}

TEST_CASE("the cube answers month grain only, and a cube over budget is not built", "[review]") {
  const columnar_store& store = test::test_dataset()->store;
  filter f;
  CHECK(cube_answers(f, period_unit::month));
  CHECK_FALSE(cube_answers(f, period_unit::week));
  f.first_hour = period_start_hour(2026 * 12 + 7, period_unit::month) + 5;   // inside a month
  CHECK_FALSE(cube_answers(f, period_unit::month));
  CHECK_FALSE(build_cube(store, cube_cells(store) * bytes_per_cell(store) - 1, 2).has_value());
  CHECK(build_cube(store, cube_cells(store) * bytes_per_cell(store), 2).has_value());
}
