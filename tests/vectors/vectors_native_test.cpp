// Runs the shared vectors (tests/vectors) against the native core; tests/wasm runs the same files
// against the WebAssembly core, so both builds must give exactly the results written in the vectors.
#include <catch2/catch.hpp>

#include "otklik/native/read_file.hpp"
#include "otklik/native/survey_dir.hpp"
#include "otklik/validate.hpp"
#include "support/vector_file.hpp"

namespace {

const std::string vectors_dir = OTKLIK_VECTORS_DIR;

std::vector<otklik::test::expected_issue> actual(const std::vector<otklik::issue>& issues) {
  std::vector<otklik::test::expected_issue> out;
  for (const auto& i : issues) out.push_back({i.path, std::string(otklik::to_string(i.code))});
  return out;
}

std::string show(const std::vector<otklik::test::expected_issue>& issues) {
  std::string out;
  for (const auto& i : issues) out += (i.path.empty() ? "\"\"" : i.path) + " " + i.code + "; ";
  return out;
}

}  // namespace

TEST_CASE("the vector surveys all load", "[vectors]") {
  const auto dir = otklik::native::load_survey_dir(vectors_dir + "/surveys");
  INFO(dir.errors.size() << " errors, first: " << (dir.errors.empty() ? "" : dir.errors.front()));
  CHECK(dir.errors.empty());
  CHECK(dir.surveys.all().size() == 3);
}

TEST_CASE("response vectors give the expected issues natively", "[vectors]") {
  const auto dir = otklik::native::load_survey_dir(vectors_dir + "/surveys");
  REQUIRE(dir.errors.empty());
  otklik::validator checker;
  const auto cases = otklik::test::load_vectors(vectors_dir + "/responses.json");
  REQUIRE(cases.size() >= 40);
  for (const auto& c : cases) {
    const otklik::survey* s = dir.surveys.find(c.survey);
    REQUIRE(s);
    auto one = checker.check(*s, c.input);
    auto any = checker.check(dir.surveys, c.input);
    INFO("case: " << c.name);
    CHECK(one.ok() == c.ok);
    CHECK(show(actual(one.issues())) == show(c.errors));
    CHECK(show(actual(any.issues())) == show(actual(one.issues())));
    for (const auto& problem : one.issues()) {
      CHECK_FALSE(otklik::message(problem, "ru").empty());
      CHECK(otklik::message(problem, "ru") != otklik::message(problem, "en"));
    }
    if (one && !c.canonical.empty()) CHECK(otklik::to_json(one.value()) == c.canonical);
    if (one) {
      // The canonical form is itself valid and a fixed point.
      auto again = checker.check(*s, otklik::to_json(one.value()));
      REQUIRE(again.ok());
      CHECK(otklik::to_json(again.value()) == otklik::to_json(one.value()));
    }
  }
}

TEST_CASE("survey vectors give the expected issues natively", "[vectors]") {
  const auto cases = otklik::test::load_vectors(vectors_dir + "/surveys.json");
  REQUIRE(cases.size() >= 20);
  for (const auto& c : cases) {
    auto parsed = otklik::parse_survey(c.input);
    INFO("case: " << c.name);
    CHECK(parsed.ok() == c.ok);
    CHECK(show(actual(parsed.issues())) == show(c.errors));
    if (parsed) {
      // Canonical survey JSON parses back to the same survey.
      auto again = otklik::parse_survey(otklik::to_json(parsed.value()));
      REQUIRE(again.ok());
      CHECK(again.value() == parsed.value());
    }
  }
}
