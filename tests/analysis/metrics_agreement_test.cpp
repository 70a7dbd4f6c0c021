// Every metric of the core (aggregation over the columnar store) against the plain implementation in
// plain_metrics.hpp on a generated dataset: values agree to 1e-9, intervals to 1e-6, for many groupings.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "dataset.hpp"
#include "otklik/aggregate.hpp"
#include "otklik/drivers.hpp"
#include "otklik/native/survey_dir.hpp"
#include "otklik/trends.hpp"
#include "plain_metrics.hpp"

using namespace otklik;
namespace plain = otklik::test::plain;

namespace {

constexpr double value_tolerance = 1e-9;
constexpr double interval_tolerance = 1e-6;


struct dataset {
  native::survey_dir dir;
  std::vector<response> responses;
  columnar_store store;
};

const dataset& shared_dataset() {
  static const dataset data = [] {
    dataset d;
    d.dir = native::load_survey_dir(std::string(OTKLIK_VECTORS_DIR) + "/surveys");
    test::dataset_options options;
    options.count = 4000;
    options.seed = 42;
    options.months = 4;
    test::generate_responses(d.dir.surveys, options, [&](const response& r) { d.responses.push_back(r); });
    store_builder builder(d.dir.surveys);
    for (const response& r : d.responses) {
      if (!builder.append(r)) FAIL("the builder refused a generated response");
    }
    d.store = builder.finish();
    return d;
  }();
  return data;
}

std::string label(const response& r, dimension d, period_unit unit) {
  switch (d) {
    case dimension::service: return r.service;
    case dimension::stage: return r.stage;
    case dimension::channel: return std::string(to_string(r.where));
    case dimension::region: return r.region;
    case dimension::locale: return r.locale;
    case dimension::period:
      if (unit == period_unit::day) return r.submitted_at.substr(0, 10);
      if (unit == period_unit::month) return r.submitted_at.substr(0, 7);
      return plain::iso_week(r.submitted_at.substr(0, 10));
  }
  return {};
}

void close(double core, double expected, double tolerance) {
  INFO("core " << core << " plain " << expected);
  CHECK(std::fabs(core - expected) <= tolerance);
}

void check_mean_interval(const stats::interval& ci, const std::vector<int>& values) {
  if (values.size() < 2) {
    CHECK(std::isnan(ci.low));
    return;
  }
  const plain::range expected = plain::mean_ci(values);
  close(ci.low, expected.low, interval_tolerance);
  close(ci.high, expected.high, interval_tolerance);
}

void check_top2(double top2, const stats::interval& ci, const std::vector<int>& values) {
  const double p = plain::share(values, 4);
  close(top2, p, value_tolerance);
  const plain::range expected = plain::wilson(p, static_cast<double>(values.size()));
  close(ci.low, expected.low, interval_tolerance);
  close(ci.high, expected.high, interval_tolerance);
}

void check_group(const columnar_store& store, const group_metrics& m, const plain::answers& a) {
  CHECK(m.responses == a.responses);
  CHECK_FALSE(m.suppressed);
  REQUIRE(m.csat.n == a.csat.size());
  if (!a.csat.empty()) {
    close(m.csat.mean, plain::mean(a.csat), value_tolerance);
    check_mean_interval(m.csat.mean_ci95, a.csat);
    check_top2(m.csat.top2, m.csat.top2_ci95, a.csat);
  }
  REQUIRE(m.ces.n == a.ces.size());
  if (!a.ces.empty()) {
    close(m.ces.mean, plain::mean(a.ces), value_tolerance);
    check_mean_interval(m.ces.ci95, a.ces);
  }
  REQUIRE(m.nps.n == a.nps.size());
  if (!a.nps.empty()) {
    const plain::nps_value expected = plain::nps(a.nps);
    close(m.nps.score, expected.score, value_tolerance);
    close(m.nps.ci95.low, expected.low, interval_tolerance);
    close(m.nps.ci95.high, expected.high, interval_tolerance);
  }
  REQUIRE(m.goal.n == a.goal.size());
  if (!a.goal.empty()) {
    double yes = 0, partly = 0, no = 0;
    for (const std::string& g : a.goal) (g == "yes" ? yes : g == "partly" ? partly : no) += 1;
    const double n = static_cast<double>(a.goal.size());
    close(m.goal.yes, yes / n, value_tolerance);
    close(m.goal.partly, partly / n, value_tolerance);
    close(m.goal.no, no / n, value_tolerance);
  }
  for (std::uint32_t code = 0; code < store.criteria.size(); ++code) {
    const std::string& id = store.criteria.word(code);
    const auto found = a.criteria.find(id);
    const std::size_t n = found == a.criteria.end() ? 0 : found->second.size();
    INFO("criterion " << id);
    REQUIRE(m.criteria[code].n == n);
    if (n == 0) continue;
    close(m.criteria[code].mean, plain::mean(found->second), value_tolerance);
    check_mean_interval(m.criteria[code].ci95, found->second);
    check_top2(m.criteria[code].top2, m.criteria[code].top2_ci95, found->second);
  }
}

template <class Keep>
void check_grouping(const grouping& g, const filter& f, Keep&& keep) {
  const dataset& d = shared_dataset();
  std::map<std::vector<std::string>, plain::answers> expected;
  for (const response& r : d.responses) {
    if (!keep(r)) continue;
    std::vector<std::string> key;
    for (const dimension dim : g.by) key.push_back(label(r, dim, g.period));
    plain::add(expected[key], *d.dir.surveys.find(r.survey), r);
  }
  const aggregation core = aggregate(d.store, f, g);
  REQUIRE(core.groups.size() == expected.size());
  std::uint64_t total = 0;
  for (const group& item : core.groups) {
    std::vector<std::string> key;
    for (std::size_t i = 0; i < g.by.size(); ++i) key.push_back(key_label(d.store, g.by[i], item.key[i], g.period));
    const auto found = expected.find(key);
    INFO("group " << (key.empty() ? std::string("(all)") : key.front()) << (key.size() > 1 ? " / " + key[1] : ""));
    REQUIRE(found != expected.end());
    check_group(d.store, metrics_of(item.counts, 1), found->second);
    total += item.counts.responses;
  }
  CHECK(total == core.responses);
}

}  // namespace

TEST_CASE("the generated dataset covers every survey, stage and metric", "[analysis][agreement]") {
  const dataset& d = shared_dataset();
  REQUIRE(d.dir.errors.empty());
  CHECK(d.store.size() == 4000);
  CHECK(d.store.criteria.size() == 6);  // ease, equity, time, queue, staff, info
  CHECK(d.store.services.size() == 3);
}

TEST_CASE("core metrics agree with the plain implementation for every grouping", "[analysis][agreement]") {
  const auto all = [](const response&) { return true; };
  const std::vector<grouping> groupings = {
      {{}, period_unit::month},
      {{dimension::service, dimension::stage}, period_unit::month},
      {{dimension::channel}, period_unit::month},
      {{dimension::region}, period_unit::month},
      {{dimension::locale}, period_unit::month},
      {{dimension::period}, period_unit::day},
      {{dimension::period}, period_unit::week},
      {{dimension::service, dimension::period}, period_unit::month},
      {{dimension::stage, dimension::channel, dimension::locale}, period_unit::month},
      {{dimension::period, dimension::region, dimension::service, dimension::stage, dimension::channel,
        dimension::locale},
       period_unit::week},
  };
  for (const grouping& g : groupings) {
    INFO("grouping of " << g.by.size() << " dimensions");
    check_grouping(g, filter{}, all);
  }
}

TEST_CASE("filters select the same responses as a plain predicate", "[analysis][agreement]") {
  const dataset& d = shared_dataset();
  filter f;
  f.channels = {static_cast<std::uint32_t>(channel::office), static_cast<std::uint32_t>(channel::kiosk)};
  f.locales = {*d.store.locales.find("ru")};
  f.regions = {*d.store.regions.find("RU-MOW"), *d.store.regions.find("")};
  f.first_hour = *hour_index("2026-09-15T00:00:00Z");
  f.end_hour = *hour_index("2026-11-01T00:00:00Z");
  const auto keep = [](const response& r) {
    return (r.where == channel::office || r.where == channel::kiosk) && r.locale == "ru" &&
           (r.region == "RU-MOW" || r.region.empty()) && r.submitted_at >= "2026-09-15" && r.submitted_at < "2026-11-01";
  };
  check_grouping({{dimension::service, dimension::stage}, period_unit::month}, f, keep);
  check_grouping({{dimension::period}, period_unit::week}, f, keep);
  filter by_service;
  by_service.services = {*d.store.services.find("passport-renewal")};
  by_service.stages = {*d.store.stages.find("application")};
  check_grouping({{dimension::channel}, period_unit::month}, by_service,
                 [](const response& r) { return r.service == "passport-renewal" && r.stage == "application"; });
}

TEST_CASE("aggregating in parts and merging equals one pass", "[analysis][agreement]") {
  const dataset& d = shared_dataset();
  const grouping g{{dimension::service, dimension::period}, period_unit::week};
  const aggregation whole = aggregate(d.store, filter{}, g);
  for (const std::size_t parts : {2u, 3u, 7u}) {
    aggregation merged = aggregate_part(d.store, filter{}, g, 0, parts);
    for (std::size_t part = 1; part < parts; ++part) merge(merged, aggregate_part(d.store, filter{}, g, part, parts));
    CHECK(merged.responses == whole.responses);
    REQUIRE(merged.groups.size() == whole.groups.size());
    for (std::size_t i = 0; i < whole.groups.size(); ++i) {
      CHECK(merged.groups[i].key == whole.groups[i].key);
      CHECK(merged.groups[i].counts == whole.groups[i].counts);
    }
  }
}

TEST_CASE("driver correlations agree with a plain Pearson r", "[analysis][agreement][drivers]") {
  const dataset& d = shared_dataset();
  std::map<std::pair<std::string, std::string>, plain::answers> by_stage;
  std::map<std::string, plain::answers> by_service;
  for (const response& r : d.responses) {
    const survey& s = *d.dir.surveys.find(r.survey);
    plain::add(by_stage[{r.service, r.stage}], s, r);
    plain::add(by_service[r.service], s, r);
  }
  const auto tables = drivers(d.store, filter{}, 10);
  REQUIRE(tables.size() == by_service.size() + by_stage.size());
  std::size_t compared = 0;
  for (const driver_table& t : tables) {
    const std::string service = d.store.services.word(t.service);
    const plain::answers& a = t.stage ? by_stage.at({service, d.store.stages.word(*t.stage)}) : by_service.at(service);
    CHECK(t.responses == a.responses);
    std::uint32_t previous_rank = 0;
    double previous_priority = 1e9;
    for (const driver& dr : t.drivers) {
      const auto& pairs = a.csat_and_criterion.at(d.store.criteria.word(dr.criterion));
      CHECK(dr.n == pairs.size());
      if (dr.suppressed) continue;
      close(dr.correlation, plain::pearson(pairs), value_tolerance);
      std::vector<int> criterion_values;
      for (auto [x, y] : pairs) criterion_values.push_back(y);
      close(dr.mean, plain::mean(criterion_values), value_tolerance);
      close(dr.priority, std::max(0.0, plain::pearson(pairs)) * (5 - plain::mean(criterion_values)) / 4, value_tolerance);
      const double zr = std::atanh(plain::pearson(pairs)), half = plain::z / std::sqrt(static_cast<double>(pairs.size()) - 3.0);
      close(dr.correlation_ci95.low, std::tanh(zr - half), interval_tolerance);
      close(dr.correlation_ci95.high, std::tanh(zr + half), interval_tolerance);
      // Ranks follow priority.
      CHECK(dr.rank == previous_rank + 1);
      CHECK(dr.priority <= previous_priority);
      previous_rank = dr.rank;
      previous_priority = dr.priority;
      ++compared;
    }
  }
  CHECK(compared >= 12);
}

TEST_CASE("trend tests agree with plain Welch and two-proportion statistics", "[analysis][agreement][trends]") {
  const dataset& d = shared_dataset();
  std::map<std::pair<std::string, std::string>, plain::answers> by_month;
  for (const response& r : d.responses) {
    plain::add(by_month[{r.service, r.submitted_at.substr(0, 7)}], *d.dir.surveys.find(r.survey), r);
  }
  const trend_report report = trends(d.store, filter{}, {{dimension::service}, period_unit::month}, 10);
  std::size_t compared = 0;
  for (const trend_series& s : report.series) {
    const std::string service = d.store.services.word(s.key[0]);
    for (std::size_t i = 1; i < s.points.size(); ++i) {
      const plain::answers& before =
          by_month.at({service, period_label(s.points[i - 1].period, period_unit::month)});
      const plain::answers& after = by_month.at({service, period_label(s.points[i].period, period_unit::month)});
      for (const change& c : s.points[i].changes) {
        if (c.what == measure::csat_mean) {
          const double n1 = static_cast<double>(before.csat.size()), n2 = static_cast<double>(after.csat.size());
          const double v1 = std::pow(plain::sd(before.csat), 2) / n1;
          const double v2 = std::pow(plain::sd(after.csat), 2) / n2;
          close(c.test.statistic, (plain::mean(after.csat) - plain::mean(before.csat)) / std::sqrt(v1 + v2), value_tolerance);
          close(c.test.df,
                (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1.0) + v2 * v2 / (n2 - 1.0)),
                1e-6);
          ++compared;
        }
        if (c.what == measure::csat_top2) {
          const double n1 = static_cast<double>(before.csat.size()), n2 = static_cast<double>(after.csat.size());
          const double x1 = plain::share(before.csat, 4) * n1, x2 = plain::share(after.csat, 4) * n2;
          const double pooled = (x1 + x2) / (n1 + n2);
          const double z = (x2 / n2 - x1 / n1) / std::sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
          close(c.test.statistic, z, value_tolerance);
          close(c.test.p_value, std::erfc(std::fabs(z) / std::sqrt(2.0)), value_tolerance);
          ++compared;
        }
        if (c.what == measure::nps_score) {
          const plain::nps_value a = plain::nps(before.nps), b = plain::nps(after.nps);
          const double se1 = (a.high - a.score) / plain::z, se2 = (b.high - b.score) / plain::z;
          close(c.test.statistic, (b.score - a.score) / std::sqrt(se1 * se1 + se2 * se2), 1e-6);
          ++compared;
        }
      }
    }
  }
  CHECK(compared >= 9);
  // The generator lowers every other service in the last month: the alerts must find at least one such fall.
  const auto alerts = significant_drops(report);
  REQUIRE_FALSE(alerts.empty());
  for (const alert& a : alerts) {
    const change& c = report.series[a.series].points[a.point].changes[a.change];
    CHECK(c.worse);
    CHECK(c.q_value < 0.05);
  }
}
