// The interface drawn headless: Dear ImGui needs no display to lay out and tessellate a frame, so every view and
// the whole window are drawn here in both languages, checking translations, suppression and comment search.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include <imgui.h>

#include "app/app.hpp"
#include "app/text_fold.hpp"
#include "platform/frame_memo.hpp"
#include "review_fixture.hpp"

using namespace otklik;
using namespace otklik::review;

namespace {

// An ImGui context with the viewer's fonts and a 1280×800 display, without a window.
class headless_imgui {
 public:
  headless_imgui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280.0f, 800.0f);
    io.DeltaTime = 1.0f / 60.0f;
    type = load_fonts(1.0f, "/usr/share/fonts/truetype/dejavu");
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    apply_theme(theme::dark, 1.0f);
  }
  ~headless_imgui() { ImGui::DestroyContext(); }
  headless_imgui(const headless_imgui&) = delete;
  headless_imgui& operator=(const headless_imgui&) = delete;

  // Draws `body` in a full-size window; the number of vertices the frame produced.
  template <class Body>
  int frame(Body&& body) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration);
    body();
    ImGui::End();
    ImGui::Render();
    return ImGui::GetDrawData()->TotalVtxCount;
  }

  fonts type;
};

struct view_inputs {
  view_models models;
  titles names;
  comment_results comments;
  term_results terms;
};

view_inputs inputs_for(std::uint32_t k, language lang) {
  const dataset_ptr data = test::test_dataset();
  view_inputs in;
  in.models = compute_models({data, filter{}, k, period_unit::month, 0.05, 2});
  in.names = titles(*data, lang);
  const comment_scope scope{data, filter{}, in.models.by_service_stage, k};
  const std::atomic<bool> never{false};
  in.comments = find_comments(comment_query{scope}, never);
  in.terms = find_terms(term_query{scope});
  return in;
}

// The data cells of a CSV line (the viewer writes no quoted commas in these exports' numeric columns).
std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out(1);
  for (const char ch : line) {
    if (ch == ',') {
      out.emplace_back();
    } else if (ch != '\r') {
      out.back() += ch;
    }
  }
  return out;
}

// Every interface string looked up in Russian so far had its Russian text; back to English for the next test.
void check_all_translated() {
  std::string list;
  for (const std::string& s : untranslated_seen()) list += "\n  " + s;
  INFO("untranslated:" << list);
  CHECK(list.empty());
  set_language(language::en);
}

}  // namespace

TEST_CASE("every view draws in English and in Russian with every interface string translated", "[review]") {
  headless_imgui imgui;
  for (const language lang : {language::en, language::ru}) {
    set_language(lang);
    view_inputs in = inputs_for(10, lang);
    view_choices choices;
    choices.trend_stages = true;
    for (const view_id v : all_views) {
      view_context c{&in.models, &in.names, &imgui.type, &choices, &in.comments, &in.terms, false};
      INFO("view " << to_string(v) << " in " << to_string(lang));
      // Two frames: some widgets size themselves from the frame before.
      (void)imgui.frame([&] { draw_view(v, c); });
      CHECK(imgui.frame([&] { draw_view(v, c); }) > 1000);
    }
  }
  check_all_translated();
}

TEST_CASE("the whole window draws every view in Russian once the data has loaded in the background", "[review]") {
  headless_imgui imgui;
  for (const view_id v : all_views) {
    app_options options;
    options.surveys_dir = std::string(OTKLIK_VECTORS_DIR) + "/surveys";
    options.inputs = {OTKLIK_REVIEW_DATA};
    options.lang = language::ru;
    options.view = v;
    options.filters = {"channel=web,office,phone"};
    review_app app(options, imgui.type, 1.0f);
    const auto start = std::chrono::steady_clock::now();
    int frames = 0;
    // Frames keep coming while the loader and the counting run on their threads.
    while (!app.settled() && std::chrono::steady_clock::now() - start < std::chrono::seconds(60)) {
      (void)imgui.frame([&] { app.frame(); });
      ++frames;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    INFO("view " << to_string(v) << " after " << frames << " frames");
    REQUIRE(app.settled());
    REQUIRE(app.models() != nullptr);
    CHECK(app.models()->rows.channels.size() == 3);
    CHECK(imgui.frame([&] { app.frame(); }) > 1000);
    CHECK(app.view() == v);
    CHECK_FALSE(app.current_csv().empty());
  }
  check_all_translated();
}

TEST_CASE("with k above every group no view shows a value in the window or in its CSV", "[review]") {
  headless_imgui imgui;
  set_language(language::en);
  view_inputs in = inputs_for(100000, language::en);
  view_choices choices;
  CHECK(in.models.total.suppressed);
  CHECK(in.comments.items.empty());
  CHECK(in.comments.some_hidden);
  CHECK(in.terms.terms.empty());
  for (const view_id v : all_views) {
    view_context c{&in.models, &in.names, &imgui.type, &choices, &in.comments, &in.terms, false};
    (void)imgui.frame([&] { draw_view(v, c); });
    const std::string csv = view_csv(v, c);
    INFO(to_string(v) << " CSV:\n" << csv);
    std::size_t start = csv.find('\n') + 1;
    // Every cell after the header is a label, empty, or "<100000": never a count or a metric.
    while (start < csv.size()) {
      const std::size_t end = csv.find('\n', start);
      const std::vector<std::string> row = cells(csv.substr(start, end - start));
      for (std::size_t i = 0; i < row.size(); ++i) {
        const std::string& cell = row[i];
        const bool number = !cell.empty() && (std::isdigit(static_cast<unsigned char>(cell[0])) || cell[0] == '-');
        // Period labels ("2026-07") are the only cells that start with a digit.
        const bool period = cell.size() == 7 && cell[4] == '-';
        CHECK((!number || period));
      }
      start = end + 1;
    }
  }
}

TEST_CASE("comment search ignores case, follows the rating filter, and lists only shown groups", "[review]") {
  const dataset_ptr data = test::test_dataset();
  const view_models m = compute_models({data, filter{}, 10, period_unit::month, 0.05, 2});
  const std::atomic<bool> never{false};
  const comment_scope scope{data, filter{}, m.by_service_stage, 10};
  comment_query q{scope};
  const comment_results all = find_comments(q, never);
  REQUIRE(all.matching > 50);
  q.search = "ОЧЕРЕДЬ";
  const comment_results upper = find_comments(q, never);
  q.search = "очередь";
  const comment_results lower = find_comments(q, never);
  CHECK(upper.matching > 0);
  CHECK(upper.matching == lower.matching);
  CHECK(upper.matching < all.matching);
  for (const comment_item_ref& item : lower.items) CHECK(fold_case(item.text).find("очередь") != std::string::npos);

  q.search.clear();
  q.ratings = {false, true, false, false, false, false};
  const comment_results ones = find_comments(q, never);
  CHECK(ones.matching > 0);
  for (const comment_item_ref& item : ones.items) CHECK(item.csat == 1);

  // The worst first, and the total counts every match though the list is capped.
  q.ratings = {true, true, true, true, true, true};
  q.limit = 10;
  const comment_results capped = find_comments(q, never);
  CHECK(capped.items.size() == 10);
  CHECK(capped.matching == all.matching);
  for (std::size_t i = 1; i < capped.items.size(); ++i) CHECK(capped.items[i - 1].csat <= capped.items[i].csat);

  // A term narrows to comments with a word of that stem.
  const term_results terms = find_terms(term_query{scope});
  REQUIRE_FALSE(terms.terms.empty());
  q.limit = 5000;
  q.term = terms.terms.front().term;
  const comment_results with_term = find_comments(q, never);
  CHECK(with_term.matching == terms.terms.front().comments);
}

TEST_CASE("an idle frame is recognised as unchanged, and whatever changes what a view shows is not", "[review]") {
  headless_imgui imgui;
  set_language(language::en);
  view_inputs in = inputs_for(10, language::en);
  view_choices choices;
  view_context c{&in.models, &in.names, &imgui.type, &choices, &in.comments, &in.terms, false};
  frame_memo memo;
  const ImVec4 clear(0.1f, 0.1f, 0.1f, 1.0f);
  const auto changed = [&](view_id v) {
    (void)imgui.frame([&] { draw_view(v, c); });
    return memo.changed(*ImGui::GetDrawData(), 1280, 800, clear);
  };
  for (const view_id v : all_views) {
    INFO("view " << to_string(v));
    CHECK(changed(v));   // from the view before
    (void)changed(v);    // some widgets size themselves from the frame before
    CHECK_FALSE(changed(v));
    CHECK_FALSE(changed(v));
    memo.forget();       // the window was exposed
    CHECK(changed(v));
    CHECK_FALSE(memo.changed(*ImGui::GetDrawData(), 1280, 800, clear));
    CHECK(memo.changed(*ImGui::GetDrawData(), 1280, 801, clear));
    CHECK(memo.changed(*ImGui::GetDrawData(), 1280, 801, ImVec4(1.0f, 1.0f, 1.0f, 1.0f)));
  }
  // Another measure; new models in the same place (what the alerts view formats once per models); another language.
  (void)changed(view_id::trends);
  (void)changed(view_id::trends);
  REQUIRE_FALSE(changed(view_id::trends));
  choices.trend_measure = 2;
  CHECK(changed(view_id::trends));
  (void)changed(view_id::alerts);
  (void)changed(view_id::alerts);
  REQUIRE_FALSE(changed(view_id::alerts));
  REQUIRE_FALSE((in.models.service_alerts.empty() && in.models.stage_alerts.empty()));
  in.models = compute_models({test::test_dataset(), filter{}, 100000, period_unit::month, 0.05, 2});
  CHECK(changed(view_id::alerts));
  in.models = compute_models({test::test_dataset(), filter{}, 10, period_unit::month, 0.05, 2});
  CHECK(changed(view_id::alerts));
  (void)changed(view_id::alerts);
  REQUIRE_FALSE(changed(view_id::alerts));
  set_language(language::ru);
  in.names = titles(*test::test_dataset(), language::ru);
  CHECK(changed(view_id::alerts));
  set_language(language::en);
}
