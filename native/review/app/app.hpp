// app.hpp — the viewer: what is loaded, the filters, the background workers (loading, re-aggregation, comment
// search, terms, report), menus, panels, status bar and shortcuts; the platform layer calls frame() between
// ImGui's NewFrame() and Render().
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/comments.hpp"
#include "app/filter_state.hpp"
#include "app/i18n.hpp"
#include "app/latest_worker.hpp"
#include "app/loader.hpp"
#include "app/models.hpp"
#include "app/style.hpp"
#include "app/titles.hpp"
#include "output/export.hpp"
#include "platform/file_browser.hpp"
#include "views/views.hpp"

namespace otklik::review {

// What the command line chose.
struct app_options {
  std::string surveys_dir;
  std::vector<std::string> inputs;
  language lang = language::en;
  theme look = theme::dark;
  std::uint32_t k = 0;                  // 0: the strictest k of the loaded surveys
  view_id view = view_id::overview;
  std::vector<std::string> filters;     // "dimension=value,..." applied when the first load finishes
  period_unit unit = period_unit::month;
  std::string search;                   // comments view: initial search text
  unsigned threads = 2;
  std::size_t cube_bytes = std::size_t{128} << 20;   // memory for the count cube (0: count rows on every change)
};

// A PNG the platform writes after rendering the frame: the whole window, or a rectangle of it (ImGui units).
struct png_request {
  std::string path;
  bool whole_window = true;
  float x = 0, y = 0, width = 0, height = 0;
};

class review_app {
 public:
  review_app(app_options options, fonts type, float scale);
  // Starts loading `inputs` (replacing what is shown once loaded).
  void open(std::vector<std::string> inputs);
  // Shows a dataset loaded elsewhere (the benchmark loads once and measures frames).
  void adopt(dataset_ptr data);
  // Paths dropped on the window: a folder becomes the survey folder, files are opened.
  void drop(const std::vector<std::string>& paths);
  // Builds one frame.
  void frame();

  // Loaded, and everything the current view shows is computed for the current choices.
  [[nodiscard]] bool settled() const;
  // A background job runs: keep drawing frames so progress shows.
  [[nodiscard]] bool busy() const;
  // The last load failed (scripted runs stop); why.
  [[nodiscard]] bool failed() const noexcept { return failed_; }
  [[nodiscard]] const std::string& error() const noexcept { return error_; }
  [[nodiscard]] bool quit_requested() const noexcept { return quit_; }
  [[nodiscard]] const view_models* models() const noexcept { return models_.get(); }
  [[nodiscard]] view_id view() const noexcept { return view_; }
  // Switches to a view as if its tab were clicked.
  void show(view_id v) noexcept {
    view_ = v;
    view_switch_ = true;
  }
  // The current view's data as CSV.
  [[nodiscard]] std::string current_csv();
  // A PNG the platform should write after this frame, once.
  [[nodiscard]] std::optional<png_request> take_png_request();
  // The platform's answer to a PNG request ("" when written).
  void png_written(const std::string& path, const std::string& error);
  // The interface scale the reviewer asked for (Ctrl+= / Ctrl+−); the platform rebuilds fonts when it changes.
  [[nodiscard]] float scale() const noexcept { return scale_; }
  void set_fonts(fonts type, float scale);

 private:
  void poll_workers();
  void submit_models();
  void submit_comments();
  void on_loaded(load_outcome outcome);
  void draw_menu();
  void draw_shortcuts();
  void draw_loading();
  void draw_status();
  void draw_dialogs();
  void set_language(language l);
  void set_theme(theme t);
  [[nodiscard]] view_context context();
  [[nodiscard]] std::string default_path(const char* extension) const;

  app_options options_;
  fonts type_;
  float scale_ = 1.0f;
  language lang_;
  theme look_;
  view_id view_;
  bool view_switch_ = true;      // select the tab of view_ in the next frame
  std::string surveys_dir_;
  std::vector<std::string> pending_filters_;

  loader loader_;
  dataset_ptr data_;
  titles names_;
  filter_state filters_;
  std::uint32_t k_ = default_k_anonymity;
  view_choices choices_;

  latest_worker<model_request, std::shared_ptr<const view_models>> model_worker_;
  std::shared_ptr<const view_models> models_;
  model_request last_models_request_;
  bool models_requested_ = false;
  std::uint64_t models_generation_ = 0;   // of the models shown

  struct comment_inputs {
    const view_models* models = nullptr;
    std::string search, term;
    std::array<bool, 6> ratings{};
    int stage = -1;
    friend bool operator==(const comment_inputs&, const comment_inputs&) = default;
  };
  latest_worker<comment_query, comment_results> comment_worker_;
  latest_worker<term_query, term_results> term_worker_;
  std::optional<comment_results> comments_;
  std::optional<term_results> terms_;
  comment_inputs comments_for_, terms_for_;    // what was last submitted
  std::uint64_t comments_generation_ = 0, terms_generation_ = 0;
  bool comments_current_ = false, terms_current_ = false;

  latest_worker<report_job, std::string> report_worker_;
  bool report_running_ = false;

  file_browser open_dialog_, save_dialog_;
  enum class save_kind { csv, png, report } save_kind_ = save_kind::csv;
  std::optional<png_request> png_request_;
  float view_x_ = 0, view_y_ = 0, view_w_ = 0, view_h_ = 0;   // where the view was drawn last frame
  bool show_filters_ = true, show_help_ = false, quit_ = false, failed_ = false;
  std::string error_, message_;
  std::vector<std::string> warnings_;
};

}  // namespace otklik::review
