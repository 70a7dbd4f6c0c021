// Alerts: every significant drop the core's trend tests found (false discovery rate controlled), latest first,
// for services and for their stages; a row opens the service's trend.
#include <cmath>
#include <string>
#include <vector>

#include "app/i18n.hpp"
#include "views/format.hpp"
#include "views/views.hpp"

namespace otklik::review {

namespace {

struct alert_row {
  const trend_report* report;
  alert where;
  bool stage_level;
};

std::vector<alert_row> rows_of(const view_models& m) {
  std::vector<alert_row> rows;
  for (const alert& a : m.service_alerts) rows.push_back({&m.service_trends, a, false});
  for (const alert& a : m.stage_alerts) rows.push_back({&m.stage_trends, a, true});
  // Latest period first, then the smaller q-value (each family keeps the core's order within itself).
  std::stable_sort(rows.begin(), rows.end(), [](const alert_row& a, const alert_row& b) {
    const auto& pa = a.report->series[a.where.series].points[a.where.point];
    const auto& pb = b.report->series[b.where.series].points[b.where.point];
    if (pa.period != pb.period) return pa.period > pb.period;
    return pa.changes[a.where.change].q_value < pb.changes[b.where.change].q_value;
  });
  return rows;
}

const char* measure_title(measure what) {
  switch (what) {
    case measure::csat_mean: return tr("CSAT mean");
    case measure::csat_top2: return tr("CSAT top-2 share");
    case measure::ces_mean: return tr("CES mean");
    case measure::nps_score: return tr("NPS");
    case measure::criterion_mean: return tr("criterion mean");
    case measure::criterion_top2: return tr("criterion top-2 share");
  }
  return "";
}

int measure_index(measure what) {
  const auto all = trend_measures();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].what == what) return static_cast<int>(i);
  }
  return 0;
}

// A row as shown, its texts formatted once: sorting and formatting every alert in every frame would make an idle
// frame grow with the number of alerts.
struct alert_line {
  std::string period, service, stage, what, before, after, change, q;
  measure what_measure = measure::csat_mean;
  std::uint32_t criterion = 0;
  bool stage_level = false;
};

struct alert_lines {
  const view_models* models = nullptr;
  std::uint64_t generation = 0;
  language lang = language::en;
  std::vector<alert_line> lines;
};

// The lines for these models in the current language, rebuilt when either changed.
const std::vector<alert_line>& lines_of(const view_context& c) {
  static alert_lines cache;
  const view_models& m = *c.models;
  if (cache.models == &m && cache.generation == m.generation && cache.lang == current_language()) return cache.lines;
  cache.models = &m;
  cache.generation = m.generation;
  cache.lang = current_language();
  cache.lines.clear();
  for (const alert_row& row : rows_of(m)) {
    const trend_series& s = row.report->series[row.where.series];
    const trend_point& p = s.points[row.where.point];
    const change& ch = p.changes[row.where.change];
    const bool share = ch.what == measure::csat_top2 || ch.what == measure::criterion_top2;
    const auto value = [&](double v) { return share ? percent(v) : fixed(v, 2); };
    alert_line line;
    line.period = period_label(p.period, row.report->unit);
    line.service = c.names->service(s.key[0]);
    line.stage = row.stage_level ? c.names->stage(s.key[1]) : tr("all stages");
    line.what = measure_title(ch.what);
    if (ch.what == measure::criterion_mean || ch.what == measure::criterion_top2) line.what += ": " + c.names->criterion(ch.criterion);
    line.before = value(ch.before);
    line.after = value(ch.after);
    line.change = share ? signed_fixed(ch.delta * 100.0, 1) + " pp" : signed_fixed(ch.delta, 2);
    line.q = ch.q_value < 0.0001 ? "< 0.0001" : fixed(ch.q_value, 4);
    line.what_measure = ch.what;
    line.criterion = ch.criterion;
    line.stage_level = row.stage_level;
    cache.lines.push_back(std::move(line));
  }
  return cache.lines;
}

}  // namespace

void draw_alerts(view_context& c) {
  const std::vector<alert_line>& lines = lines_of(c);
  ImGui::Text("%s %zu", tr("Significant drops:"), lines.size());
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr("(tests against the previous period, false discovery rate 5 %)"));
  if (lines.empty()) {
    ImGui::TextDisabled("%s", tr("No significant drop under this filter."));
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInner | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("##alerts", 8, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  // Widths by what the columns hold: names and measures get room, numbers little.
  const std::pair<const char*, float> columns[] = {{"Period", 0.8f}, {"Service", 1.6f}, {"Stage", 1.3f}, {"Measure", 2.4f},
                                                   {"Before", 0.8f}, {"After", 0.8f}, {"Change", 0.8f}, {"q-value", 0.8f}};
  for (const auto& [h, weight] : columns) ImGui::TableSetupColumn(tr(h), ImGuiTableColumnFlags_WidthStretch, weight);
  ImGui::TableHeadersRow();
  const ImVec4 drop = ImGui::ColorConvertU32ToFloat4(colors().drop);
  // Only the rows in view are submitted.
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(lines.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const alert_line& line = lines[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(i);
      if (ImGui::Selectable(line.period.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
        const measure what = line.what_measure;
        c.choices->trend_measure = what == measure::criterion_top2 ? measure_index(measure::criterion_mean) : measure_index(what);
        if (what == measure::criterion_mean || what == measure::criterion_top2) {
          c.choices->trend_criterion = static_cast<int>(line.criterion);
        }
        c.choices->trend_stages = line.stage_level;
        c.choices->go_to = view_id::trends;
      }
      ImGui::PopID();
      for (const std::string* text : {&line.service, &line.stage, &line.what, &line.before, &line.after}) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(text->c_str());
      }
      ImGui::TableNextColumn();
      ImGui::PushStyleColor(ImGuiCol_Text, drop);
      ImGui::TextUnformatted(line.change.c_str());
      ImGui::PopStyleColor();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(line.q.c_str());
    }
  }
  ImGui::EndTable();
}

std::string alerts_csv(const view_context& c) {
  const view_models& m = *c.models;
  const columnar_store& store = m.data->store;
  csv_table table({"period", "service", "stage", "measure", "criterion", "before", "after", "change", "p_value", "q_value"});
  for (const alert_row& row : rows_of(m)) {
    const trend_series& s = row.report->series[row.where.series];
    const trend_point& p = s.points[row.where.point];
    const change& ch = p.changes[row.where.change];
    const bool per_criterion = ch.what == measure::criterion_mean || ch.what == measure::criterion_top2;
    table.row({period_label(p.period, row.report->unit), store.services.word(s.key[0]),
               row.stage_level ? store.stages.word(s.key[1]) : "", std::string(to_string(ch.what)),
               per_criterion ? store.criteria.word(ch.criterion) : "", csv_number(ch.before, false),
               csv_number(ch.after, false), csv_number(ch.delta, false), csv_number(ch.test.p_value, false),
               csv_number(ch.q_value, false)});
  }
  return table.text();
}

}  // namespace otklik::review
