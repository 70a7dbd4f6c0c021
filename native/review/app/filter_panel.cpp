// Filter panel: a list is "all" while nothing is ticked off; unticking an item keeps all the others, and the
// last ticked item cannot be unticked (an empty choice would silently mean "all" again).
#include "app/filter_panel.hpp"

#include <algorithm>
#include <numeric>

#include <imgui.h>

#include "app/i18n.hpp"
#include "otklik/period.hpp"

namespace otklik::review {

namespace {

// One dimension's checkbox list; `codes` are the values the store has, `label(code)` their titles.
template <class Label>
bool code_list(const char* title, const char* id, std::vector<std::uint32_t>& chosen,
               const std::vector<std::uint32_t>& codes, Label&& label, float max_height, ImGuiTextFilter* search) {
  bool changed = false;
  const std::string header = std::string(title) + (chosen.empty() ? "" : " (" + std::to_string(chosen.size()) + ")") +
                             "###" + id;
  if (!ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return false;
  ImGui::PushID(id);
  if (!chosen.empty()) {
    if (ImGui::SmallButton(tr("All"))) {
      chosen.clear();
      changed = true;
    }
  }
  if (search != nullptr) search->Draw(tr("Find"), ImGui::GetContentRegionAvail().x * 0.6f);
  const float height = std::min(max_height, ImGui::GetFrameHeightWithSpacing() * static_cast<float>(codes.size()) + 4.0f);
  ImGui::BeginChild("##list", ImVec2(0.0f, height), false);
  for (const std::uint32_t code : codes) {
    const std::string text = label(code);
    if (search != nullptr && !search->PassFilter(text.c_str())) continue;
    bool on = chosen.empty() || std::find(chosen.begin(), chosen.end(), code) != chosen.end();
    ImGui::PushID(static_cast<int>(code));
    if (ImGui::Checkbox(text.c_str(), &on)) {
      if (chosen.empty()) {
        // From "all": keep every other value.
        for (const std::uint32_t other : codes) {
          if (other != code) chosen.push_back(other);
        }
        changed = true;
      } else if (on) {
        chosen.push_back(code);
        if (chosen.size() == codes.size()) chosen.clear();
        changed = true;
      } else if (chosen.size() > 1) {
        chosen.erase(std::find(chosen.begin(), chosen.end(), code));
        changed = true;
      }
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::PopID();
  return changed;
}

std::vector<std::uint32_t> all_codes(std::size_t n, std::uint32_t from = 0) {
  std::vector<std::uint32_t> codes(n > from ? n - from : 0);
  std::iota(codes.begin(), codes.end(), from);
  return codes;
}

}  // namespace

bool draw_filter_panel(filter_state& state, const dataset& data, const titles& names) {
  const columnar_store& store = data.store;
  const float font = ImGui::GetFontSize();
  bool changed = false;
  ImGui::TextUnformatted(tr("Filters"));
  if (!state.empty()) {
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("Reset all"))) {
      state = filter_state{};
      changed = true;
    }
  }
  // Services with rows, in code order.
  std::vector<std::uint32_t> services;
  for (const store_segment& s : store.segments) {
    if (s.size() > 0 && std::find(services.begin(), services.end(), s.service) == services.end()) services.push_back(s.service);
  }
  std::sort(services.begin(), services.end());
  changed |= code_list(tr("Service"), "service", state.services, services,
                       [&](std::uint32_t c) { return names.service(c); }, font * 8.0f, nullptr);
  // Stages of the chosen services in journey order.
  std::vector<std::uint32_t> stages;
  for (const std::uint32_t service : services) {
    if (!state.services.empty() && std::find(state.services.begin(), state.services.end(), service) == state.services.end()) {
      continue;
    }
    if (service >= store.journey.size()) continue;
    for (const std::uint16_t stage : store.journey[service]) {
      if (std::find(stages.begin(), stages.end(), stage) == stages.end()) stages.push_back(stage);
    }
  }
  changed |= code_list(tr("Stage"), "stage", state.stages, stages, [&](std::uint32_t c) { return names.stage(c); },
                       font * 10.0f, nullptr);
  changed |= code_list(tr("Channel"), "channel", state.channels, all_codes(5),
                       [&](std::uint32_t c) { return names.label(dimension::channel, c, period_unit::month); }, font * 8.0f,
                       nullptr);
  static ImGuiTextFilter region_search;
  changed |= code_list(tr("Region"), "region", state.regions, all_codes(store.regions.size()),
                       [&](std::uint32_t c) { return names.label(dimension::region, c, period_unit::month); },
                       font * 9.0f, store.regions.size() > 8 ? &region_search : nullptr);
  changed |= code_list(tr("Locale"), "locale", state.locales, all_codes(store.locales.size()),
                       [&](std::uint32_t c) { return store.locales.word(c); }, font * 4.0f, nullptr);

  // Months between the first and the last response.
  if (ImGui::CollapsingHeader((std::string(tr("Period")) + "###period").c_str(), ImGuiTreeNodeFlags_DefaultOpen) &&
      data.store.size() > 0) {
    const std::uint32_t first = period_of(data.first_hour, period_unit::month);
    const std::uint32_t last = period_of(data.last_hour, period_unit::month);
    const auto month_combo = [&](const char* label, std::optional<std::uint32_t>& value, const char* open_end) {
      const std::string current = value ? period_label(*value, period_unit::month) : open_end;
      ImGui::SetNextItemWidth(font * 7.0f);
      if (!ImGui::BeginCombo(label, current.c_str())) return;
      if (ImGui::Selectable(open_end, !value)) {
        value.reset();
        changed = true;
      }
      for (std::uint32_t month = first; month <= last && first <= last; ++month) {
        if (ImGui::Selectable(period_label(month, period_unit::month).c_str(), value == month)) {
          value = month;
          changed = true;
        }
      }
      ImGui::EndCombo();
    };
    month_combo(tr("From"), state.first_month, tr("first"));
    month_combo(tr("To"), state.last_month, tr("last"));
  }
  return changed;
}

}  // namespace otklik::review
