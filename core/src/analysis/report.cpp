// The report: assembling every analysis, and writing it as otklik.report/1 JSON and as CSV.
#include "otklik/report.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "otklik/json_writer.hpp"

namespace otklik {

namespace {

using group_key = std::array<std::uint32_t, dimension_count>;

// Whether a row passes the filter (the row-at-a-time form of what aggregate() does in blocks).
bool row_passes(const filter& f, const store_segment& s, std::size_t row) {
  const auto allowed = [](const std::vector<std::uint32_t>& codes, std::uint32_t code) {
    return codes.empty() || std::find(codes.begin(), codes.end(), code) != codes.end();
  };
  return allowed(f.services, s.service) && allowed(f.stages, s.stage[row]) && allowed(f.channels, s.channel[row]) &&
         allowed(f.regions, s.region[row]) && allowed(f.locales, s.locale[row]) && s.hour[row] >= f.first_hour &&
         s.hour[row] < f.end_hour;
}

group_key row_key(const grouping& g, const store_segment& s, std::size_t row) {
  group_key key{};
  for (std::size_t i = 0; i < g.by.size(); ++i) {
    switch (g.by[i]) {
      case dimension::service: key[i] = s.service; break;
      case dimension::stage: key[i] = s.stage[row]; break;
      case dimension::channel: key[i] = s.channel[row]; break;
      case dimension::region: key[i] = s.region[row]; break;
      case dimension::locale: key[i] = s.locale[row]; break;
      case dimension::period: key[i] = period_of(s.hour[row], g.period); break;
    }
  }
  return key;
}

std::string hidden_count(std::uint32_t k) {
  std::string out = "<";
  out += std::to_string(k);
  return out;
}

// p- and q-values get more decimals than estimates: small ones are what alerts are about.
constexpr int probability_decimals = 12;

// --- JSON pieces -------------------------------------------------------------------------------------------

void number(json_writer& w, std::string_view name, double value, int decimals = 6) {
  const std::string text = format_number(value, decimals);
  w.key(name).raw(text.empty() ? "null" : text);
}

void pair(json_writer& w, std::string_view name, stats::interval ci) {
  const std::string low = format_number(ci.low), high = format_number(ci.high);
  if (low.empty() || high.empty()) {
    w.key(name).raw("null");
  } else {
    std::string both = "[";
    both += low;
    both += ',';
    both += high;
    both += ']';
    w.key(name).raw(both);
  }
}

void hidden(json_writer& w, std::uint32_t k) {
  w.key("suppressed").boolean(true).key("n_display").string(hidden_count(k));
}

void key_fields(json_writer& w, const columnar_store& store, const grouping& g, const group_key& key) {
  for (std::size_t i = 0; i < g.by.size(); ++i) {
    w.key(to_string(g.by[i])).string(key_label(store, g.by[i], key[i], g.period));
  }
}

// A metric's object: nothing when nobody answered, only "<k" when hidden, else n and what `fill` writes.
template <class Fill>
void metric_object(json_writer& w, std::string_view name, std::uint64_t n, bool suppressed, std::uint32_t k,
                   Fill&& fill) {
  if (n == 0) return;
  w.key(name).begin_object();
  if (suppressed) {
    hidden(w, k);
  } else {
    w.key("n").integer(static_cast<std::int64_t>(n));
    fill();
  }
  w.end_object();
}

void write_csat(json_writer& w, const csat_metric& m, std::uint32_t k) {
  metric_object(w, "csat", m.n, m.suppressed, k, [&] {
    number(w, "mean", m.mean);
    pair(w, "mean_ci95", m.mean_ci95);
    number(w, "top2", m.top2);
    pair(w, "top2_ci95", m.top2_ci95);
  });
}

void write_mean(json_writer& w, std::string_view name, const mean_metric& m, std::uint32_t k, bool with_top2) {
  metric_object(w, name, m.n, m.suppressed, k, [&] {
    number(w, "mean", m.mean);
    pair(w, "ci95", m.ci95);
    if (with_top2) {
      number(w, "top2", m.top2);
      pair(w, "top2_ci95", m.top2_ci95);
    }
  });
}

void write_nps(json_writer& w, const nps_metric& m, std::uint32_t k) {
  metric_object(w, "nps", m.n, m.suppressed, k, [&] {
    number(w, "score", m.score);
    pair(w, "ci95", m.ci95);
    number(w, "promoters", m.promoters);
    number(w, "detractors", m.detractors);
  });
}

void write_goal(json_writer& w, const goal_metric& m, std::uint32_t k) {
  metric_object(w, "goal", m.n, m.suppressed, k, [&] {
    number(w, "yes", m.yes);
    number(w, "partly", m.partly);
    number(w, "no", m.no);
  });
}

// "n", "suppressed" and every metric of a group (or only its hidden count).
void write_metrics(json_writer& w, const columnar_store& store, const group_metrics& m, std::uint32_t k) {
  if (m.suppressed) {
    hidden(w, k);
    return;
  }
  w.key("n").integer(static_cast<std::int64_t>(m.responses)).key("suppressed").boolean(false);
  write_csat(w, m.csat, k);
  write_mean(w, "ces", m.ces, k, false);
  write_nps(w, m.nps, k);
  const bool any_criterion =
      std::any_of(m.criteria.begin(), m.criteria.end(), [](const mean_metric& c) { return c.n > 0; });
  if (any_criterion) {
    w.key("criteria").begin_object();
    for (std::uint32_t code = 0; code < m.criteria.size(); ++code) {
      write_mean(w, store.criteria.word(code), m.criteria[code], k, true);
    }
    w.end_object();
  }
  write_goal(w, m.goal, k);
}

void write_test(json_writer& w, const stats::test_result& t) {
  number(w, "statistic", t.statistic);
  number(w, "df", t.df);
  number(w, "p_value", t.p_value, probability_decimals);
}

void write_change(json_writer& w, const columnar_store& store, const change& c) {
  w.begin_object().key("measure").string(to_string(c.what));
  if (c.what == measure::criterion_mean || c.what == measure::criterion_top2) {
    w.key("criterion").string(store.criteria.word(c.criterion));
  }
  number(w, "before", c.before);
  number(w, "after", c.after);
  number(w, "delta", c.delta);
  write_test(w, c.test);
  number(w, "q_value", c.q_value, probability_decimals);
  w.key("worse").boolean(c.worse).key("significant").boolean(c.significant).end_object();
}

void write_groups(json_writer& w, const columnar_store& store, const report& r) {
  w.key("groups").begin_array();
  for (const group& g : r.groups.groups) {
    w.begin_object();
    key_fields(w, store, r.groups.by, g.key);
    write_metrics(w, store, metrics_of(g.counts, r.options.k), r.options.k);
    w.end_object();
  }
  w.end_array();
}

void write_journeys(json_writer& w, const columnar_store& store, const report& r) {
  const std::uint32_t k = r.options.k;
  w.key("journey").begin_array();
  for (const service_journey& j : r.journeys) {
    w.begin_object().key("service").string(store.services.word(j.service)).key("stages").begin_array();
    std::size_t comparisons = 0;
    for (const journey_step& step : j.steps) {
      if (!std::isnan(step.csat_test.p_value)) ++comparisons;
    }
    for (const journey_step& step : j.steps) {
      w.begin_object().key("stage").string(store.stages.word(step.stage));
      write_metrics(w, store, step.metrics, k);  // a stage nobody answered reads "<k" like any small group
      number(w, "csat_change", step.csat_change);
      number(w, "p_value", step.csat_test.p_value, probability_decimals);
      w.end_object();
    }
    w.end_array().key("biggest_drop");
    if (j.biggest_drop) {
      const journey_step& step = j.steps[*j.biggest_drop];
      // Bonferroni over the service's stage-to-stage comparisons: the biggest fall is picked after looking.
      const double adjusted = std::min(1.0, step.csat_test.p_value * static_cast<double>(comparisons));
      w.begin_object().key("stage").string(store.stages.word(step.stage));
      number(w, "csat_change", step.csat_change);
      number(w, "p_value", step.csat_test.p_value, probability_decimals);
      number(w, "p_adjusted", adjusted, probability_decimals);
      w.key("significant").boolean(adjusted < r.options.alpha).end_object();
    } else {
      w.raw("null");
    }
    w.key("lowest");
    if (j.lowest) {
      w.string(store.stages.word(j.steps[*j.lowest].stage));
    } else {
      w.raw("null");
    }
    w.end_object();
  }
  w.end_array();
}

void write_trends(json_writer& w, const columnar_store& store, const report& r) {
  const trend_report& t = r.trends;
  w.key("trends").begin_object().key("by").begin_array();
  for (const dimension d : t.by.by) w.string(to_string(d));
  w.end_array().key("period").string(to_string(t.unit));
  number(w, "alpha", t.alpha);
  w.key("series").begin_array();
  for (const trend_series& s : t.series) {
    w.begin_object();
    key_fields(w, store, t.by, s.key);
    w.key("points").begin_array();
    for (const trend_point& p : s.points) {
      w.begin_object().key("period").string(period_label(p.period, t.unit));
      write_metrics(w, store, p.metrics, r.options.k);
      if (!p.changes.empty()) {
        w.key("changes").begin_array();
        for (const change& c : p.changes) write_change(w, store, c);
        w.end_array();
      }
      w.end_object();
    }
    w.end_array().end_object();
  }
  w.end_array().end_object();

  w.key("alerts").begin_array();
  for (const alert& a : r.alerts) {
    const trend_series& s = t.series[a.series];
    const trend_point& p = s.points[a.point];
    const change& c = p.changes[a.change];
    w.begin_object();
    key_fields(w, store, t.by, s.key);
    w.key("period").string(period_label(p.period, t.unit));
    w.key("previous").string(period_label(p.period - 1, t.unit));
    w.key("change");
    write_change(w, store, c);
    w.end_object();
  }
  w.end_array();
}

void write_drivers(json_writer& w, const columnar_store& store, const report& r) {
  const std::uint32_t k = r.options.k;
  w.key("drivers").begin_array();
  for (const driver_table& t : r.drivers) {
    w.begin_object().key("service").string(store.services.word(t.service)).key("stage");
    if (t.stage) {
      w.string(store.stages.word(*t.stage));
    } else {
      w.raw("null");
    }
    if (t.suppressed) {
      hidden(w, k);
      w.end_object();
      continue;
    }
    w.key("n").integer(static_cast<std::int64_t>(t.responses)).key("suppressed").boolean(false);
    w.key("criteria").begin_array();
    for (const driver& d : t.drivers) {
      w.begin_object().key("criterion").string(store.criteria.word(d.criterion));
      if (d.suppressed) {
        hidden(w, std::max<std::uint32_t>(k, 4));
      } else {
        w.key("rank").integer(d.rank).key("n").integer(static_cast<std::int64_t>(d.n));
        number(w, "correlation", d.correlation);
        pair(w, "correlation_ci95", d.correlation_ci95);
        number(w, "mean", d.mean);
        number(w, "top2", d.top2);
        number(w, "priority", d.priority);
        w.key("quadrant").string(to_string(d.where));
      }
      w.end_object();
    }
    w.end_array().end_object();
  }
  w.end_array();
}

void write_text_sections(json_writer& w, const columnar_store& store, const report& r) {
  w.key("terms").begin_array();
  for (const group_terms& t : r.terms) {
    w.begin_object();
    key_fields(w, store, r.groups.by, t.key);
    w.key("comments").integer(static_cast<std::int64_t>(t.comments)).key("terms").begin_array();
    for (const term_count& term : t.terms) {
      w.begin_object().key("term").string(term.term).key("example").string(term.example);
      w.key("comments").integer(static_cast<std::int64_t>(term.comments)).end_object();
    }
    w.end_array().end_object();
  }
  w.end_array();
  w.key("comments").begin_array();
  for (const group_comments& c : r.comments) {
    w.begin_object();
    key_fields(w, store, r.groups.by, c.key);
    w.key("total").integer(static_cast<std::int64_t>(c.total)).key("items").begin_array();
    for (const comment_item& item : c.items) {
      w.begin_object().key("csat");
      if (item.csat == 0) {
        w.raw("null");
      } else {
        w.integer(item.csat);
      }
      w.key("text").string(item.text).end_object();
    }
    w.end_array().end_object();
  }
  w.end_array();
}

// --- CSV pieces --------------------------------------------------------------------------------------------

// One CSV line being written: fields separated by commas, quoted when they must be (RFC 4180).
class csv_line {
 public:
  explicit csv_line(std::string& out) : out_(out) {}
  ~csv_line() { out_.push_back('\n'); }
  csv_line(const csv_line&) = delete;
  csv_line& operator=(const csv_line&) = delete;
  void field(std::string_view text) {
    if (!first_) out_.push_back(',');
    first_ = false;
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
      out_ += text;
      return;
    }
    out_.push_back('"');
    for (const char c : text) {
      if (c == '"') out_.push_back('"');
      out_.push_back(c);
    }
    out_.push_back('"');
  }

 private:
  std::string& out_;
  bool first_ = true;
};

// n, mean, ci low, ci high (and top2 with its interval) of a metric; empty cells where hidden.
void csv_metric(csv_line& out, std::uint64_t n, bool suppressed, std::uint32_t k,
                std::initializer_list<double> values) {
  if (n == 0) {
    out.field("0");
  } else if (suppressed) {
    out.field(hidden_count(k));
  } else {
    out.field(std::to_string(n));
  }
  for (const double v : values) out.field(n == 0 || suppressed ? std::string() : format_number(v));
}

}  // namespace

std::string format_number(double value, int decimals) {
  // By hand rather than with printf or to_chars: identical bytes with every libc and in WebAssembly.
  if (!std::isfinite(value) || std::fabs(value) >= 1e15) return {};
  std::int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const std::int64_t scaled = std::llround(value * static_cast<double>(scale));
  std::string out;
  if (scaled < 0) out.push_back('-');
  const std::uint64_t magnitude = scaled < 0 ? static_cast<std::uint64_t>(-scaled) : static_cast<std::uint64_t>(scaled);
  out += std::to_string(magnitude / static_cast<std::uint64_t>(scale));
  std::uint64_t fraction = magnitude % static_cast<std::uint64_t>(scale);
  if (fraction != 0) {
    std::string digits(static_cast<std::size_t>(decimals), '0');
    for (int i = decimals - 1; i >= 0; --i) {
      digits[static_cast<std::size_t>(i)] = static_cast<char>('0' + fraction % 10);
      fraction /= 10;
    }
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    out.push_back('.');
    out += digits;
  }
  return out;
}

bool group_shown(const report& r, const group_key& key) {
  const auto& groups = r.groups.groups;
  const auto it = std::lower_bound(groups.begin(), groups.end(), key,
                                   [](const group& g, const group_key& k) { return g.key < k; });
  return it != groups.end() && it->key == key && it->counts.responses >= r.options.k;
}

void for_each_comment(const columnar_store& store, const filter& f, const grouping& g,
                      const std::function<void(const group_key&, std::uint8_t, std::string_view)>& visit,
                      std::size_t part, std::size_t parts) {
  std::size_t total = 0;
  for (const store_segment& s : store.segments) total += s.comment_row.size();
  parts = std::max<std::size_t>(parts, 1);
  const std::size_t first = total * part / parts, end = total * (part + 1) / parts;
  std::size_t at = 0;
  for (const store_segment& s : store.segments) {
    const std::size_t count = s.comment_row.size();
    const std::size_t begin_j = std::clamp(first, at, at + count) - at, end_j = std::clamp(end, at, at + count) - at;
    at += count;
    if (begin_j >= end_j) continue;
    if (!f.services.empty() && std::find(f.services.begin(), f.services.end(), s.service) == f.services.end()) continue;
    for (std::size_t j = begin_j; j < end_j; ++j) {
      const std::uint32_t row = s.comment_row[j];
      if (!row_passes(f, s, row)) continue;
      visit(row_key(g, s, row), s.csat.empty() ? std::uint8_t{0} : s.csat[row], s.comment(j));
    }
  }
}

report build_report(const columnar_store& store, const filter& f, const report_options& options) {
  report r;
  r.options = options;
  r.options.k = std::max<std::uint32_t>(options.k, 1);
  const std::uint32_t k = r.options.k;
  r.groups = aggregate(store, f, options.by);
  // Journeys and drivers count by (service, stage): the default groups already are that aggregation.
  const grouping by_stage{{dimension::service, dimension::stage}, options.by.period};
  aggregation counted_by_stage;
  const bool groups_by_stage = r.groups.by.by == by_stage.by;
  if (!groups_by_stage) counted_by_stage = aggregate(store, f, by_stage);
  const aggregation& service_stage = groups_by_stage ? r.groups : counted_by_stage;
  r.journeys = journeys(store, service_stage, k);
  r.drivers = drivers(store, service_stage, k);
  r.trends = trends(store, f, options.by, k, options.alpha);
  r.alerts = significant_drops(r.trends);

  // Lowest-rated first: overall rating (none given sorts last), then the mean of the row's criteria, then order.
  using candidate = std::tuple<int, double, std::size_t, std::size_t>;  // rating, criteria mean, segment, comment
  std::map<group_key, std::pair<std::uint64_t, std::vector<candidate>>> chosen;
  for (std::size_t seg = 0; seg < store.segments.size(); ++seg) {
    const store_segment& s = store.segments[seg];
    for (std::size_t j = 0; j < s.comment_row.size(); ++j) {
      const std::uint32_t row = s.comment_row[j];
      if (!row_passes(f, s, row)) continue;
      const group_key key = row_key(options.by, s, row);
      if (!group_shown(r, key)) continue;
      double sum = 0.0, n = 0.0;
      for (const auto& column : s.criterion_answers) {
        if (column[row] != 0) {
          sum += column[row];
          n += 1.0;
        }
      }
      const int rating = s.csat.empty() || s.csat[row] == 0 ? 6 : s.csat[row];
      auto& [total, heap] = chosen[key];
      ++total;
      heap.emplace_back(rating, n > 0 ? sum / n : 6.0, seg, j);
      std::push_heap(heap.begin(), heap.end());
      if (heap.size() > options.comments_per_group) {
        std::pop_heap(heap.begin(), heap.end());
        heap.pop_back();
      }
    }
  }
  for (auto& [key, entry] : chosen) {
    auto& [total, heap] = entry;
    std::sort_heap(heap.begin(), heap.end());
    group_comments out{key, total, {}};
    for (const auto& [rating, mean, seg, j] : heap) {
      const store_segment& s = store.segments[seg];
      out.items.push_back({static_cast<std::uint8_t>(rating == 6 ? 0 : rating), std::string(s.comment(j))});
    }
    r.comments.push_back(std::move(out));
  }
  return r;
}

std::string to_json(const columnar_store& store, const report& r) {
  std::string out;
  json_writer w(out);
  const std::uint32_t k = r.options.k;
  w.begin_object().key("format").string("otklik.report/1").key("k").integer(k);
  if (r.groups.responses >= k) {
    w.key("responses").integer(static_cast<std::int64_t>(r.groups.responses));
  } else {
    w.key("responses_display").string(hidden_count(k));
  }
  w.key("by").begin_array();
  for (const dimension d : r.groups.by.by) w.string(to_string(d));
  w.end_array().key("period").string(to_string(r.groups.by.period));
  if (r.input.known) {
    w.key("input").begin_object().key("lines").integer(static_cast<std::int64_t>(r.input.lines));
    w.key("invalid").integer(static_cast<std::int64_t>(r.input.invalid));
    w.key("duplicates").integer(static_cast<std::int64_t>(r.input.duplicates)).end_object();
  }
  write_groups(w, store, r);
  write_journeys(w, store, r);
  write_trends(w, store, r);
  write_drivers(w, store, r);
  write_text_sections(w, store, r);
  w.end_object();
  out.push_back('\n');
  return out;
}

std::string to_csv(const columnar_store& store, const report& r) {
  const std::uint32_t k = r.options.k;
  std::string out;
  {
    csv_line header(out);
    for (const dimension d : r.groups.by.by) header.field(to_string(d));
    for (const char* name : {"n", "suppressed", "csat_n", "csat_mean", "csat_mean_ci_low", "csat_mean_ci_high",
                             "csat_top2", "csat_top2_ci_low", "csat_top2_ci_high", "ces_n", "ces_mean", "ces_ci_low",
                             "ces_ci_high", "nps_n", "nps_score", "nps_ci_low", "nps_ci_high", "goal_n", "goal_yes",
                             "goal_partly", "goal_no"}) {
      header.field(name);
    }
    for (const std::string& criterion : store.criteria.words()) {
      for (const char* suffix : {"_n", "_mean", "_ci_low", "_ci_high", "_top2"}) header.field(criterion + suffix);
    }
  }
  for (const group& g : r.groups.groups) {
    csv_line line(out);
    for (std::size_t i = 0; i < r.groups.by.by.size(); ++i) {
      line.field(key_label(store, r.groups.by.by[i], g.key[i], r.groups.by.period));
    }
    const group_metrics m = metrics_of(g.counts, k);
    if (m.suppressed) {
      line.field(hidden_count(k));
      line.field("true");
      const std::size_t empty_cells = 19 + 5 * store.criteria.size();
      for (std::size_t i = 0; i < empty_cells; ++i) line.field("");
      continue;
    }
    line.field(std::to_string(m.responses));
    line.field("false");
    csv_metric(line, m.csat.n, m.csat.suppressed, k,
               {m.csat.mean, m.csat.mean_ci95.low, m.csat.mean_ci95.high, m.csat.top2, m.csat.top2_ci95.low,
                m.csat.top2_ci95.high});
    csv_metric(line, m.ces.n, m.ces.suppressed, k, {m.ces.mean, m.ces.ci95.low, m.ces.ci95.high});
    csv_metric(line, m.nps.n, m.nps.suppressed, k, {m.nps.score, m.nps.ci95.low, m.nps.ci95.high});
    csv_metric(line, m.goal.n, m.goal.suppressed, k, {m.goal.yes, m.goal.partly, m.goal.no});
    for (std::size_t c = 0; c < store.criteria.size(); ++c) {
      const mean_metric& cm = m.criteria[c];
      csv_metric(line, cm.n, cm.suppressed, k, {cm.mean, cm.ci95.low, cm.ci95.high, cm.top2});
    }
  }
  return out;
}

}  // namespace otklik
