// Drivers: importance (correlation with overall satisfaction) against performance (criterion mean) for one
// service or stage, the "fix first" quadrant shaded, and the core's ranking in a table.
#include <algorithm>
#include <cmath>

#include "app/i18n.hpp"
#include "charts/scatter.hpp"
#include "views/format.hpp"
#include "views/views.hpp"

namespace otklik::review {

namespace {

std::string table_title(const driver_table& t, const titles& names) {
  return names.service(t.service) + " — " + (t.stage ? names.stage(*t.stage) : std::string(tr("all stages")));
}

const char* quadrant_title(quadrant q) {
  switch (q) {
    case quadrant::fix_first: return tr("fix first");
    case quadrant::keep_up: return tr("keep up");
    case quadrant::low_priority: return tr("low priority");
    case quadrant::possible_overkill: return tr("possible overkill");
  }
  return "";
}

}  // namespace

void draw_drivers(view_context& c) {
  const view_models& m = *c.models;
  view_choices& choose = *c.choices;
  const palette& colours = colors();
  const float font = ImGui::GetFontSize();
  if (m.drivers.empty()) {
    ImGui::TextDisabled("%s", tr("No responses pass the filter."));
    return;
  }
  // The chosen table by identity, so that a filter change keeps showing the same service and stage.
  const auto is_chosen = [&](const driver_table& t) {
    return static_cast<int>(t.service) == choose.driver_service &&
           (t.stage ? static_cast<int>(*t.stage) : -1) == choose.driver_stage;
  };
  const auto found = std::find_if(m.drivers.begin(), m.drivers.end(), is_chosen);
  const driver_table& t = found != m.drivers.end() ? *found : m.drivers.front();
  ImGui::SetNextItemWidth(font * 24.0f);
  if (ImGui::BeginCombo(tr("Drivers of"), table_title(t, *c.names).c_str())) {
    for (const driver_table& option : m.drivers) {
      const std::string title = (option.stage ? "    " : "") + table_title(option, *c.names);
      if (ImGui::Selectable(title.c_str(), &option == &t)) {
        choose.driver_service = static_cast<int>(option.service);
        choose.driver_stage = option.stage ? static_cast<int>(*option.stage) : -1;
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr("Importance: correlation with overall satisfaction. Performance: criterion mean."));
  if (t.suppressed) {
    ImGui::TextDisabled("%s %s", tr("Hidden: fewer than k responses"), count_text(t.responses, true, m.k).c_str());
    return;
  }
  double importance = 0.0, performance = 0.0, shown = 0.0;
  double r_low = 0.0, r_high = 0.0;
  for (const driver& d : t.drivers) {
    if (d.suppressed) continue;
    importance += d.correlation;
    performance += d.mean;
    shown += 1.0;
    r_low = std::min(r_low, d.correlation);
    r_high = std::max(r_high, d.correlation);
  }
  if (shown == 0.0) {
    ImGui::TextDisabled("%s", tr("No criterion has at least k paired answers."));
    return;
  }
  importance /= shown;
  performance /= shown;
  const charts::range x{1.0, 5.0};
  const charts::range y{std::max(-1.0, r_low - 0.1), std::min(1.0, r_high + 0.1)};
  charts::plot p("##drivers", ImVec2(0.0f, font * 18.0f), x, y);
  p.y_axis(tr("Importance (r)"), "%.1f");
  p.x_axis(tr("Performance (mean 1–5)"), "%.1f");
  charts::fix_first_quadrant(p, performance, importance, tr("FIX FIRST"));
  const driver* hovered = nullptr;
  for (const driver& d : t.drivers) {
    if (d.suppressed) continue;
    const bool fix = d.where == quadrant::fix_first;
    const std::string label = std::string("#").append(std::to_string(d.rank)).append(" ").append(c.names->criterion(d.criterion));
    if (charts::labelled_point(p, d.mean, d.correlation, label, fix ? colours.drop : colours.bar, d.rank == 1)) hovered = &d;
  }
  if (hovered != nullptr) {
    ImGui::BeginTooltip();
    ImGui::Text("#%u %s — %s", hovered->rank, c.names->criterion(hovered->criterion).c_str(), quadrant_title(hovered->where));
    ImGui::Text("%s r = %s %s", tr("importance"), fixed(hovered->correlation, 3).c_str(),
                interval_text(hovered->correlation_ci95, 3).c_str());
    ImGui::Text("%s %s, %s %s", tr("performance"), fixed(hovered->mean, 2).c_str(), tr("top-2"), percent(hovered->top2).c_str());
    ImGui::Text("%s %s", tr("pairs of answers:"), count_text(hovered->n, false, m.k).c_str());
    ImGui::EndTooltip();
  }

  if (ImGui::BeginTable("##driver_table", 8, ImGuiTableFlags_Borders)) {
    const std::pair<const char*, float> columns[] = {{"#", 0.3f},    {"Criterion", 1.6f}, {"Importance r", 0.9f},
                                                     {"95 % interval", 1.3f}, {"Mean", 0.7f}, {"Top-2", 0.7f},
                                                     {"Priority", 0.8f}, {"Quadrant", 1.4f}};
    for (const auto& [h, weight] : columns) ImGui::TableSetupColumn(tr(h), ImGuiTableColumnFlags_WidthStretch, weight);
    ImGui::TableHeadersRow();
    for (const driver& d : t.drivers) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (d.suppressed) {
        ImGui::TextDisabled("—");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(c.names->criterion(d.criterion).c_str());
        ImGui::TableNextColumn();
        // Hidden below k pairs, or without the spread a correlation needs.
        ImGui::TextDisabled("%s", d.n < m.k ? count_text(d.n, true, m.k).c_str() : tr("no spread"));
        continue;
      }
      ImGui::Text("%u", d.rank);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(c.names->criterion(d.criterion).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(fixed(d.correlation, 3).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(interval_text(d.correlation_ci95, 3).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(fixed(d.mean, 2).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(percent(d.top2).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(fixed(d.priority, 3).c_str());
      ImGui::TableNextColumn();
      if (d.where == quadrant::fix_first) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colours.drop), "%s", quadrant_title(d.where));
      } else {
        ImGui::TextUnformatted(quadrant_title(d.where));
      }
    }
    ImGui::EndTable();
  }
}

std::string drivers_csv(const view_context& c) {
  const view_models& m = *c.models;
  const columnar_store& store = m.data->store;
  csv_table table({"service", "stage", "responses", "rank", "criterion", "n", "correlation", "correlation_low",
                   "correlation_high", "mean", "top2", "priority", "quadrant"});
  for (const driver_table& t : m.drivers) {
    const std::string service = store.services.word(t.service);
    const std::string stage = t.stage ? store.stages.word(*t.stage) : "";
    const std::string responses = t.suppressed ? below_k(m.k) : std::to_string(t.responses);
    if (t.suppressed) {
      table.row({service, stage, responses, "", "", "", "", "", "", "", "", "", ""});
      continue;
    }
    for (const driver& d : t.drivers) {
      const bool h = d.suppressed;
      table.row({service, stage, responses, h ? "" : std::to_string(d.rank), store.criteria.word(d.criterion),
                 h ? below_k(m.k) : std::to_string(d.n), csv_number(d.correlation, h),
                 csv_number(d.correlation_ci95.low, h), csv_number(d.correlation_ci95.high, h), csv_number(d.mean, h),
                 csv_number(d.top2, h), csv_number(d.priority, h), h ? "" : std::string(to_string(d.where))});
    }
  }
  return table.text();
}

}  // namespace otklik::review
