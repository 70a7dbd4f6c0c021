// file_browser.hpp — File > Open and "save as" dialogs drawn with ImGui (Debian's Dear ImGui has no file
// dialog and the viewer must not depend on a desktop toolkit): a folder listing, multi-select, a typed path.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace otklik::review {

class file_browser {
 public:
  // Opens the dialog at `folder` as a popup titled `title`; `save` asks for one new file name instead.
  void open(const std::string& title, const std::filesystem::path& folder, bool save, std::string suggested_name = {});
  // Draws the dialog when open; returns the chosen paths once when the user confirms.
  [[nodiscard]] std::optional<std::vector<std::string>> draw();
  [[nodiscard]] bool is_open() const noexcept { return open_; }

 private:
  void list(const std::filesystem::path& folder);
  struct entry {
    std::string name;
    bool folder = false;
    std::uintmax_t size = 0;
  };
  std::string title_;
  std::filesystem::path folder_;
  std::vector<entry> entries_;
  std::vector<bool> selected_;
  std::string error_;
  char name_[1024] = {};
  bool open_ = false, save_ = false, pending_popup_ = false;
};

}  // namespace otklik::review
