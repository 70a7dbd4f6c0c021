// k-anonymity: groups and metrics with fewer than k answers show "<k" and no values, in every output.
#include <catch2/catch.hpp>

#include <string>

#include "otklik/native/survey_dir.hpp"
#include "otklik/report.hpp"

using namespace otklik;

namespace {

response make(const std::string& stage, int overall, int time, int queue, channel where = channel::office,
              const std::string& comment = {}) {
  response r;
  r.id = "r000000000000000" + std::to_string(overall);
  r.survey = r.service = "passport-renewal";
  r.stage = stage;
  r.where = where;
  r.locale = "ru";
  r.submitted_at = "2026-10-05T10:00:00Z";
  r.answers.push_back({"overall", question_kind::csat, overall, {}});
  if (time > 0) r.answers.push_back({"time", question_kind::criterion, time, {}});
  if (queue > 0) r.answers.push_back({"queue", question_kind::criterion, queue, {}});
  if (!comment.empty()) r.answers.push_back({"comment", question_kind::text, 0, comment});
  return r;
}

struct small_store {
  native::survey_dir dir = native::load_survey_dir(std::string(OTKLIK_VECTORS_DIR) + "/surveys");
  columnar_store store;
  small_store() {
    store_builder builder(dir.surveys);
    // info: 5 responses (below k = 10); application: 12 responses, only 3 of them rate the queue.
    for (int i = 0; i < 5; ++i) REQUIRE(builder.append(make("info", 1 + i % 5, 3, 0, channel::web, "Сайт не работает")));
    for (int i = 0; i < 12; ++i) {
      REQUIRE(builder.append(make("application", 1 + i % 5, 1 + (i * 3) % 5, i < 3 ? 2 : 0, channel::office,
                                  "Долго ждал в очереди")));
    }
    store = builder.finish();
  }
};

std::string group_json(const std::string& json, const std::string& stage) {
  const std::string start = "{\"service\":\"passport-renewal\",\"stage\":\"" + stage + "\"";
  const auto at = json.find(start);
  if (at == std::string::npos) return {};
  int depth = 0;
  for (std::size_t i = at; i < json.size(); ++i) {
    if (json[i] == '{') ++depth;
    if (json[i] == '}' && --depth == 0) return json.substr(at, i - at + 1);
  }
  return {};
}

}  // namespace

TEST_CASE("a group below k is suppressed whole; a metric below k inside a shown group too", "[analysis][suppression]") {
  const small_store s;
  const aggregation a = aggregate(s.store, filter{}, grouping{});
  REQUIRE(a.groups.size() == 2);
  const group_metrics info = metrics_of(a.groups[0].counts, 10);
  const group_metrics application = metrics_of(a.groups[1].counts, 10);
  CHECK(info.suppressed);
  CHECK(info.csat.n == 0);   // no metric carries an n either
  CHECK_FALSE(application.suppressed);
  CHECK(application.csat.n == 12);
  const std::uint32_t queue = *s.store.criteria.find("queue");
  CHECK(application.criteria[queue].n == 3);
  CHECK(application.criteria[queue].suppressed);
  CHECK(application.criteria[queue].mean == 0.0);
  // With k = 3 the queue criterion shows.
  CHECK_FALSE(metrics_of(a.groups[1].counts, 3).criteria[queue].suppressed);
}

TEST_CASE("the JSON report hides counts and values of small groups everywhere", "[analysis][suppression]") {
  const small_store s;
  report_options options;
  options.k = 10;
  const report r = build_report(s.store, filter{}, options);
  const std::string json = to_json(s.store, r);
  CHECK(group_json(json, "info") == R"({"service":"passport-renewal","stage":"info","suppressed":true,"n_display":"<10"})");
  const std::string application = group_json(json, "application");
  CHECK(application.find(R"("n":12,"suppressed":false)") != std::string::npos);
  CHECK(application.find(R"("queue":{"suppressed":true,"n_display":"<10"})") != std::string::npos);
  // Journey step, trend point, driver table and comments of the small group carry no values either.
  CHECK(json.find(R"({"stage":"info","suppressed":true,"n_display":"<10","csat_change":null,"p_value":null})") !=
        std::string::npos);
  CHECK(json.find(R"({"period":"2026-10","suppressed":true,"n_display":"<10"})") != std::string::npos);
  CHECK(json.find(R"({"service":"passport-renewal","stage":"info","suppressed":true,"n_display":"<10"})",
                  json.find("\"drivers\":")) != std::string::npos);
  CHECK(json.find("Сайт не работает") == std::string::npos);
  CHECK(json.find("Долго ждал в очереди") != std::string::npos);
  CHECK(json.find(R"("responses":17)") != std::string::npos);
  options.k = 20;
  const std::string all_hidden = to_json(s.store, build_report(s.store, filter{}, options));
  CHECK(all_hidden.find(R"("responses_display":"<20")") != std::string::npos);
  CHECK(all_hidden.find("\"n\":") == std::string::npos);
  CHECK(all_hidden.find("Долго") == std::string::npos);
}

TEST_CASE("the CSV report shows <k and empty cells for small groups and metrics", "[analysis][suppression]") {
  const small_store s;
  report_options options;
  options.k = 10;
  const std::string csv = to_csv(s.store, build_report(s.store, filter{}, options));
  const auto line_of = [&](const std::string& prefix) {
    const auto at = csv.find(prefix);
    return at == std::string::npos ? std::string() : csv.substr(at, csv.find('\n', at) - at);
  };
  const std::string info = line_of("passport-renewal,info,");
  CHECK(info.rfind("passport-renewal,info,<10,true,,", 0) == 0);
  CHECK(info.find_first_of("123456789", std::string("passport-renewal,info,<10").size()) == std::string::npos);
  const std::string application = line_of("passport-renewal,application,");
  CHECK(application.rfind("passport-renewal,application,12,false,12,", 0) == 0);
  CHECK(application.find(",<10,,,,") != std::string::npos);  // the queue criterion
}
