// The tape parser: values, escapes, numbers and the errors it classifies.
#include <catch2/catch.hpp>

#include <string>

#include "detail/json_tape.hpp"

using otklik::error_code;
using otklik::detail::json_kind;
using otklik::detail::json_parse_error;
using otklik::detail::json_tape;

namespace {

bool parses(json_tape& tape, std::string_view text, json_parse_error* error = nullptr) {
  json_parse_error e;
  const bool ok = tape.parse(text, 16, e);
  if (error) *error = e;
  return ok;
}

}  // namespace

TEST_CASE("tape parser reads objects, arrays and scalars", "[json]") {
  json_tape tape;
  REQUIRE(parses(tape, R"( {"a": [1, -2, 3.5, true, false, null], "b": {"c": "d"}, "e": ""} )"));
  std::string seen;
  tape.root().for_each_field([&](std::string_view key, const auto& value) {
    seen += std::string(key) + ":";
    if (key == "a") {
      value.for_each_element([&](std::size_t i, const auto& item) {
        seen += std::to_string(i) + "=" + std::to_string(static_cast<int>(item.kind())) + ",";
      });
    }
    if (key == "b") value.for_each_field([&](std::string_view k, const auto& v) { seen += std::string(k) + std::string(v.get_string()); });
  });
  CHECK(seen == "a:0=2,1=2,2=3,3=1,4=1,5=0,b:cde:");
}

TEST_CASE("tape parser unescapes strings", "[json]") {
  json_tape tape;
  REQUIRE(parses(tape, R"("a\"b\\c\/d\n\t\u0041\u00e9\u0436\ud83d\ude00")"));
  CHECK(tape.root().get_string() == "a\"b\\c/d\n\tA\xC3\xA9\xD0\xB6\xF0\x9F\x98\x80");
  REQUIRE(parses(tape, R"("\u0000")"));
  CHECK(tape.root().get_string() == std::string_view("\0", 1));
}

TEST_CASE("tape parser reads integers at the limits", "[json]") {
  json_tape tape;
  REQUIRE(parses(tape, "-9223372036854775808"));
  CHECK(tape.root().get_int() == INT64_MIN);
  REQUIRE(parses(tape, "18446744073709551615"));  // uint64 reads as INT64_MAX: every range check rejects it
  CHECK(tape.root().kind() == json_kind::integer);
  CHECK(tape.root().get_int() == INT64_MAX);
  REQUIRE(parses(tape, "-0"));
  CHECK(tape.root().get_int() == 0);
  CHECK_FALSE(parses(tape, "18446744073709551616"));
  CHECK_FALSE(parses(tape, "-9223372036854775809"));
}

TEST_CASE("tape parser rejects doubles that round to infinity, exactly at the boundary", "[json]") {
  json_tape tape;
  CHECK(parses(tape, "1.7976931348623157e308"));   // DBL_MAX
  CHECK(parses(tape, "1.7976931348623158e308"));   // still rounds to DBL_MAX
  CHECK_FALSE(parses(tape, "1.7976931348623159e308"));
  CHECK_FALSE(parses(tape, "1e309"));
  CHECK_FALSE(parses(tape, "-1e400"));
  CHECK(parses(tape, "1e-400"));                   // underflow is zero, not an error
  CHECK(parses(tape, "0.00000000000000000000000000001e300"));
  CHECK(parses(tape, "0e99999"));
  CHECK(parses(tape, "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.0"));
  CHECK_FALSE(parses(tape, "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792.0"));
}

TEST_CASE("tape parser classifies errors", "[json]") {
  json_tape tape;
  json_parse_error e;
  CHECK_FALSE(parses(tape, "{\"a\":\xFF}", &e));
  CHECK(e.code == error_code::invalid_utf8);
  CHECK_FALSE(parses(tape, std::string(17, '[') + std::string(17, ']'), &e));
  CHECK(e.code == error_code::too_deep);
  CHECK(parses(tape, std::string(16, '[') + std::string(16, ']')));
  CHECK_FALSE(parses(tape, "{\"a\":1,}", &e));
  CHECK(e.code == error_code::invalid_json);
  CHECK(e.offset == 7);
  for (const char* bad : {"", " ", "[1,]", "[1 2]", "{\"a\" 1}", "{a:1}", "'a'", "\"\t\"", "01", "1.", ".5", "-", "+1",
                          "1e", "tru", "nul", "[", "{", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\udc00\"", "\"\\ud800x\"",
                          "1x", "NaN", "Infinity", "[1]]", "{}{}", "\x7f"}) {
    INFO(bad);
    CHECK_FALSE(parses(tape, bad));
  }
}
