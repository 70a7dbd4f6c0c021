// File browser: folders first, then files by name; Enter or a double click opens, Backspace goes up.
#include "platform/file_browser.hpp"

#include <algorithm>
#include <cstring>
#include <system_error>

#include <imgui.h>

#include "app/i18n.hpp"
#include "views/format.hpp"

namespace otklik::review {

namespace fs = std::filesystem;

void file_browser::open(const std::string& title, const fs::path& folder, bool save, std::string suggested_name) {
  title_ = title;
  save_ = save;
  open_ = true;
  pending_popup_ = true;
  std::snprintf(name_, sizeof name_, "%s", suggested_name.c_str());
  list(folder);
}

void file_browser::list(const fs::path& folder) {
  std::error_code error;
  folder_ = fs::absolute(folder, error).lexically_normal();
  entries_.clear();
  error_.clear();
  for (fs::directory_iterator it(folder_, fs::directory_options::skip_permission_denied, error), end;
       !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name.front() == '.') continue;
    std::error_code ignored;
    const bool is_folder = it->is_directory(ignored);
    entries_.push_back({name, is_folder, is_folder ? 0 : it->file_size(ignored)});
  }
  if (error) error_ = folder_.string() + ": " + error.message();
  std::sort(entries_.begin(), entries_.end(), [](const entry& a, const entry& b) {
    return a.folder != b.folder ? a.folder : a.name < b.name;
  });
  selected_.assign(entries_.size(), false);
}

std::optional<std::vector<std::string>> file_browser::draw() {
  if (!open_) return std::nullopt;
  const std::string popup = title_ + "###file_browser";
  if (pending_popup_) {
    ImGui::OpenPopup(popup.c_str());
    pending_popup_ = false;
  }
  const float font = ImGui::GetFontSize();
  ImGui::SetNextWindowSize(ImVec2(font * 40.0f, font * 28.0f), ImGuiCond_Appearing);
  std::optional<std::vector<std::string>> chosen;
  if (!ImGui::BeginPopupModal(popup.c_str(), &open_)) return std::nullopt;
  if (ImGui::Button(tr("Up")) || (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) && !ImGui::GetIO().WantTextInput)) {
    list(folder_.parent_path());
  }
  ImGui::SameLine();
  ImGui::TextUnformatted(folder_.string().c_str());
  if (!error_.empty()) ImGui::TextDisabled("%s", error_.c_str());
  ImGui::BeginChild("##entries", ImVec2(0.0f, -font * 3.6f), true);
  std::optional<fs::path> enter;
  bool confirm = false;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const entry& e = entries_[i];
    const std::string label = (e.folder ? "[" + e.name + "]" : e.name) + "##" + std::to_string(i);
    if (ImGui::Selectable(label.c_str(), selected_[i], ImGuiSelectableFlags_AllowDoubleClick)) {
      if (!ImGui::GetIO().KeyCtrl || save_) std::fill(selected_.begin(), selected_.end(), false);
      selected_[i] = true;
      if (!e.folder) std::snprintf(name_, sizeof name_, "%s", e.name.c_str());
      if (ImGui::IsMouseDoubleClicked(0)) {
        if (e.folder) {
          enter = folder_ / e.name;
        } else {
          confirm = true;
        }
      }
    }
    if (!e.folder) {
      ImGui::SameLine(ImGui::GetContentRegionMax().x - font * 7.0f);
      ImGui::TextDisabled("%s MB", fixed(static_cast<double>(e.size) / 1e6, 1).c_str());
    }
  }
  ImGui::EndChild();
  ImGui::SetNextItemWidth(-font * 12.0f);
  if (ImGui::InputText(tr("Name or path"), name_, sizeof name_, ImGuiInputTextFlags_EnterReturnsTrue)) confirm = true;
  if (ImGui::Button(save_ ? tr("Save") : tr("Open")) || confirm) {
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < entries_.size() && !save_; ++i) {
      if (selected_[i] && !entries_[i].folder) paths.push_back((folder_ / entries_[i].name).string());
    }
    // Folders chosen without files: the survey folder (the app decides what a folder means).
    for (std::size_t i = 0; i < entries_.size() && !save_ && paths.empty(); ++i) {
      if (selected_[i] && entries_[i].folder && std::strlen(name_) == 0) paths.push_back((folder_ / entries_[i].name).string());
    }
    if (paths.empty() && std::strlen(name_) > 0) {
      const fs::path typed(name_);
      const fs::path full = typed.is_absolute() ? typed : folder_ / typed;
      std::error_code error;
      if (!save_ && fs::is_directory(full, error)) {
        enter = full;
      } else {
        paths.push_back(full.lexically_normal().string());
      }
    }
    if (!paths.empty()) {
      chosen = std::move(paths);
      open_ = false;
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::SameLine();
  if (ImGui::Button(tr("Cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    open_ = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  if (enter) list(*enter);
  return chosen;
}

}  // namespace otklik::review
