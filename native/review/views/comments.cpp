// Comments: search, rating, stage and term filters over the redacted texts of groups with at least k responses;
// one line per comment (the list is clipped to the visible rows), the full text of the selected one below.
#include <cstring>

#include "app/i18n.hpp"
#include "charts/plot.hpp"
#include "views/format.hpp"
#include "views/views.hpp"

namespace otklik::review {

namespace {

ImU32 rating_color(std::uint8_t csat) {
  const palette& c = colors();
  if (csat == 0) return c.muted;
  return csat <= 2 ? c.drop : csat == 3 ? c.warn : c.good;
}

}  // namespace

void draw_comments(view_context& c) {
  const view_models& m = *c.models;
  view_choices& choose = *c.choices;
  const float font = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(font * 16.0f);
  // The GLFW backend indexes keys by GLFW code, which is the ASCII capital for letters.
  if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed('F')) {
    ImGui::SetKeyboardFocusHere();
  }
  ImGui::InputTextWithHint("##search", tr("Search comments (Ctrl+F)"), choose.search.data(), choose.search.size());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(font * 12.0f);
  const std::string stage_title =
      choose.comment_stage < 0 ? tr("All stages") : c.names->stage(static_cast<std::uint32_t>(choose.comment_stage));
  if (ImGui::BeginCombo(tr("Stage"), stage_title.c_str())) {
    if (ImGui::Selectable(tr("All stages"), choose.comment_stage < 0)) choose.comment_stage = -1;
    std::vector<std::uint32_t> stages;
    for (const group& g : m.by_service_stage.groups) {
      if (std::find(stages.begin(), stages.end(), g.key[1]) == stages.end()) stages.push_back(g.key[1]);
    }
    for (const std::uint32_t stage : stages) {
      if (ImGui::Selectable(c.names->stage(stage).c_str(), choose.comment_stage == static_cast<int>(stage))) {
        choose.comment_stage = static_cast<int>(stage);
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::TextUnformatted(tr("Rating:"));
  for (int rating = 1; rating <= 5; ++rating) {
    ImGui::SameLine();
    const std::string label = std::to_string(rating) + std::string("##rating").append(std::to_string(rating));
    ImGui::Checkbox(label.c_str(), &choose.ratings[static_cast<std::size_t>(rating)]);
  }
  ImGui::SameLine();
  ImGui::Checkbox(tr("none given"), &choose.ratings[0]);

  // Terms: the most frequent stems of these comments; one click narrows the list to a term.
  ImGui::TextUnformatted(tr("Terms:"));
  if (c.terms == nullptr) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("counting…"));
  } else {
    for (const term_count& t : c.terms->terms) {
      ImGui::SameLine();
      if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(t.example.c_str()).x + font * 4.0f > ImGui::GetContentRegionMax().x) {
        ImGui::NewLine();
      }
      const bool active = choose.term == t.term;
      if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
      const std::string label = t.example + " " + std::to_string(t.comments) + "##term" + t.term;
      if (ImGui::SmallButton(label.c_str())) choose.term = active ? std::string() : t.term;
      if (active) ImGui::PopStyleColor();
    }
    if (!choose.term.empty()) {
      ImGui::SameLine();
      if (ImGui::SmallButton(tr("× clear term"))) choose.term.clear();
    }
  }

  if (c.comments == nullptr) {
    ImGui::TextDisabled("%s", tr("Searching…"));
    return;
  }
  const comment_results& r = *c.comments;
  int& selected_comment = choose.selected_comment;
  ImGui::Text("%s %s", tr("Comments found:"), count_text(r.matching, false, m.k).c_str());
  if (r.items.size() < r.matching) {
    ImGui::SameLine();
    ImGui::TextDisabled("(%s %zu)", tr("showing the first"), r.items.size());
  }
  if (c.comments_pending) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("updating…"));
  }
  if (r.some_hidden) {
    ImGui::SameLine();
    ImGui::TextDisabled("· %s", tr("comments of groups with fewer than k responses are not shown"));
  }
  const float detail_height = selected_comment >= 0 ? font * 6.0f : 0.0f;
  ImGui::BeginChild("##comment_list", ImVec2(0.0f, -detail_height), true);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(r.items.size()));
  const float text_x = font * 2.2f;
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const comment_item_ref& item = r.items[static_cast<std::size_t>(i)];
      ImGui::PushID(i);
      const ImVec2 start = ImGui::GetCursorScreenPos();
      if (ImGui::Selectable("##row", selected_comment == i, 0, ImVec2(0.0f, ImGui::GetTextLineHeight()))) {
        selected_comment = i;
      }
      const std::string rating = item.csat == 0 ? "–" : std::to_string(item.csat);
      ImDrawList* draw = ImGui::GetWindowDrawList();
      draw->AddRectFilled(ImVec2(start.x, start.y + 1.0f), ImVec2(start.x + font * 1.4f, start.y + font + 1.0f),
                          rating_color(item.csat), 3.0f);
      draw->AddText(ImVec2(start.x + font * 0.45f, start.y), IM_COL32(255, 255, 255, 255), rating.c_str());
      const std::string where = c.names->service(item.service) + " · " + c.names->stage(item.stage);
      const float where_width = font * 14.0f;
      draw->AddText(ImVec2(start.x + text_x, start.y), colors().muted, charts::fit_text(where, where_width).c_str());
      const float width = ImGui::GetContentRegionAvail().x - text_x - where_width - font;
      const std::string line(item.text);
      draw->AddText(ImVec2(start.x + text_x + where_width + font * 0.5f, start.y), colors().ink,
                    charts::fit_text(line, width).c_str());
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
  if (selected_comment >= 0 && selected_comment < static_cast<int>(r.items.size())) {
    const comment_item_ref& item = r.items[static_cast<std::size_t>(selected_comment)];
    ImGui::BeginChild("##comment_detail", ImVec2(0.0f, 0.0f), true);
    ImGui::TextDisabled("%s · %s · %s %s", c.names->service(item.service).c_str(), c.names->stage(item.stage).c_str(),
                        tr("rating"), item.csat == 0 ? "–" : std::to_string(item.csat).c_str());
    ImGui::TextWrapped("%.*s", static_cast<int>(item.text.size()), item.text.data());
    ImGui::EndChild();
  }
}

std::string comments_csv(const view_context& c) {
  csv_table table({"service", "stage", "csat", "comment"});
  if (c.comments == nullptr) return table.text();
  const columnar_store& store = c.models->data->store;
  for (const comment_item_ref& item : c.comments->items) {
    table.row({store.services.word(item.service), store.stages.word(item.stage),
               item.csat == 0 ? "" : std::to_string(item.csat), std::string(item.text)});
  }
  return table.text();
}

}  // namespace otklik::review
