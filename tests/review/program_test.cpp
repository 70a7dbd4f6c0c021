// The real program under Xvfb (Mesa's software renderer): the screenshots the review.screenshot.* tests wrote,
// the numbers it shows for a filter against the core's, and suppression in what it shows.
#include <catch2/catch.hpp>

#include <simdjson.h>

#include <map>
#include <set>

#include "otklik/aggregate.hpp"
#include "otklik/metrics.hpp"
#include "otklik/report.hpp"
#include "review_fixture.hpp"

using namespace otklik;
using namespace otklik::review;

namespace {

const std::vector<std::string> view_runs{"overview", "journey", "trends", "drivers", "comments", "alerts"};

// Share of pixels that differ between two images of the same size.
double differing_share(const test::png_pixels& a, const test::png_pixels& b) {
  std::size_t differ = 0;
  for (std::size_t i = 0; i < a.rgba.size(); i += 4) {
    if (a.rgba[i] != b.rgba[i] || a.rgba[i + 1] != b.rgba[i + 1] || a.rgba[i + 2] != b.rgba[i + 2]) ++differ;
  }
  return static_cast<double>(differ) / static_cast<double>(a.rgba.size() / 4);
}

// What the JSON dump says a group's metrics are (numbers as the report writes them), keyed by field.
std::map<std::string, std::string> dumped_metrics(simdjson::dom::object metrics) {
  std::map<std::string, std::string> out;
  for (const auto field : metrics) {
    const std::string key(field.key);
    if (field.value.is_object()) {
      const simdjson::dom::object fields = field.value.get_object().value();
      for (const auto inner : fields) {
        out[key + "." + std::string(inner.key)] = simdjson::minify(inner.value);
      }
    } else {
      out[key] = simdjson::minify(field.value);
    }
  }
  return out;
}

// The same fields computed by the core for a group's counts.
std::map<std::string, std::string> core_metrics(const group_counts& counts, std::uint32_t k) {
  const group_metrics g = metrics_of(counts, k);
  std::map<std::string, std::string> out;
  out["responses"] = g.suppressed ? "\"<" + std::to_string(k) + "\"" : std::to_string(g.responses);
  out["suppressed"] = g.suppressed ? "true" : "false";
  if (g.suppressed) return out;
  out["csat.n"] = std::to_string(g.csat.n);
  if (g.csat.n > 0 && !g.csat.suppressed) {
    out["csat.mean"] = format_number(g.csat.mean);
    out["csat.low"] = format_number(g.csat.mean_ci95.low);
    out["csat.high"] = format_number(g.csat.mean_ci95.high);
    out["csat.top2"] = format_number(g.csat.top2);
    out["csat.top2_low"] = format_number(g.csat.top2_ci95.low);
    out["csat.top2_high"] = format_number(g.csat.top2_ci95.high);
  }
  out["nps.n"] = g.nps.suppressed ? "\"<" + std::to_string(k) + "\"" : std::to_string(g.nps.n);
  if (g.nps.n > 0 && !g.nps.suppressed) {
    out["nps.score"] = format_number(g.nps.score);
    out["nps.low"] = format_number(g.nps.ci95.low);
    out["nps.high"] = format_number(g.nps.ci95.high);
  }
  out["ces.n"] = g.ces.suppressed ? "\"<" + std::to_string(k) + "\"" : std::to_string(g.ces.n);
  if (g.ces.n > 0 && !g.ces.suppressed) {
    out["ces.mean"] = format_number(g.ces.mean);
    out["ces.low"] = format_number(g.ces.ci95.low);
    out["ces.high"] = format_number(g.ces.ci95.high);
  }
  if (g.csat.suppressed) out["csat.n"] = "\"<" + std::to_string(k) + "\"";
  return out;
}

// Runs the viewer with `arguments` and --dump-json; the per-service metrics it shows, plus "(all)".
std::map<std::string, std::map<std::string, std::string>> shown_by_service(const std::string& arguments,
                                                                           std::uint64_t& responses) {
  const std::string path = test::output_path("dump.json");
  std::remove(path.c_str());
  REQUIRE(test::run_viewer(arguments + " --dump-json '" + path + "'") == 0);
  const simdjson::padded_string json(test::file_text(path));
  simdjson::dom::parser parser;
  const simdjson::dom::element doc = parser.parse(json).value();
  std::map<std::string, std::map<std::string, std::string>> out;
  responses = doc["responses"].get_uint64().value();
  out["(all)"] = dumped_metrics(doc["total"].get_object().value());
  const simdjson::dom::array services = doc["services"].get_array().value();
  for (const simdjson::dom::element item : services) {
    const std::string id(item["service"].get_string().value());
    out[id] = dumped_metrics(item["metrics"].get_object().value());
  }
  return out;
}

// What the core computes for the same filter, in the same shape.
std::map<std::string, std::map<std::string, std::string>> expected_by_service(const filter& f, std::uint32_t k,
                                                                              std::uint64_t& responses) {
  const columnar_store& store = test::test_dataset()->store;
  const aggregation by_service = aggregate(store, f, grouping{{dimension::service}, period_unit::month});
  const aggregation all = aggregate(store, f, grouping{{}, period_unit::month});
  responses = by_service.responses;
  std::map<std::string, std::map<std::string, std::string>> out;
  out["(all)"] = core_metrics(all.groups.at(0).counts, k);
  for (const group& g : by_service.groups) out[store.services.word(g.key[0])] = core_metrics(g.counts, k);
  return out;
}

}  // namespace

TEST_CASE("every view renders to a non-empty PNG, and the views differ from each other", "[review][xvfb]") {
  std::map<std::string, test::png_pixels> shots;
  for (const std::string& run : view_runs) {
    INFO(run);
    test::png_pixels png = test::read_png(test::output_path(run + ".png"));
    REQUIRE(png.width == 1280);
    REQUIRE(png.height == 800);
    // Not one colour: text, charts and widgets draw many.
    std::set<std::uint32_t> colours;
    for (std::size_t i = 0; i < png.rgba.size(); i += 4 * 7) {
      colours.insert(static_cast<std::uint32_t>(png.rgba[i]) << 16 | static_cast<std::uint32_t>(png.rgba[i + 1]) << 8 |
                     png.rgba[i + 2]);
    }
    CHECK(colours.size() > 50);
    shots[run] = std::move(png);
  }
  for (std::size_t a = 0; a < view_runs.size(); ++a) {
    for (std::size_t b = a + 1; b < view_runs.size(); ++b) {
      INFO(view_runs[a] << " vs " << view_runs[b]);
      CHECK(differing_share(shots[view_runs[a]], shots[view_runs[b]]) > 0.03);
    }
  }
}

TEST_CASE("the Russian interface and the light theme change the picture", "[review][xvfb]") {
  const test::png_pixels en = test::read_png(test::output_path("overview.png"));
  const test::png_pixels ru = test::read_png(test::output_path("overview-ru.png"));
  const test::png_pixels light = test::read_png(test::output_path("overview-light.png"));
  REQUIRE(ru.width == en.width);
  REQUIRE(light.width == en.width);
  CHECK(differing_share(en, ru) > 0.005);
  CHECK(differing_share(en, light) > 0.5);
  // The Russian CSV is the same data: exports are for machines and keep ids.
  CHECK(test::file_text(test::output_path("overview-ru.csv")) == test::file_text(test::output_path("overview.csv")));
}

TEST_CASE("every view's CSV export has a header and rows", "[review][xvfb]") {
  for (const std::string& run : view_runs) {
    INFO(run);
    const std::string csv = test::file_text(test::output_path(run + ".csv"));
    const auto lines = std::count(csv.begin(), csv.end(), '\n');
    CHECK(lines >= 2);
  }
}

TEST_CASE("a filter changes the numbers shown exactly as the core computes them", "[review][xvfb]") {
  const columnar_store& store = test::test_dataset()->store;
  std::uint64_t shown_all = 0, expected_all = 0, shown_filtered = 0, expected_filtered = 0;
  const auto unfiltered = shown_by_service("", shown_all);
  CHECK(unfiltered == expected_by_service(filter{}, 10, expected_all));
  CHECK(shown_all == expected_all);

  filter f;
  f.stages = {*store.stages.find("application"), *store.stages.find("exam")};
  f.channels = {static_cast<std::uint32_t>(channel::office)};
  const auto filtered = shown_by_service("--filter stage=application,exam --filter channel=office", shown_filtered);
  CHECK(filtered == expected_by_service(f, 10, expected_filtered));
  CHECK(shown_filtered == expected_filtered);
  CHECK(shown_filtered < shown_all);
  CHECK(filtered.at("(all)").at("csat.mean") != unfiltered.at("(all)").at("csat.mean"));
}

TEST_CASE("groups below k show no values in what the program shows", "[review][xvfb]") {
  std::uint64_t shown = 0, expected = 0;
  // One region: its services have 55 to 80 responses each in the test data, so k = 60 hides some, not all.
  const auto by_service = shown_by_service("--k 60 --filter region=RU-NVS", shown);
  filter f;
  f.regions = {*test::test_dataset()->store.regions.find("RU-NVS")};
  CHECK(by_service == expected_by_service(f, 60, expected));
  bool some_hidden = false, some_shown = false;
  for (const auto& [service, metrics] : by_service) {
    if (metrics.at("suppressed") == "true") {
      some_hidden = true;
      CHECK(metrics.size() == 2);   // responses "<60" and the flag, nothing else
      CHECK(metrics.at("responses") == "\"<60\"");
    } else {
      some_shown = true;
    }
  }
  CHECK(some_hidden);
  CHECK(some_shown);
}

TEST_CASE("a scripted run over a missing file fails with a message instead of hanging", "[review][xvfb]") {
  CHECK(test::run_viewer("--screenshot /dev/null '/nonexistent/responses.ndjson'") == 2);
}
