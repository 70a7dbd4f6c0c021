// The built-in templates are complete, valid surveys in Russian and English.
#include <catch2/catch.hpp>

#include <algorithm>

#include "otklik/templates.hpp"
#include "otklik/validate.hpp"

TEST_CASE("every template has ru and en labels and one required csat", "[templates]") {
  REQUIRE(otklik::builtin_templates().size() == 3);
  for (const auto& t : otklik::builtin_templates()) {
    INFO(t.id);
    const auto questions = t.questions();
    CHECK(std::count_if(questions.begin(), questions.end(), [](const auto& q) {
            return q.kind == otklik::question_kind::csat && q.required;
          }) == 1);
    for (const auto& q : questions) {
      CHECK(otklik::is_valid_identifier(q.id));
      CHECK(q.label.find("ru"));
      CHECK(q.label.find("en"));
    }
  }
}

TEST_CASE("the ru-1284 template carries the five criteria", "[templates]") {
  const auto* t = otklik::find_template("ru-1284");
  REQUIRE(t);
  std::vector<std::string> criteria;
  for (const auto& q : t->questions()) {
    if (q.kind == otklik::question_kind::criterion) criteria.push_back(q.criterion);
  }
  CHECK(criteria == std::vector<std::string>{"time", "queue", "staff", "comfort", "info"});
  CHECK_FALSE(otklik::find_template("iso-9001"));
}

TEST_CASE("a template survey validates responses of its questions", "[templates]") {
  auto s = otklik::parse_survey(R"({"format":"otklik.survey/1","id":"s","service":{"id":"s","title":{"en":"S"}},
    "template":"basic","locales":["en"],"stages":[{"id":"a","title":{"en":"A"}}]})");
  REQUIRE(s.ok());
  CHECK(s.value().questions.size() == 5);
  CHECK(s.value().questions[0].label.by_locale.size() == 1);  // only the survey's locales are kept
  otklik::validator v;
  auto r = v.check(s.value(), R"({"format":"otklik.response/1","id":"0123456789abcdef","survey":"s","service":"s",
    "stage":"a","channel":"kiosk","locale":"en","submitted_at":"2026-01-01T00:00:00Z","answers":{"overall":5,"effort":1,"recommend":10,"goal":"no"}})");
  CHECK(r.ok());
}
