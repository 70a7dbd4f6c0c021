// The dump writes the models the views draw from, field by field in a fixed order.
#include "output/displayed_json.hpp"

#include <initializer_list>
#include <utility>

#include "otklik/json_writer.hpp"
#include "otklik/report.hpp"
#include "views/format.hpp"

namespace otklik::review {

namespace {

void count(json_writer& w, std::string_view name, std::uint64_t n, bool hidden, std::uint32_t k) {
  w.key(name);
  if (hidden) {
    w.string(below_k(k));
  } else {
    w.integer(static_cast<std::int64_t>(n));
  }
}

void number(json_writer& w, std::string_view name, double value) {
  const std::string text = format_number(value);
  w.key(name);
  if (text.empty()) {
    w.raw("null");
  } else {
    w.raw(text);
  }
}

// One metric's object: its n ("<k" when hidden) and, when shown, its values.
void metric(json_writer& w, std::string_view name, std::uint64_t n, bool suppressed, std::uint32_t k,
            std::initializer_list<std::pair<std::string_view, double>> values) {
  w.key(name).begin_object();
  count(w, "n", n, suppressed, k);
  if (!suppressed && n > 0) {
    for (const auto& [key, value] : values) number(w, key, value);
  }
  w.end_object();
}

void write_metrics(json_writer& w, const group_metrics& g, std::uint32_t k) {
  w.begin_object();
  count(w, "responses", g.responses, g.suppressed, k);
  w.key("suppressed").boolean(g.suppressed);
  if (!g.suppressed) {
    metric(w, "csat", g.csat.n, g.csat.suppressed, k,
           {{"mean", g.csat.mean}, {"low", g.csat.mean_ci95.low}, {"high", g.csat.mean_ci95.high}, {"top2", g.csat.top2},
            {"top2_low", g.csat.top2_ci95.low}, {"top2_high", g.csat.top2_ci95.high}});
    metric(w, "nps", g.nps.n, g.nps.suppressed, k,
           {{"score", g.nps.score}, {"low", g.nps.ci95.low}, {"high", g.nps.ci95.high}});
    metric(w, "ces", g.ces.n, g.ces.suppressed, k,
           {{"mean", g.ces.mean}, {"low", g.ces.ci95.low}, {"high", g.ces.ci95.high}});
  }
  w.end_object();
}

}  // namespace

std::string displayed_json(const view_models& m) {
  const columnar_store& store = m.data->store;
  std::string out;
  json_writer w(out);
  w.begin_object();
  w.key("k").integer(m.k);
  w.key("responses").integer(static_cast<std::int64_t>(m.responses));
  w.key("total");
  write_metrics(w, m.total, m.k);
  w.key("services").begin_array();
  for (const service_summary& s : m.services) {
    w.begin_object();
    w.key("service").string(store.services.word(s.service));
    w.key("metrics");
    write_metrics(w, s.metrics, m.k);
    w.end_object();
  }
  w.end_array();
  w.key("journeys").begin_array();
  for (const service_journey& j : m.journeys) {
    w.begin_object();
    w.key("service").string(store.services.word(j.service));
    w.key("biggest_drop");
    if (j.biggest_drop) {
      w.string(store.stages.word(j.steps[*j.biggest_drop].stage));
    } else {
      w.raw("null");
    }
    w.key("stages").begin_array();
    for (const journey_step& step : j.steps) {
      w.begin_object();
      w.key("stage").string(store.stages.word(step.stage));
      w.key("metrics");
      write_metrics(w, step.metrics, m.k);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("drivers").begin_array();
  for (const driver_table& t : m.drivers) {
    w.begin_object();
    w.key("service").string(store.services.word(t.service));
    w.key("stage");
    if (t.stage) {
      w.string(store.stages.word(*t.stage));
    } else {
      w.raw("null");
    }
    w.key("fix_first").begin_array();
    for (const driver& d : t.drivers) {
      if (!d.suppressed && d.where == quadrant::fix_first) w.string(store.criteria.word(d.criterion));
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("alerts").integer(static_cast<std::int64_t>(m.service_alerts.size() + m.stage_alerts.size()));
  w.end_object();
  out.push_back('\n');
  return out;
}

}  // namespace otklik::review
