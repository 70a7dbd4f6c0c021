// Hostile documents get an issue, never a crash or a hang: huge, deep, truncated, binary.
#include <catch2/catch.hpp>

#include <string>

#include "otklik/validate.hpp"

namespace {

otklik::survey_set no_surveys;

otklik::error_code first_code(otklik::validator& v, const std::string& text) {
  auto r = v.check(no_surveys, text);
  REQUIRE_FALSE(r.ok());
  return r.error();
}

}  // namespace

TEST_CASE("a 100 MB line is too large, not parsed", "[hostile]") {
  otklik::validator v;
  const std::string huge(100u << 20, 'a');
  CHECK(first_code(v, huge) == otklik::error_code::too_large);
}

TEST_CASE("10,000-deep nesting is too deep", "[hostile]") {
  otklik::validator v;
  CHECK(first_code(v, std::string(10000, '[') + std::string(10000, ']')) == otklik::error_code::too_deep);
  CHECK(first_code(v, std::string(10000, '{')) != otklik::error_code{});
  std::string objects;
  for (int i = 0; i < 10000; ++i) objects += "{\"a\":";
  CHECK(first_code(v, objects) == otklik::error_code::too_deep);
}

TEST_CASE("binary garbage and truncation are reported", "[hostile]") {
  otklik::validator v;
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes.push_back(static_cast<char>((i * 7919) & 0xFF));
  CHECK(first_code(v, bytes) == otklik::error_code::invalid_utf8);
  const std::string doc = R"({"format":"otklik.response/1","id":"0123456789abcdef","answers":{"a":1}})";
  for (std::size_t cut = 0; cut < doc.size(); ++cut) {
    INFO(cut);
    CHECK(first_code(v, doc.substr(0, cut)) == otklik::error_code::invalid_json);
  }
}

TEST_CASE("limits are configurable", "[hostile]") {
  otklik::validator small({/*max_bytes=*/64, /*max_depth=*/2});
  CHECK(first_code(small, std::string(65, ' ')) == otklik::error_code::too_large);
  CHECK(first_code(small, "[[[]]]") == otklik::error_code::too_deep);
  CHECK(first_code(small, "[[]]") == otklik::error_code::wrong_type);
}

TEST_CASE("the validator is reusable after any failure", "[hostile]") {
  otklik::validator v;
  auto s = otklik::parse_survey(R"({"format":"otklik.survey/1","id":"s","service":{"id":"s","title":{"en":"S"}},
    "template":"basic","locales":["en"],"stages":[{"id":"a","title":{"en":"A"}}]})");
  REQUIRE(s.ok());
  const std::string good = R"({"format":"otklik.response/1","id":"0123456789abcdef","survey":"s","service":"s",
    "stage":"a","channel":"web","locale":"en","submitted_at":"2026-01-01T00:00:00Z","answers":{"overall":5}})";
  for (const std::string& bad : {std::string("\xFF"), std::string(100, '['), std::string("{"), std::string(2 << 20, ' ')}) {
    CHECK_FALSE(v.check(s.value(), bad).ok());
    CHECK(v.check(s.value(), good).ok());
  }
}
