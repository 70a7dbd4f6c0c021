// The viewer's frame: menu bar, filter panel, view tabs, status bar and dialogs; background results are picked
// up at the start of each frame, so nothing the reviewer does waits for loading, counting or searching.
#include "app/app.hpp"

#include <cmath>
#include <filesystem>

#include <imgui.h>

#include "app/filter_panel.hpp"
#include "views/format.hpp"

namespace otklik::review {

namespace {

// Keys by GLFW code (what the GLFW backend stores in io.KeysDown): ASCII for letters and digits.
bool ctrl_pressed(int key) {
  const ImGuiIO& io = ImGui::GetIO();
  return io.KeyCtrl && !io.KeyAlt && ImGui::IsKeyPressed(key, false);
}

constexpr int key_f1 = 290;       // GLFW_KEY_F1
constexpr int key_equal = 61;     // GLFW_KEY_EQUAL (with Shift: "+")
constexpr int key_minus = 45;     // GLFW_KEY_MINUS
constexpr int key_kp_add = 334, key_kp_subtract = 333;

}  // namespace

review_app::review_app(app_options options, fonts type, float scale)
    : options_(std::move(options)),
      type_(type),
      scale_(scale),
      lang_(options_.lang),
      look_(options_.look),
      view_(options_.view),
      surveys_dir_(options_.surveys_dir),
      pending_filters_(options_.filters),
      model_worker_([](const model_request& r, const std::atomic<bool>&) {
        return std::shared_ptr<const view_models>(std::make_shared<view_models>(compute_models(r)));
      }),
      comment_worker_([](const comment_query& q, const std::atomic<bool>& superseded) { return find_comments(q, superseded); }),
      term_worker_([](const term_query& q, const std::atomic<bool>&) { return find_terms(q); }),
      report_worker_([](const report_job& job, const std::atomic<bool>&) { return write_html_report(job); }) {
  review::set_language(lang_);
  apply_theme(look_, scale_);
  choices_.trend_unit = options_.unit;
  std::snprintf(choices_.search.data(), choices_.search.size(), "%s", options_.search.c_str());
  if (!options_.inputs.empty()) open(options_.inputs);
}

void review_app::set_fonts(fonts type, float scale) {
  type_ = type;
  scale_ = scale;
  apply_theme(look_, scale_);
}

void review_app::open(std::vector<std::string> inputs) {
  if (inputs.empty()) return;
  failed_ = false;
  error_.clear();
  loader_.start({surveys_dir_, std::move(inputs), options_.threads, options_.cube_bytes});
}

void review_app::adopt(dataset_ptr data) {
  load_outcome outcome;
  outcome.ok = true;
  outcome.data = std::move(data);
  on_loaded(std::move(outcome));
}

void review_app::drop(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      surveys_dir_ = path;
      message_ = std::string(tr("Surveys from")) + " " + path;
    } else {
      files.push_back(path);
    }
  }
  if (!files.empty()) {
    open(std::move(files));
  } else if (data_ != nullptr && !data_->inputs.empty()) {
    open(data_->inputs);   // new surveys: read the same inputs again
  }
}

void review_app::on_loaded(load_outcome outcome) {
  warnings_ = std::move(outcome.warnings);
  if (!outcome.ok) {
    failed_ = true;
    error_ = outcome.error;
    message_ = error_;
    return;
  }
  data_ = std::move(outcome.data);
  names_ = titles(*data_, lang_);
  k_ = options_.k > 0 ? options_.k : data_->store.strictest_k();
  filters_ = filter_state{};
  for (const std::string& argument : pending_filters_) {
    const std::string problem = apply_filter_argument(filters_, data_->store, argument);
    if (!problem.empty()) {
      failed_ = true;
      error_ = problem;
      message_ = problem;
    }
  }
  pending_filters_.clear();
  choices_.journey_service = -1;
  choices_.driver_service = -1;
  choices_.driver_stage = -1;
  choices_.comment_stage = -1;
  choices_.term.clear();
  models_.reset();
  comments_.reset();
  terms_.reset();
  message_.clear();
  submit_models();
}

void review_app::submit_models() {
  if (data_ == nullptr) return;
  model_request request;
  request.data = data_;
  request.rows = filters_.to_filter();
  request.k = k_;
  request.unit = choices_.trend_unit;
  request.threads = options_.threads;
  last_models_request_ = request;
  models_requested_ = true;
  (void)model_worker_.submit(std::move(request));
}

void review_app::submit_comments() {
  const comment_inputs wanted{models_.get(), choices_.search.data(), choices_.term, choices_.ratings,
                              choices_.comment_stage};
  comment_scope scope{models_->data, models_->rows, models_->by_service_stage, models_->k};
  if (wanted.stage >= 0) scope.rows.stages = {static_cast<std::uint32_t>(wanted.stage)};
  if (!(wanted == comments_for_)) {
    comment_query q{scope, wanted.search, wanted.ratings, wanted.term};
    comments_generation_ = comment_worker_.submit(std::move(q));
    comments_for_ = wanted;
    comments_current_ = false;
  }
  const comment_inputs terms_wanted{models_.get(), {}, {}, {}, wanted.stage};
  if (!(terms_wanted == terms_for_)) {
    terms_generation_ = term_worker_.submit(term_query{std::move(scope)});
    terms_for_ = terms_wanted;
    terms_current_ = false;
  }
}

void review_app::poll_workers() {
  if (auto loaded = loader_.take()) on_loaded(std::move(*loaded));
  if (auto computed = model_worker_.take()) {
    // Results for data no longer shown are dropped.
    if (computed->second->data == data_) {
      models_ = std::move(computed->second);
      models_generation_ = computed->first;
    }
  }
  if (auto found = comment_worker_.take()) {
    if (!found->second.stopped) {
      comments_ = std::move(found->second);
      choices_.selected_comment = -1;
    }
    comments_current_ = found->first == comments_generation_ && !comments_->stopped;
  }
  if (auto found = term_worker_.take()) {
    terms_ = std::move(found->second);
    terms_current_ = found->first == terms_generation_;
  }
  if (auto written = report_worker_.take()) {
    report_running_ = false;
    message_ = written->second.empty() ? std::string(tr("Report written")) : written->second;
  }
}

bool review_app::busy() const {
  return loader_.busy() || !model_worker_.idle() || !comment_worker_.idle() || !term_worker_.idle() || report_running_;
}

bool review_app::settled() const {
  if (loader_.busy() || data_ == nullptr || models_ == nullptr || !model_worker_.idle()) return false;
  if (models_generation_ != model_worker_.submitted()) return false;
  if (view_ == view_id::comments) return comments_.has_value() && comments_current_ && terms_.has_value() && terms_current_;
  return true;
}

view_context review_app::context() {
  view_context c;
  c.models = models_.get();
  c.names = &names_;
  c.type = &type_;
  c.choices = &choices_;
  c.comments = comments_ ? &*comments_ : nullptr;
  c.terms = terms_ ? &*terms_ : nullptr;
  c.comments_pending = !comments_current_;
  return c;
}

std::string review_app::current_csv() {
  if (models_ == nullptr) return {};
  const view_context c = context();
  return view_csv(view_, c);
}

std::optional<png_request> review_app::take_png_request() {
  auto out = std::move(png_request_);
  png_request_.reset();
  return out;
}

void review_app::png_written(const std::string& path, const std::string& error) {
  message_ = error.empty() ? std::string(tr("Written:")) + " " + path : error;
}

void review_app::set_language(language l) {
  lang_ = l;
  review::set_language(l);
  if (data_ != nullptr) names_ = titles(*data_, lang_);
}

void review_app::set_theme(theme t) {
  look_ = t;
  apply_theme(look_, scale_);
}

std::string review_app::default_path(const char* extension) const {
  std::error_code error;
  const auto folder = std::filesystem::current_path(error);
  return (folder / ("otklik-" + std::string(to_string(view_)) + extension)).string();
}

void review_app::draw_shortcuts() {
  for (std::size_t i = 0; i < all_views.size(); ++i) {
    if (ctrl_pressed('1' + static_cast<int>(i))) {
      view_ = all_views[i];
      view_switch_ = true;
    }
  }
  if (ctrl_pressed('O')) open_dialog_.open(tr("Open responses"), std::filesystem::current_path(), false);
  if (ctrl_pressed('L')) set_language(lang_ == language::en ? language::ru : language::en);
  if (ctrl_pressed('T')) set_theme(look_ == theme::dark ? theme::light : theme::dark);
  if (ctrl_pressed('B')) show_filters_ = !show_filters_;
  if (ctrl_pressed('Q')) quit_ = true;
  if (ImGui::IsKeyPressed(key_f1, false)) show_help_ = !show_help_;
  if (ctrl_pressed(key_equal) || ctrl_pressed(key_kp_add)) scale_ = std::min(scale_ * 1.15f, 4.0f);
  if (ctrl_pressed(key_minus) || ctrl_pressed(key_kp_subtract)) scale_ = std::max(scale_ / 1.15f, 0.6f);
  if (models_ != nullptr) {
    if (ctrl_pressed('E')) {
      save_kind_ = save_kind::csv;
      save_dialog_.open(tr("Export CSV"), std::filesystem::current_path(), true,
                        std::filesystem::path(default_path(".csv")).filename().string());
    }
    if (ctrl_pressed('P')) {
      save_kind_ = save_kind::png;
      save_dialog_.open(tr("Export PNG"), std::filesystem::current_path(), true,
                        std::filesystem::path(default_path(".png")).filename().string());
    }
    if (ctrl_pressed('R')) {
      save_kind_ = save_kind::report;
      save_dialog_.open(tr("Make report"), std::filesystem::current_path(), true, "otklik-report.html");
    }
  }
}

void review_app::draw_menu() {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu(tr("File"))) {
    if (ImGui::MenuItem(tr("Open…"), "Ctrl+O")) open_dialog_.open(tr("Open responses"), std::filesystem::current_path(), false);
    ImGui::Separator();
    const bool ready = models_ != nullptr;
    if (ImGui::MenuItem(tr("Export view as CSV…"), "Ctrl+E", false, ready)) {
      save_kind_ = save_kind::csv;
      save_dialog_.open(tr("Export CSV"), std::filesystem::current_path(), true,
                        std::filesystem::path(default_path(".csv")).filename().string());
    }
    if (ImGui::MenuItem(tr("Export view as PNG…"), "Ctrl+P", false, ready)) {
      save_kind_ = save_kind::png;
      save_dialog_.open(tr("Export PNG"), std::filesystem::current_path(), true,
                        std::filesystem::path(default_path(".png")).filename().string());
    }
    if (ImGui::MenuItem(tr("Make report (HTML)…"), "Ctrl+R", false, ready && !report_running_)) {
      save_kind_ = save_kind::report;
      save_dialog_.open(tr("Make report"), std::filesystem::current_path(), true, "otklik-report.html");
    }
    ImGui::Separator();
    if (ImGui::MenuItem(tr("Quit"), "Ctrl+Q")) quit_ = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr("View"))) {
    for (std::size_t i = 0; i < all_views.size(); ++i) {
      const std::string shortcut = "Ctrl+" + std::to_string(i + 1);
      if (ImGui::MenuItem(view_title(all_views[i]), shortcut.c_str(), view_ == all_views[i])) {
        view_ = all_views[i];
        view_switch_ = true;
      }
    }
    ImGui::Separator();
    ImGui::MenuItem(tr("Filters panel"), "Ctrl+B", &show_filters_);
    if (ImGui::MenuItem(tr("Larger"), "Ctrl+=")) scale_ = std::min(scale_ * 1.15f, 4.0f);
    if (ImGui::MenuItem(tr("Smaller"), "Ctrl+-")) scale_ = std::max(scale_ / 1.15f, 0.6f);
    if (ImGui::MenuItem(tr("Dark theme"), "Ctrl+T", look_ == theme::dark)) set_theme(theme::dark);
    if (ImGui::MenuItem(tr("Light theme"), nullptr, look_ == theme::light)) set_theme(theme::light);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr("Language"))) {
    if (ImGui::MenuItem("English", "Ctrl+L", lang_ == language::en)) set_language(language::en);
    if (ImGui::MenuItem("Русский", "Ctrl+L", lang_ == language::ru)) set_language(language::ru);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr("Help"))) {
    if (ImGui::MenuItem(tr("Keyboard"), "F1")) show_help_ = true;
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
}

void review_app::draw_loading() {
  const float font = ImGui::GetFontSize();
  ImGui::Spacing();
  if (loader_.busy()) {
    ImGui::TextUnformatted(tr("Loading…"));
    const std::string input = loader_.current_input();
    if (!input.empty()) ImGui::TextDisabled("%s", input.c_str());
    const float progress = loader_.progress();
    ImGui::ProgressBar(progress, ImVec2(font * 24.0f, 0.0f));
    if (progress >= 0.999f) ImGui::TextDisabled("%s", tr("merging and removing repeated responses…"));
    return;
  }
  if (failed_) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors().drop), "%s", error_.c_str());
  }
  ImGui::TextWrapped("%s", tr("Open NDJSON files, a collector database or a snapshot: File > Open (Ctrl+O), "
                              "or drop them on this window. Drop a folder to read its surveys."));
  if (surveys_dir_.empty()) ImGui::TextDisabled("%s", tr("No survey folder yet: start with --surveys DIR or drop one."));
}

void review_app::draw_status() {
  const palette& c = colors();
  if (data_ != nullptr) {
    const input_summary& s = data_->summary;
    ImGui::Text("%s %s", tr("Loaded:"), count_text(data_->store.size(), false, k_).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s %s s · %s %s · %s %s · k = %u", tr("in"), fixed(data_->load_seconds, 1).c_str(), tr("invalid lines"),
                        count_text(s.invalid, false, k_).c_str(), tr("repeated"), count_text(s.duplicates, false, k_).c_str(),
                        k_);
    if (models_ != nullptr) {
      ImGui::SameLine();
      ImGui::TextDisabled("· %s %s ms%s (%s %s ms)", tr("counted in"), fixed(models_->count_ms, 1).c_str(),
                          models_->from_cube ? tr(" from the cube") : "", tr("tables"), fixed(models_->derive_ms, 1).c_str());
    }
    if (!model_worker_.idle() || loader_.busy()) {
      ImGui::SameLine();
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.warn), "%s", tr("updating…"));
    }
  }
  if (!message_.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("· %s", message_.c_str());
  }
  if (!warnings_.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.warn), "· %zu %s", warnings_.size(), tr("warnings"));
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      for (std::size_t i = 0; i < warnings_.size() && i < 20; ++i) ImGui::TextUnformatted(warnings_[i].c_str());
      ImGui::EndTooltip();
    }
  }
}

void review_app::draw_dialogs() {
  if (auto chosen = open_dialog_.draw()) {
    // A folder typed into the dialog is a survey folder; files are inputs.
    drop(*chosen);
  }
  if (auto chosen = save_dialog_.draw(); chosen && !chosen->empty() && models_ != nullptr) {
    const std::string& path = chosen->front();
    switch (save_kind_) {
      case save_kind::csv: {
        const std::string problem = write_text_file(path, current_csv());
        message_ = problem.empty() ? std::string(tr("Written:")) + " " + path : problem;
        break;
      }
      case save_kind::png:
        png_request_ = png_request{path, false, view_x_, view_y_, view_w_, view_h_};
        break;
      case save_kind::report:
        report_running_ = true;
        message_ = tr("Making the report…");
        (void)report_worker_.submit({models_->data, models_->rows, models_->k, models_->unit, lang_, path});
        break;
    }
  }
  if (show_help_) {
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 26.0f, 0.0f), ImGuiCond_Appearing);
    if (ImGui::Begin(tr("Keyboard"), &show_help_, ImGuiWindowFlags_NoCollapse)) {
      const char* keys[][2] = {{"Ctrl+1 … Ctrl+6", "views"},  {"Ctrl+O", "open files"},       {"Ctrl+E", "export the view as CSV"},
                               {"Ctrl+P", "export the view as PNG"}, {"Ctrl+R", "make the HTML report"},
                               {"Ctrl+F", "search comments"},   {"Ctrl+B", "show or hide filters"}, {"Ctrl+L", "language"},
                               {"Ctrl+T", "theme"},            {"Ctrl+= / Ctrl+-", "larger / smaller"},
                               {"Tab, arrows, Space", "move between controls and use them"}, {"Ctrl+Q", "quit"}};
      for (const auto& k : keys) {
        ImGui::TextUnformatted(k[0]);
        ImGui::SameLine(ImGui::GetFontSize() * 9.0f);
        ImGui::TextUnformatted(tr(k[1]));
      }
    }
    ImGui::End();
  }
}

void review_app::frame() {
  poll_workers();
  draw_shortcuts();
  // Re-count when a choice the models depend on changed.
  if (data_ != nullptr && models_requested_ && choices_.trend_unit != last_models_request_.unit) submit_models();

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  // No background: the platform clears to the window colour, and with a software rasterizer one full-window
  // blended quad less is a fifth of the frame.
  const ImGuiWindowFlags host_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_MenuBar |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                                      ImGuiWindowFlags_NoBackground;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::Begin("Otklik###host", nullptr, host_flags);
  ImGui::PopStyleVar();
  draw_menu();
  const float font = ImGui::GetFontSize();
  const float status_height = ImGui::GetFrameHeightWithSpacing() + 2.0f;
  if (data_ == nullptr) {
    draw_loading();
  } else {
    if (show_filters_) {
      ImGui::BeginChild("##filters", ImVec2(font * 15.0f, -status_height), true);
      if (draw_filter_panel(filters_, *data_, names_)) submit_models();
      ImGui::EndChild();
      ImGui::SameLine();
    }
    ImGui::BeginGroup();
    if (ImGui::BeginTabBar("##views")) {
      for (const view_id v : all_views) {
        const std::string label = std::string(view_title(v)) + "###" + std::string(to_string(v));
        const ImGuiTabItemFlags flags = view_switch_ && v == view_ ? ImGuiTabItemFlags_SetSelected : 0;
        if (ImGui::BeginTabItem(label.c_str(), nullptr, flags)) {
          if (!view_switch_) view_ = v;
          ImGui::EndTabItem();
        }
      }
      ImGui::EndTabBar();
    }
    view_switch_ = false;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::BeginChild("##view", ImVec2(0.0f, -status_height), false);
    if (loader_.busy()) draw_loading();
    if (models_ != nullptr) {
      if (view_ == view_id::comments) submit_comments();
      view_context c = context();
      draw_view(view_, c);
      if (choices_.go_to) {
        view_ = *choices_.go_to;
        view_switch_ = true;
        choices_.go_to.reset();
      }
    } else if (!loader_.busy()) {
      ImGui::TextDisabled("%s", tr("Counting…"));
    }
    ImGui::EndChild();
    const ImVec2 size = ImGui::GetItemRectSize();
    view_x_ = origin.x;
    view_y_ = origin.y;
    view_w_ = size.x;
    view_h_ = size.y;
    ImGui::EndGroup();
  }
  ImGui::Separator();
  draw_status();
  draw_dialogs();
  ImGui::End();
}

}  // namespace otklik::review
