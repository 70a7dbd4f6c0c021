// The HTML report: self-contained (no scripts, nothing fetched), with the journey, trends, drivers and comments,
// and it renders in headless Chromium without network access (a screenshot with real content).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wdouble-promotion"
#endif
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb_image.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#include "dataset.hpp"
#include "otklik/analysis/html_report.hpp"
#include "otklik/analysis/terms.hpp"
#include "otklik/native/survey_dir.hpp"

using namespace otklik;

namespace {

struct rendered {
  std::string html;
  std::filesystem::path dir;
};

const rendered& report_html() {
  static const rendered out = [] {
    rendered r;
    const auto dir = native::load_survey_dir(std::string(OTKLIK_VECTORS_DIR) + "/surveys");
    store_builder builder(dir.surveys);
    test::dataset_options options;
    options.count = 4000;
    options.seed = 31;
    test::generate_responses(dir.surveys, options, [&](const response& resp) { REQUIRE(builder.append(resp)); });
    const columnar_store store = builder.finish();
    report rep = build_report(store, filter{}, report_options{});
    rep.terms = analysis::top_terms(store, filter{}, rep);
    r.html = analysis::to_html(store, rep, dir.surveys, {"ru", "Отчёт Otklik"});
    r.dir = std::filesystem::temp_directory_path() / ("otklik-html-" + std::to_string(::getpid()));
    std::filesystem::create_directories(r.dir);
    std::ofstream(r.dir / "report.html") << r.html;
    return r;
  }();
  return out;
}

}  // namespace

TEST_CASE("the HTML report has every section and nothing that loads from elsewhere", "[analysis][html]") {
  const std::string& html = report_html().html;
  for (const char* section : {"id=\"journey\"", "id=\"trends\"", "id=\"drivers\"", "id=\"comments\"", "id=\"groups\""}) {
    CHECK(html.find(section) != std::string::npos);
  }
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("Замена паспорта") != std::string::npos);  // titles in the requested locale
  CHECK(html.find("@media print") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("href=\"http") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("123-45-67") == std::string::npos);  // only redacted comments
}

TEST_CASE("the HTML report renders in headless Chromium without network", "[analysis][html][chromium]") {
  const rendered& r = report_html();
  const std::filesystem::path png = r.dir / "report.png";
  const std::filesystem::path profile = r.dir / "profile";
  std::filesystem::remove(png);
  // A proxy that goes nowhere makes sure nothing could be fetched even if the page tried.
  const std::string command = "timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-background-networking "
                              "--disable-component-update --disable-sync --no-first-run --hide-scrollbars "
                              "--proxy-server=127.0.0.1:9 --user-data-dir=" + profile.string() +
                              " --window-size=1280,2000 --screenshot=" + png.string() + " file://" +
                              (r.dir / "report.html").string() + " >/dev/null 2>&1";
  REQUIRE(std::system(command.c_str()) == 0);
  REQUIRE(std::filesystem::exists(png));
  CHECK(std::filesystem::file_size(png) > 20000);
  int width = 0, height = 0, channels = 0;
  unsigned char* pixels = stbi_load(png.string().c_str(), &width, &height, &channels, 3);
  REQUIRE(pixels != nullptr);
  CHECK(width == 1280);
  CHECK(height == 2000);
  // Real content: many distinct colours (text, bars, bands), and ink in every horizontal band of the page's top.
  std::set<std::uint32_t> colours;
  std::size_t non_white = 0;
  for (int i = 0; i < width * height; ++i) {
    const unsigned char* p = pixels + 3 * i;
    colours.insert(static_cast<std::uint32_t>(p[0]) << 16 | static_cast<std::uint32_t>(p[1]) << 8 | p[2]);
    if (p[0] < 240 || p[1] < 240 || p[2] < 240) ++non_white;
  }
  stbi_image_free(pixels);
  CHECK(colours.size() > 50);
  CHECK(non_white > static_cast<std::size_t>(width * height) / 50);
  // The bar colour of the journey chart (#3f7cc4) and the drop colour (#c2412d) are on the page.
  CHECK(colours.count(0x3f7cc4) == 1);
  CHECK(colours.count(0xc2412d) == 1);
  std::filesystem::remove_all(r.dir);
}
