// The HTML report: one string, inline CSS (with print rules) and inline SVG, no scripts and no links out.
#include "otklik/analysis/html_report.hpp"

#include <algorithm>
#include <cmath>

#include "svg_chart.hpp"

namespace otklik::analysis {

namespace {

using detail::escape_html;

constexpr const char* style = R"(
:root{--ink:#1d2733;--muted:#5b6b7c;--line:#d5dde6;--bar:#3f7cc4;--drop:#c2412d;--band:#3f7cc433;--bg:#f6f8fa}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
color:var(--ink);margin:0 auto;max-width:1180px;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:16px;margin:20px 0 6px}.meta{color:var(--muted)}nav a{margin-right:14px;color:var(--bar)}
table{border-collapse:collapse;margin:8px 0 16px;font-variant-numeric:tabular-nums}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:right;vertical-align:top}
th{background:var(--bg);font-weight:600}td.t,th.t{text-align:left}
.card{border:1px solid var(--line);border-radius:6px;padding:12px 16px;margin:12px 0;break-inside:avoid}
.drop-note{color:var(--drop);font-weight:600}.hiddenv{color:var(--muted)}
svg{display:block;max-width:100%;height:auto;margin:6px 0}svg .grid{stroke:var(--line)}
svg .lbl{font-size:11px;fill:var(--muted)}svg .val{font-size:11px;fill:var(--ink)}svg .quad{font-size:11px;fill:var(--drop)}
svg .bar{fill:var(--bar)}svg .drop{fill:var(--drop)}svg .ci{stroke:var(--ink);stroke-width:1.5;fill:none}
svg .hidden{fill:var(--bg);stroke:var(--line);stroke-dasharray:4 3}svg .band{fill:var(--band)}
svg .line{stroke:var(--bar);stroke-width:2;fill:none}svg .dot{fill:var(--bar)}svg .avg{stroke:var(--muted);stroke-dasharray:5 4}
.q-fix_first{color:var(--drop);font-weight:600}blockquote{margin:4px 0;padding:4px 10px;border-left:3px solid var(--line)}
.terms span{display:inline-block;background:var(--bg);border:1px solid var(--line);border-radius:10px;padding:1px 8px;margin:2px}
@media print{body{max-width:none;padding:0;font-size:11px}nav{display:none}h2{break-after:avoid}
.card,table,svg{break-inside:avoid}a{color:inherit;text-decoration:none}}
)";

// Titles from the surveys in the wanted locale, ids otherwise.
class titles {
 public:
  titles(const columnar_store& store, const survey_set& surveys, std::string locale)
      : store_(store), surveys_(surveys), locale_(std::move(locale)) {}
  std::string service(std::uint32_t code) const {
    const std::string& id = store_.services.word(code);
    for (const survey& s : surveys_.all()) {
      if (s.service.id != id) continue;
      if (const std::string* t = s.service.title.find(locale_)) return *t;
    }
    return id;
  }
  std::string stage(std::uint32_t code) const {
    const std::string& id = store_.stages.word(code);
    for (const survey& s : surveys_.all()) {
      for (const otklik::stage& st : s.stages) {
        if (st.id != id) continue;
        if (const std::string* t = st.title.find(locale_)) return *t;
      }
    }
    return id;
  }
  std::string key(const grouping& g, const std::array<std::uint32_t, dimension_count>& k) const {
    std::string out;
    for (std::size_t i = 0; i < g.by.size(); ++i) {
      if (!out.empty()) out += " · ";
      switch (g.by[i]) {
        case dimension::service: out += service(k[i]); break;
        case dimension::stage: out += stage(k[i]); break;
        default: {
          const std::string label = key_label(store_, g.by[i], k[i], g.period);
          out += label.empty() ? "(none)" : label;
        }
      }
    }
    return out.empty() ? "All responses" : out;
  }

 private:
  const columnar_store& store_;
  const survey_set& surveys_;
  std::string locale_;
};

std::string fmt(double v, int decimals) {
  const std::string s = format_number(v, decimals);
  return s.empty() ? "–" : s;
}

std::string percent(double share) { return fmt(share * 100.0, 1) + "%"; }

std::string interval_text(const stats::interval& ci, int decimals, bool as_percent) {
  if (!std::isfinite(ci.low) || !std::isfinite(ci.high)) return "–";
  return as_percent ? percent(ci.low) + "–" + percent(ci.high) : fmt(ci.low, decimals) + "–" + fmt(ci.high, decimals);
}

std::string hidden_cell(std::uint32_t k) { return "<td class=\"hiddenv\">&lt;" + std::to_string(k) + "</td>"; }

// The cells of a metric row: n, CSAT mean (CI), top-2 (CI), CES, NPS, goal yes.
std::string metric_cells(const group_metrics& m, std::uint32_t k) {
  if (m.suppressed) {
    std::string out = hidden_cell(k);
    for (int i = 0; i < 5; ++i) out += "<td class=\"hiddenv\"></td>";
    return out;
  }
  std::string out = "<td>" + std::to_string(m.responses) + "</td>";
  const auto cell = [&](std::uint64_t n, bool suppressed, const std::string& text) {
    out += n == 0 ? "<td>–</td>" : suppressed ? hidden_cell(k) : "<td>" + text + "</td>";
  };
  cell(m.csat.n, m.csat.suppressed, fmt(m.csat.mean, 2) + " <small>(" + interval_text(m.csat.mean_ci95, 2, false) + ")</small>");
  cell(m.csat.n, m.csat.suppressed, percent(m.csat.top2) + " <small>(" + interval_text(m.csat.top2_ci95, 1, true) + ")</small>");
  cell(m.ces.n, m.ces.suppressed, fmt(m.ces.mean, 2) + " <small>(" + interval_text(m.ces.ci95, 2, false) + ")</small>");
  cell(m.nps.n, m.nps.suppressed, fmt(m.nps.score, 1) + " <small>(" + interval_text(m.nps.ci95, 1, false) + ")</small>");
  cell(m.goal.n, m.goal.suppressed, percent(m.goal.yes));
  return out;
}

constexpr const char* metric_headers =
    "<th>n</th><th>CSAT mean (95% CI)</th><th>CSAT top-2 (95% CI)</th><th>CES</th><th>NPS</th><th>Goal: yes</th>";

void journey_section(std::string& out, const columnar_store& store, const report& r, const titles& t) {
  const std::uint32_t k = r.options.k;
  out += "<section id=\"journey\"><h2>Journey: where satisfaction drops</h2>";
  out += "<p class=\"meta\">CSAT mean per stage in journey order with 95% intervals; the stage with the largest fall "
         "from the stage before it is marked.</p>";
  for (const service_journey& j : r.journeys) {
    out += "<div class=\"card\"><h3>" + escape_html(t.service(j.service)) + "</h3>";
    std::vector<detail::chart_point> bars;
    for (std::size_t i = 0; i < j.steps.size(); ++i) {
      const journey_step& s = j.steps[i];
      const bool shown = !s.metrics.suppressed && s.metrics.csat.n > 0 && !s.metrics.csat.suppressed;
      bars.push_back({t.stage(s.stage), s.metrics.csat.mean, s.metrics.csat.mean_ci95.low, s.metrics.csat.mean_ci95.high,
                      shown, j.biggest_drop == i});
    }
    out += detail::bar_chart(bars, 1.0, 5.0, "CSAT by stage: " + t.service(j.service));
    if (j.biggest_drop) {
      const journey_step& s = j.steps[*j.biggest_drop];
      out += "<p class=\"drop-note\">Largest fall: " + escape_html(t.stage(s.stage)) + " (" + fmt(s.csat_change, 2) +
             " points, p = " + fmt(s.csat_test.p_value, 4) + ")</p>";
    }
    out += "<table><tr><th class=\"t\">Stage</th>" + std::string(metric_headers);
    for (const std::string& c : store.criteria.words()) out += "<th>" + escape_html(c) + "</th>";
    out += "<th>Change</th></tr>";
    for (const journey_step& s : j.steps) {
      out += "<tr><td class=\"t\">" + escape_html(t.stage(s.stage)) + "</td>" + metric_cells(s.metrics, k);
      for (std::size_t c = 0; c < store.criteria.size(); ++c) {
        const mean_metric& m = s.metrics.criteria[c];
        out += s.metrics.suppressed || m.suppressed ? (m.n > 0 || s.metrics.suppressed ? hidden_cell(k) : "<td>–</td>")
               : m.n == 0                           ? "<td>–</td>"
                                                    : "<td>" + fmt(m.mean, 2) + "</td>";
      }
      out += "<td>" + fmt(s.csat_change, 2) + "</td></tr>";
    }
    out += "</table></div>";
  }
  out += "</section>";
}

void trends_section(std::string& out, const columnar_store& store, const report& r, const titles& t) {
  const trend_report& tr = r.trends;
  out += "<section id=\"trends\"><h2>Trends and alerts</h2>";
  out += "<p class=\"meta\">Per " + std::string(to_string(tr.unit)) +
         ", the CSAT top-2 share with its Wilson 95% band. A change counts as significant when its Benjamini–Hochberg "
         "q-value is below " + fmt(tr.alpha, 2) + " (Welch's t for means, two-proportion z for shares).</p>";
  out += "<h3>Significant drops</h3>";
  if (r.alerts.empty()) {
    out += "<p>No significant drop.</p>";
  } else {
    out += "<table><tr><th class=\"t\">Group</th><th class=\"t\">Period</th><th class=\"t\">Measure</th><th>Before</th>"
           "<th>After</th><th>Change</th><th>p</th><th>q</th></tr>";
    for (const alert& a : r.alerts) {
      const trend_series& s = tr.series[a.series];
      const trend_point& p = s.points[a.point];
      const change& c = p.changes[a.change];
      std::string what(to_string(c.what));
      if (c.what == measure::criterion_mean || c.what == measure::criterion_top2) what += ": " + store.criteria.word(c.criterion);
      const bool share = c.what == measure::csat_top2 || c.what == measure::criterion_top2;
      out += "<tr><td class=\"t\">" + escape_html(t.key(tr.by, s.key)) + "</td><td class=\"t\">" +
             period_label(p.period, tr.unit) + "</td><td class=\"t\">" + escape_html(what) + "</td><td>" +
             (share ? percent(c.before) : fmt(c.before, 2)) + "</td><td>" + (share ? percent(c.after) : fmt(c.after, 2)) +
             "</td><td>" + (share ? fmt(c.delta * 100, 1) + " pp" : fmt(c.delta, 2)) + "</td><td>" +
             fmt(c.test.p_value, 4) + "</td><td>" + fmt(c.q_value, 4) + "</td></tr>";
    }
    out += "</table>";
  }
  for (const trend_series& s : tr.series) {
    std::size_t shown = 0;
    for (const trend_point& p : s.points) shown += !p.metrics.suppressed && p.metrics.csat.n > 0 && !p.metrics.csat.suppressed;
    if (shown < 2) continue;
    std::vector<detail::chart_point> points;
    for (const trend_point& p : s.points) {
      const bool visible = !p.metrics.suppressed && p.metrics.csat.n > 0 && !p.metrics.csat.suppressed;
      const bool fell = std::any_of(p.changes.begin(), p.changes.end(), [](const change& c) {
        return c.what == measure::csat_top2 && c.significant && c.worse;
      });
      points.push_back({period_label(p.period, tr.unit), p.metrics.csat.top2, p.metrics.csat.top2_ci95.low,
                        p.metrics.csat.top2_ci95.high, visible, fell});
    }
    out += "<div class=\"card\"><h3>" + escape_html(t.key(tr.by, s.key)) + "</h3>";
    out += detail::line_chart(points, 0.0, 1.0, "CSAT top-2 share: " + t.key(tr.by, s.key)) + "</div>";
  }
  out += "</section>";
}

void drivers_section(std::string& out, const columnar_store& store, const report& r, const titles& t) {
  const std::uint32_t k = r.options.k;
  out += "<section id=\"drivers\"><h2>Drivers and priorities</h2>";
  out += "<p class=\"meta\">Importance is each criterion's Pearson correlation with overall satisfaction (95% interval by "
         "Fisher's z); performance is its mean. Priority = max(r, 0) × (5 − mean) / 4: what to fix first ranks 1.</p>";
  for (const driver_table& d : r.drivers) {
    const std::string name = t.service(d.service) + (d.stage ? " · " + t.stage(*d.stage) : std::string(" · all stages"));
    out += "<div class=\"card\"><h3>" + escape_html(name) + "</h3>";
    if (d.suppressed) {
      out += "<p class=\"hiddenv\">Fewer than " + std::to_string(k) + " responses: not shown.</p></div>";
      continue;
    }
    std::vector<detail::scatter_point> points;
    for (const driver& dr : d.drivers) {
      if (!dr.suppressed) points.push_back({store.criteria.word(dr.criterion), dr.correlation, dr.mean, dr.rank == 1});
    }
    if (!d.stage && !points.empty()) {
      out += detail::scatter_chart(points, "Importance by performance: " + name, "importance (r with CSAT)",
                                   "performance (mean 1..5)");
    }
    out += "<table><tr><th>Rank</th><th class=\"t\">Criterion</th><th>n</th><th>r (95% CI)</th><th>Mean</th>"
           "<th>Top-2</th><th>Priority</th><th class=\"t\">Quadrant</th></tr>";
    for (const driver& dr : d.drivers) {
      out += "<tr><td>" + (dr.suppressed ? std::string("–") : std::to_string(dr.rank)) + "</td><td class=\"t\">" +
             escape_html(store.criteria.word(dr.criterion)) + "</td>";
      if (dr.suppressed) {
        out += hidden_cell(std::max<std::uint32_t>(k, 4)) + "<td></td><td></td><td></td><td></td><td></td></tr>";
        continue;
      }
      const std::string q(to_string(dr.where));
      out += "<td>" + std::to_string(dr.n) + "</td><td>" + fmt(dr.correlation, 2) + " <small>(" +
             interval_text(dr.correlation_ci95, 2, false) + ")</small></td><td>" + fmt(dr.mean, 2) + "</td><td>" +
             percent(dr.top2) + "</td><td>" + fmt(dr.priority, 3) + "</td><td class=\"t q-" + q + "\">" + q +
             "</td></tr>";
    }
    out += "</table></div>";
  }
  out += "</section>";
}

void comments_section(std::string& out, const report& r, const titles& t) {
  out += "<section id=\"comments\"><h2>Comments</h2>";
  out += "<p class=\"meta\">Personal data is replaced by placeholders such as [PHONE]. Terms are Snowball stems counted "
         "once per comment; comments of the lowest-rated responses come first.</p>";
  for (const group_comments& c : r.comments) {
    out += "<div class=\"card\"><h3>" + escape_html(t.key(r.groups.by, c.key)) + " <small class=\"meta\">(" +
           std::to_string(c.total) + " comments)</small></h3>";
    for (const group_terms& g : r.terms) {
      if (g.key != c.key || g.terms.empty()) continue;
      out += "<p class=\"terms\">";
      for (const term_count& term : g.terms) {
        out += "<span>" + escape_html(term.example) + " <small>" + std::to_string(term.comments) + "</small></span>";
      }
      out += "</p>";
    }
    for (const comment_item& item : c.items) {
      out += "<blockquote><strong>" + (item.csat == 0 ? std::string("–") : std::to_string(item.csat)) +
             "/5</strong> " + escape_html(item.text) + "</blockquote>";
    }
    out += "</div>";
  }
  out += "</section>";
}

void groups_section(std::string& out, const columnar_store& store, const report& r, const titles& t) {
  const std::uint32_t k = r.options.k;
  out += "<section id=\"groups\"><h2>All groups</h2><table><tr><th class=\"t\">Group</th>" + std::string(metric_headers);
  for (const std::string& c : store.criteria.words()) out += "<th>" + escape_html(c) + "</th>";
  out += "</tr>";
  for (const group& g : r.groups.groups) {
    const group_metrics m = metrics_of(g.counts, k);
    out += "<tr><td class=\"t\">" + escape_html(t.key(r.groups.by, g.key)) + "</td>" + metric_cells(m, k);
    for (const mean_metric& c : m.criteria) {
      out += m.suppressed || c.suppressed ? (c.n > 0 || m.suppressed ? hidden_cell(k) : "<td>–</td>")
             : c.n == 0                   ? "<td>–</td>"
                                          : "<td>" + fmt(c.mean, 2) + "</td>";
    }
    out += "</tr>";
  }
  out += "</table></section>";
}

}  // namespace

std::string to_html(const columnar_store& store, const report& r, const survey_set& surveys,
                    const html_options& options) {
  const titles t(store, surveys, options.locale);
  std::string out = "<!DOCTYPE html><html lang=\"" + escape_html(options.locale) +
                    "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
                    "<title>" + escape_html(options.title) + "</title><style>" + style + "</style></head><body>";
  out += "<h1>" + escape_html(options.title) + "</h1><p class=\"meta\">";
  out += r.groups.responses >= r.options.k ? std::to_string(r.groups.responses) + " responses"
                                           : "&lt;" + std::to_string(r.options.k) + " responses";
  if (r.input.known) {
    out += " · " + std::to_string(r.input.invalid) + " invalid lines · " + std::to_string(r.input.duplicates) +
           " duplicates dropped";
  }
  out += " · groups with fewer than " + std::to_string(r.options.k) + " responses are hidden (k-anonymity)</p>";
  out += "<nav><a href=\"#journey\">Journey</a><a href=\"#trends\">Trends</a><a href=\"#drivers\">Drivers</a>"
         "<a href=\"#comments\">Comments</a><a href=\"#groups\">All groups</a></nav>";
  journey_section(out, store, r, t);
  trends_section(out, store, r, t);
  drivers_section(out, store, r, t);
  comments_section(out, r, t);
  groups_section(out, store, r, t);
  out += "</body></html>\n";
  return out;
}

}  // namespace otklik::analysis
