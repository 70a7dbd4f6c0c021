// The otklik.report/1 JSON (parsed back with simdjson) and the CSV: sections, fields, number formatting.
#include <catch2/catch.hpp>

#include <simdjson.h>

#include "dataset.hpp"
#include "otklik/native/survey_dir.hpp"
#include "otklik/report.hpp"

using namespace otklik;

namespace {

columnar_store make_store(std::uint64_t count) {
  static const native::survey_dir dir = native::load_survey_dir(std::string(OTKLIK_VECTORS_DIR) + "/surveys");
  store_builder builder(dir.surveys);
  test::dataset_options options;
  options.count = count;
  options.seed = 5;
  options.months = 3;
  test::generate_responses(dir.surveys, options, [&](const response& r) { REQUIRE(builder.append(r)); });
  return builder.finish();
}

}  // namespace

TEST_CASE("numbers are written with at most 6 decimals and no exponent", "[analysis][report]") {
  CHECK(format_number(4.12) == "4.12");
  CHECK(format_number(0.78100000001) == "0.781");
  CHECK(format_number(-12.5) == "-12.5");
  CHECK(format_number(-0.0000001) == "0");
  CHECK(format_number(1e-7) == "0");
  CHECK(format_number(123456789.0) == "123456789");
  CHECK(format_number(2.0 / 3.0) == "0.666667");
  CHECK(format_number(std::nan("")).empty());
  CHECK(format_number(1.0 / 0.0).empty());
}

TEST_CASE("the JSON report has every section and parses", "[analysis][report]") {
  const columnar_store store = make_store(3000);
  report_options options;
  options.k = 10;
  report r = build_report(store, filter{}, options);
  r.input = {true, 3002, 2, 0};
  const std::string json = to_json(store, r);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  REQUIRE(parser.parse(json).get(doc) == simdjson::SUCCESS);
  CHECK(std::string_view(doc["format"].get_string().value()) == "otklik.report/1");
  CHECK(doc["k"].get_int64().value() == 10);
  CHECK(doc["responses"].get_int64().value() == 3000);
  CHECK(doc["input"]["invalid"].get_int64().value() == 2);
  simdjson::dom::array groups = doc["groups"].get_array().value();
  CHECK(groups.size() == r.groups.groups.size());
  std::int64_t total = 0;
  for (simdjson::dom::element g : groups) {
    CHECK(g["service"].is_string());
    CHECK(g["stage"].is_string());
    total += g["n"].get_int64().value();
    const double top2 = g["csat"]["top2"].get_double().value();
    simdjson::dom::array ci = g["csat"]["top2_ci95"].get_array().value();
    CHECK(ci.at(0).get_double().value() <= top2);
    CHECK(ci.at(1).get_double().value() >= top2);
  }
  CHECK(total == 3000);
  CHECK(doc["journey"].get_array().value().size() == 3);
  for (simdjson::dom::element j : doc["journey"].get_array()) CHECK(j["stages"].get_array().value().size() >= 2);
  CHECK(doc["trends"]["series"].get_array().value().size() > 0);
  CHECK(doc["alerts"].is_array());
  CHECK(doc["drivers"].get_array().value().size() > 3);
  CHECK(doc["comments"].get_array().value().size() > 0);
  CHECK(doc["terms"].is_array());
  // Lowest-rated comments come first.
  for (simdjson::dom::element c : doc["comments"].get_array()) {
    int previous = 0;
    for (simdjson::dom::element item : c["items"].get_array()) {
      if (item["csat"].is_null()) {
        previous = 6;
        continue;
      }
      const auto rating = static_cast<int>(item["csat"].get_int64().value());
      CHECK(rating >= previous);
      previous = rating;
    }
  }
}

TEST_CASE("the JSON report is the same bytes for the same data", "[analysis][report]") {
  const columnar_store a = make_store(1500), b = make_store(1500);
  report_options options;
  options.by = {{dimension::service, dimension::period}, period_unit::week};
  CHECK(to_json(a, build_report(a, filter{}, options)) == to_json(b, build_report(b, filter{}, options)));
}

TEST_CASE("the CSV report has a header and one row per group with the same number of cells", "[analysis][report]") {
  const columnar_store store = make_store(2000);
  report_options options;
  options.by = {{dimension::channel, dimension::period}, period_unit::month};
  const report r = build_report(store, filter{}, options);
  const std::string csv = to_csv(store, r);
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < csv.size();) {
    const std::size_t end = csv.find('\n', at);
    lines.push_back(csv.substr(at, end - at));
    at = end + 1;
  }
  REQUIRE(lines.size() == r.groups.groups.size() + 1);
  CHECK(lines[0].rfind("channel,period,n,suppressed,csat_n,csat_mean,", 0) == 0);
  const auto cells = [](const std::string& line) { return std::count(line.begin(), line.end(), ',') + 1; };
  for (const std::string& line : lines) CHECK(cells(line) == cells(lines[0]));
  CHECK(cells(lines[0]) == 2 + 21 + 5 * static_cast<long>(store.criteria.size()));
}
