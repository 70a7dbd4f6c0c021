// Trends: per service a line over the periods with its 95 % interval band, markers where a significant drop
// (false discovery rate controlled by the core) was found, and optional thin lines per stage.
#include <cmath>
#include <limits>

#include "app/i18n.hpp"
#include "charts/series.hpp"
#include "views/format.hpp"
#include "views/views.hpp"

namespace otklik::review {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

constexpr std::array<trend_measure, 5> measures{{
    {measure::csat_mean, "CSAT mean (1–5)", 1.0, 5.0},
    {measure::csat_top2, "CSAT top-2 share (%)", 0.0, 100.0},
    {measure::nps_score, "NPS (−100..100)", -100.0, 100.0},
    {measure::ces_mean, "CES mean (1–7)", 1.0, 7.0},
    {measure::criterion_mean, "Criterion mean (1–5)", 1.0, 5.0},
}};

// The value of the chosen measure at a point with its interval; NaN where hidden or not asked.
struct value_with_interval {
  double value = nan, low = nan, high = nan;
  std::uint64_t n = 0;
};

value_with_interval value_of(const trend_point& p, measure what, std::uint32_t criterion) {
  const group_metrics& m = p.metrics;
  if (m.suppressed) return {};
  switch (what) {
    case measure::csat_mean:
      if (m.csat.suppressed || m.csat.n == 0) return {};
      return {m.csat.mean, m.csat.mean_ci95.low, m.csat.mean_ci95.high, m.csat.n};
    case measure::csat_top2:
      if (m.csat.suppressed || m.csat.n == 0) return {};
      return {m.csat.top2 * 100.0, m.csat.top2_ci95.low * 100.0, m.csat.top2_ci95.high * 100.0, m.csat.n};
    case measure::nps_score:
      if (m.nps.suppressed || m.nps.n == 0) return {};
      return {m.nps.score, m.nps.ci95.low, m.nps.ci95.high, m.nps.n};
    case measure::ces_mean:
      if (m.ces.suppressed || m.ces.n == 0) return {};
      return {m.ces.mean, m.ces.ci95.low, m.ces.ci95.high, m.ces.n};
    case measure::criterion_mean:
    case measure::criterion_top2: {
      if (criterion >= m.criteria.size()) return {};
      const mean_metric& c = m.criteria[criterion];
      if (c.suppressed || c.n == 0) return {};
      return {c.mean, c.ci95.low, c.ci95.high, c.n};
    }
  }
  return {};
}

// The change of the chosen measure at a point, when it was tested.
const change* change_of(const trend_point& p, measure what, std::uint32_t criterion) {
  for (const change& c : p.changes) {
    const bool criterion_measure = what == measure::criterion_mean || what == measure::criterion_top2;
    if (c.what == what && (!criterion_measure || c.criterion == criterion)) return &c;
  }
  return nullptr;
}

struct period_span {
  std::uint32_t first = std::numeric_limits<std::uint32_t>::max(), last = 0;
};

period_span span_of(const trend_report& r) {
  period_span s;
  for (const trend_series& series : r.series) {
    for (const trend_point& p : series.points) {
      s.first = std::min(s.first, p.period);
      s.last = std::max(s.last, p.period);
    }
  }
  return s;
}

void draw_service(const trend_series& series, const view_models& m, const view_choices& choose, const titles& names,
                  const fonts& type, period_span span) {
  const palette& c = colors();
  const float font = ImGui::GetFontSize();
  const trend_measure& chosen = measures[static_cast<std::size_t>(choose.trend_measure)];
  const auto criterion = static_cast<std::uint32_t>(choose.trend_criterion);
  const std::uint32_t service = series.key[0];

  std::vector<double> xs, ys, lows, highs;
  double low = std::numeric_limits<double>::infinity(), high = -low;
  for (const trend_point& p : series.points) {
    const value_with_interval v = value_of(p, chosen.what, criterion);
    xs.push_back(static_cast<double>(p.period));
    ys.push_back(v.value);
    lows.push_back(v.low);
    highs.push_back(v.high);
    for (const double x : {v.value, v.low, v.high}) {
      if (!std::isnan(x)) {
        low = std::min(low, x);
        high = std::max(high, x);
      }
    }
  }
  // Stage lines share the axis.
  std::vector<const trend_series*> stages;
  if (choose.trend_stages) {
    for (const trend_series& s : m.stage_trends.series) {
      if (s.key[0] != service) continue;
      stages.push_back(&s);
      for (const trend_point& p : s.points) {
        const double v = value_of(p, chosen.what, criterion).value;
        if (!std::isnan(v)) {
          low = std::min(low, v);
          high = std::max(high, v);
        }
      }
    }
  }
  ImGui::PushFont(type.bold);
  ImGui::TextUnformatted(names.service(service).c_str());
  ImGui::PopFont();
  if (!(low <= high)) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("no period with at least k answers"));
    return;
  }
  const double pad = std::max((high - low) * 0.15, (chosen.high - chosen.low) * 0.02);
  const charts::range y{std::max(chosen.low, low - pad), std::min(chosen.high, high + pad)};
  const charts::range x{static_cast<double>(span.first) - 0.5, static_cast<double>(span.last) + 0.5};
  const std::string id = std::string("##trend").append(std::to_string(service));
  charts::plot p(id.c_str(), ImVec2(0.0f, font * 11.0f), x, y);
  if (!p.visible()) return;   // scrolled out of view: its place is kept, nothing drawn
  p.y_axis(tr(chosen.title), chosen.high - chosen.low > 20.0 ? "%.0f" : "%.1f");
  // Period labels, thinned to what fits.
  const std::size_t periods = span.last - span.first + 1;
  const float label_width = ImGui::CalcTextSize("2026-W48").x + font;
  const std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(label_width * static_cast<float>(periods) /
                                                                                         (p.inner_max().x - p.inner_min().x))));
  for (std::uint32_t period = span.first; period <= span.last; period += static_cast<std::uint32_t>(every)) {
    const std::string label = period_label(period, m.unit);
    const ImVec2 at = p.at(period, y.min);
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    p.draw()->AddText(ImVec2(at.x - size.x * 0.5f, at.y + 2.0f), c.muted, label.c_str());
  }
  for (std::size_t i = 0; i < stages.size(); ++i) {
    std::vector<double> sx, sy;
    for (const trend_point& point : stages[i]->points) {
      sx.push_back(point.period);
      sy.push_back(value_of(point, chosen.what, criterion).value);
    }
    const ImU32 color = c.series[(i + 1) % 6];
    charts::line(p, sx, sy, color, 1.5f);
    charts::points(p, sx, sy, color, 2.5f);
    // Legend at the right end of the line.
    for (std::size_t j = sy.size(); j-- > 0;) {
      if (std::isnan(sy[j])) continue;
      const ImVec2 at = p.at(sx[j], sy[j]);
      p.draw()->AddText(ImVec2(at.x - ImGui::CalcTextSize(names.stage(stages[i]->key[1]).c_str()).x - 4.0f, at.y + 2.0f),
                        color, names.stage(stages[i]->key[1]).c_str());
      break;
    }
  }
  charts::band(p, xs, lows, highs, c.band);
  charts::line(p, xs, ys, c.bar, 2.5f);
  charts::points(p, xs, ys, c.bar, 3.5f);
  for (std::size_t i = 0; i < series.points.size(); ++i) {
    const change* ch = change_of(series.points[i], chosen.what, criterion);
    if (ch != nullptr && ch->significant && ch->worse && !std::isnan(ys[i])) {
      charts::drop_marker(p, xs[i], std::isnan(highs[i]) ? ys[i] : highs[i], c.drop);
    }
  }
  const int hovered = charts::hovered_point(p, xs, ys, font * 1.5f);
  if (hovered >= 0) {
    const auto i = static_cast<std::size_t>(hovered);
    const trend_point& point = series.points[i];
    p.draw()->AddCircle(p.at(xs[i], ys[i]), 6.0f, c.ink, 0, 2.0f);
    ImGui::BeginTooltip();
    ImGui::Text("%s · %s", names.service(service).c_str(), period_label(point.period, m.unit).c_str());
    ImGui::Text("%s: %s %s", tr(chosen.title), fixed(ys[i], 2).c_str(), interval_text({lows[i], highs[i]}, 2).c_str());
    ImGui::Text("%s %s", tr("responses:"), count_text(point.metrics.responses, false, m.k).c_str());
    if (const change* ch = change_of(point, chosen.what, criterion)) {
      const double scale = chosen.what == measure::csat_top2 ? 100.0 : 1.0;
      ImGui::Text("%s %s, q = %s", tr("Change from the previous period:"), signed_fixed(ch->delta * scale, 2).c_str(),
                  fixed(ch->q_value, 4).c_str());
      if (ch->significant && ch->worse) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.drop), "%s", tr("Significant drop (alert)"));
      }
    }
    ImGui::EndTooltip();
  }
}

}  // namespace

std::span<const trend_measure> trend_measures() noexcept { return measures; }

void draw_trends(view_context& c) {
  const view_models& m = *c.models;
  view_choices& choose = *c.choices;
  const float font = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(font * 14.0f);
  if (ImGui::BeginCombo(tr("Measure"), tr(measures[static_cast<std::size_t>(choose.trend_measure)].title))) {
    for (std::size_t i = 0; i < measures.size(); ++i) {
      if (ImGui::Selectable(tr(measures[i].title), static_cast<std::size_t>(choose.trend_measure) == i)) {
        choose.trend_measure = static_cast<int>(i);
      }
    }
    ImGui::EndCombo();
  }
  if (measures[static_cast<std::size_t>(choose.trend_measure)].what == measure::criterion_mean) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(font * 12.0f);
    const columnar_store& store = m.data->store;
    if (choose.trend_criterion >= static_cast<int>(store.criteria.size())) choose.trend_criterion = 0;
    const std::string current = store.criteria.size() == 0 ? "" : c.names->criterion(static_cast<std::uint32_t>(choose.trend_criterion));
    if (ImGui::BeginCombo(tr("Criterion"), current.c_str())) {
      for (std::uint32_t code = 0; code < store.criteria.size(); ++code) {
        if (ImGui::Selectable(c.names->criterion(code).c_str(), choose.trend_criterion == static_cast<int>(code))) {
          choose.trend_criterion = static_cast<int>(code);
        }
      }
      ImGui::EndCombo();
    }
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(font * 8.0f);
  const char* units[] = {tr("day"), tr("week"), tr("month")};
  int unit = static_cast<int>(choose.trend_unit);
  if (ImGui::Combo(tr("Period"), &unit, units, 3)) choose.trend_unit = static_cast<period_unit>(unit);
  ImGui::SameLine();
  ImGui::Checkbox(tr("Stages"), &choose.trend_stages);
  ImGui::TextDisabled("%s", tr("Line: the measure per period; band: its 95 % interval; ▼: a significant drop (alert)."));
  const period_span span = span_of(m.service_trends);
  if (m.service_trends.series.empty()) ImGui::TextDisabled("%s", tr("No responses pass the filter."));
  for (const trend_series& s : m.service_trends.series) {
    ImGui::Spacing();
    draw_service(s, m, choose, *c.names, *c.type, span);
  }
}

std::string trends_csv(const view_context& c) {
  const view_models& m = *c.models;
  const columnar_store& store = m.data->store;
  csv_table table({"service", "stage", "period", "responses", "measure", "criterion", "value", "low", "high", "change",
                   "q_value", "alert"});
  const auto add = [&](const trend_report& r, bool with_stage) {
    for (const trend_series& s : r.series) {
      for (const trend_point& p : s.points) {
        const std::string service = store.services.word(s.key[0]);
        const std::string stage = with_stage ? store.stages.word(s.key[1]) : "";
        const std::string responses = p.metrics.suppressed ? below_k(m.k) : std::to_string(p.counts.responses);
        for (const trend_measure& tm : measures) {
          const bool per_criterion = tm.what == measure::criterion_mean;
          const std::uint32_t criteria = per_criterion ? static_cast<std::uint32_t>(store.criteria.size()) : 1;
          for (std::uint32_t code = 0; code < criteria; ++code) {
            if (per_criterion && (p.counts.criteria.size() <= code || p.counts.criteria[code].answered() == 0)) continue;
            const value_with_interval v = value_of(p, tm.what, code);
            const change* ch = change_of(p, tm.what, code);
            const bool hidden = std::isnan(v.value);
            // Shares as the reports write them (0..1), though the chart shows percent.
            const double unit = tm.what == measure::csat_top2 ? 0.01 : 1.0;
            table.row({service, stage, period_label(p.period, m.unit), responses, std::string(to_string(tm.what)),
                       per_criterion ? store.criteria.word(code) : "", csv_number(v.value * unit, hidden),
                       csv_number(v.low * unit, hidden), csv_number(v.high * unit, hidden),
                       ch != nullptr ? csv_number(ch->delta, false) : "",
                       ch != nullptr ? csv_number(ch->q_value, false) : "",
                       ch != nullptr && ch->significant && ch->worse ? "yes" : ""});
          }
        }
      }
    }
  };
  add(m.service_trends, false);
  add(m.stage_trends, true);
  return table.text();
}

}  // namespace otklik::review
