// Journey: each service's stages left to right, CSAT mean per stage with its interval, the stage where
// satisfaction falls most marked in the drop colour, and a table of criteria by stage.
#include <algorithm>
#include <cmath>

#include "app/i18n.hpp"
#include "charts/bars.hpp"
#include "views/format.hpp"
#include "views/views.hpp"

namespace otklik::review {

namespace {

bool step_shown(const journey_step& s) {
  return s.counts.responses > 0 && !s.metrics.suppressed && s.metrics.csat.n > 0 && !s.metrics.csat.suppressed;
}

std::string p_text(double p) {
  if (std::isnan(p)) return {};
  if (p < 0.001) return "p < 0.001";
  return "p = " + fixed(p, 3);
}

void step_tooltip(const journey_step& s, const titles& names, std::uint32_t k) {
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(names.stage(s.stage).c_str());
  if (s.counts.responses == 0) {
    ImGui::TextDisabled("%s", tr("no responses"));
  } else if (!step_shown(s)) {
    ImGui::TextDisabled("%s %s", tr("responses:"), count_text(s.counts.responses, true, k).c_str());
  } else {
    const group_metrics& m = s.metrics;
    ImGui::Text("%s %s", tr("responses:"), count_text(m.responses, false, k).c_str());
    ImGui::Text("CSAT %s %s", fixed(m.csat.mean, 2).c_str(), interval_text(m.csat.mean_ci95, 2).c_str());
    ImGui::Text("%s %s", tr("Top-2"), percent(m.csat.top2).c_str());
    if (!std::isnan(s.csat_change)) {
      ImGui::Text("%s %s (%s)", tr("Change from the previous stage:"), signed_fixed(s.csat_change, 2).c_str(),
                  p_text(s.csat_test.p_value).c_str());
    }
  }
  ImGui::EndTooltip();
}

// The bars of a service's stages on its chart, with values, changes and the hovered stage's tooltip.
void draw_steps(const charts::plot& p, const service_journey& j, const view_models& m, const titles& names) {
  const float font = ImGui::GetFontSize();
  const palette& c = colors();
  std::vector<std::string> labels;
  for (const journey_step& s : j.steps) labels.push_back(names.stage(s.stage));
  p.y_axis(tr("CSAT, mean of 1–5"), "%.0f");
  p.x_categories(labels);
  const std::string hidden = below_k(m.k);
  int hovered = -1;
  for (std::size_t i = 0; i < j.steps.size(); ++i) {
    const journey_step& s = j.steps[i];
    const double x = static_cast<double>(i);
    if (charts::column_hovered(p, x)) hovered = static_cast<int>(i);
    if (s.counts.responses == 0) continue;
    if (!step_shown(s)) {
      charts::hidden_bar(p, x, hidden.c_str());
      continue;
    }
    const bool drop = j.biggest_drop && *j.biggest_drop == i;
    charts::bar(p, x, s.metrics.csat.mean, s.metrics.csat.mean_ci95.low, s.metrics.csat.mean_ci95.high,
                drop ? c.drop : c.bar, c.ink);
    const std::string value = fixed(s.metrics.csat.mean, 2);
    const ImVec2 top = p.at(x, s.metrics.csat.mean_ci95.high);
    const ImVec2 size = ImGui::CalcTextSize(value.c_str());
    p.draw()->AddText(ImVec2(top.x + p.x_step() * 0.12f, top.y - size.y), c.ink, value.c_str());
    if (!std::isnan(s.csat_change)) {
      const std::string change = signed_fixed(s.csat_change, 2);
      const ImVec2 floor = p.at(x - 0.5, 1.0);
      const ImVec2 csize = ImGui::CalcTextSize(change.c_str());
      p.draw()->AddText(ImVec2(floor.x - csize.x * 0.5f, floor.y - csize.y - font * 0.3f), drop ? c.drop : c.muted,
                        change.c_str());
    }
  }
  if (hovered >= 0) step_tooltip(j.steps[static_cast<std::size_t>(hovered)], names, m.k);
}

void draw_service(const service_journey& j, const view_models& m, const titles& names, const fonts& type) {
  const float font = ImGui::GetFontSize();
  const palette& c = colors();
  ImGui::PushFont(type.bold);
  ImGui::TextUnformatted(names.service(j.service).c_str());
  ImGui::PopFont();
  if (j.biggest_drop) {
    const journey_step& drop = j.steps[*j.biggest_drop];
    // The stage before the drop is the previous shown one.
    std::size_t before = *j.biggest_drop;
    while (before > 0 && !step_shown(j.steps[--before])) {
    }
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.drop));
    ImGui::Text("▼ %s %s → %s: %s (%s)", tr("Biggest drop:"), names.stage(j.steps[before].stage).c_str(),
                names.stage(drop.stage).c_str(), signed_fixed(drop.csat_change, 2).c_str(),
                p_text(drop.csat_test.p_value).c_str());
    ImGui::PopStyleColor();
  }
  const std::string id = std::string("##journey").append(std::to_string(j.service));
  charts::plot p(id.c_str(), ImVec2(0.0f, font * 12.0f), {-0.5, static_cast<double>(j.steps.size()) - 0.5}, {1.0, 5.0});
  if (p.visible()) draw_steps(p, j, m, names);   // scrolled out of view: its place is kept, nothing drawn

  // Criteria by stage: mean with colour by level, "<k" where hidden, empty where not asked.
  const std::string table_id = std::string("##criteria").append(std::to_string(j.service));
  std::vector<std::uint32_t> criteria;
  for (const journey_step& s : j.steps) {
    for (std::uint32_t code = 0; code < s.metrics.criteria.size(); ++code) {
      if (s.counts.criteria.size() > code && s.counts.criteria[code].answered() > 0 &&
          std::find(criteria.begin(), criteria.end(), code) == criteria.end()) {
        criteria.push_back(code);
      }
    }
  }
  if (criteria.empty()) return;
  const std::string hidden = below_k(m.k);
  const int columns = static_cast<int>(j.steps.size()) + 1;
  if (ImGui::BeginTable(table_id.c_str(), columns, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableSetupColumn(tr("Criterion"));
    for (const journey_step& s : j.steps) ImGui::TableSetupColumn(names.stage(s.stage).c_str());
    ImGui::TableHeadersRow();
    for (const std::uint32_t code : criteria) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(names.criterion(code).c_str());
      for (const journey_step& s : j.steps) {
        ImGui::TableNextColumn();
        if (code >= s.metrics.criteria.size() || s.counts.criteria.size() <= code ||
            s.counts.criteria[code].answered() == 0) {
          continue;
        }
        const mean_metric& cm = s.metrics.criteria[code];
        if (s.metrics.suppressed || cm.suppressed) {
          ImGui::TextDisabled("%s", hidden.c_str());
          continue;
        }
        // Red below 3, green from 4, in between amber: the cell's background says the level at a glance.
        const ImU32 level = cm.mean < 3.0 ? c.drop : cm.mean < 4.0 ? c.warn : c.good;
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, (level & 0x00FFFFFFu) | 0x38000000u);
        ImGui::Text("%s", fixed(cm.mean, 2).c_str());
        if (ImGui::IsItemHovered()) {
          ImGui::SetTooltip("%s · %s\n%s %s\n%s %s\n%s %s", names.criterion(code).c_str(), names.stage(s.stage).c_str(),
                            tr("mean"), (fixed(cm.mean, 2) + " " + interval_text(cm.ci95, 2)).c_str(), tr("Top-2"),
                            percent(cm.top2).c_str(), tr("answers"), count_text(cm.n, false, 0).c_str());
        }
      }
    }
    ImGui::EndTable();
  }
}

}  // namespace

void draw_journey(view_context& c) {
  const view_models& m = *c.models;
  view_choices& choose = *c.choices;
  const std::string current =
      choose.journey_service < 0 ? tr("All services") : c.names->service(static_cast<std::uint32_t>(choose.journey_service));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18.0f);
  if (ImGui::BeginCombo(tr("Service"), current.c_str())) {
    if (ImGui::Selectable(tr("All services"), choose.journey_service < 0)) choose.journey_service = -1;
    for (const service_journey& j : m.journeys) {
      const bool selected = choose.journey_service == static_cast<int>(j.service);
      if (ImGui::Selectable(c.names->service(j.service).c_str(), selected)) choose.journey_service = static_cast<int>(j.service);
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr("Bars: CSAT mean with 95 % interval; red: the biggest drop from the stage before."));
  if (m.journeys.empty()) ImGui::TextDisabled("%s", tr("No responses pass the filter."));
  // A chosen service the filter has since removed shows every service rather than nothing.
  const bool chosen_present = std::any_of(m.journeys.begin(), m.journeys.end(), [&](const service_journey& j) {
    return static_cast<int>(j.service) == choose.journey_service;
  });
  for (const service_journey& j : m.journeys) {
    if (chosen_present && static_cast<int>(j.service) != choose.journey_service) continue;
    ImGui::Spacing();
    draw_service(j, m, *c.names, *c.type);
  }
}

std::string journey_csv(const view_context& c) {
  const view_models& m = *c.models;
  const columnar_store& store = m.data->store;
  csv_table table({"service", "stage", "responses", "csat_mean", "csat_mean_low", "csat_mean_high", "csat_top2",
                   "csat_change", "csat_change_p", "biggest_drop", "criterion", "criterion_mean", "criterion_low",
                   "criterion_high"});
  for (const service_journey& j : m.journeys) {
    for (std::size_t i = 0; i < j.steps.size(); ++i) {
      const journey_step& s = j.steps[i];
      if (s.counts.responses == 0) continue;
      const bool hidden = !step_shown(s);
      const std::vector<std::string> head{
          store.services.word(j.service), store.stages.word(s.stage),
          s.metrics.suppressed ? below_k(m.k) : std::to_string(s.counts.responses),
          csv_number(s.metrics.csat.mean, hidden), csv_number(s.metrics.csat.mean_ci95.low, hidden),
          csv_number(s.metrics.csat.mean_ci95.high, hidden), csv_number(s.metrics.csat.top2, hidden),
          csv_number(s.csat_change, hidden), csv_number(s.csat_test.p_value, hidden),
          j.biggest_drop && *j.biggest_drop == i ? "yes" : ""};
      bool any = false;
      for (std::uint32_t code = 0; code < s.metrics.criteria.size(); ++code) {
        if (s.counts.criteria.size() <= code || s.counts.criteria[code].answered() == 0) continue;
        const mean_metric& cm = s.metrics.criteria[code];
        const bool criterion_hidden = s.metrics.suppressed || cm.suppressed;
        std::vector<std::string> row = head;
        row.insert(row.end(), {store.criteria.word(code), csv_number(cm.mean, criterion_hidden),
                               csv_number(cm.ci95.low, criterion_hidden), csv_number(cm.ci95.high, criterion_hidden)});
        table.row(row);
        any = true;
      }
      if (!any) {
        std::vector<std::string> row = head;
        row.insert(row.end(), {"", "", "", ""});
        table.row(row);
      }
    }
  }
  return table.text();
}

}  // namespace otklik::review
