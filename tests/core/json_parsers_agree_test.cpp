// Differential test: the tape parser (the WebAssembly build's parser) accepts exactly what simdjson
// accepts, on hand-picked edge cases and on many deterministic mutations of valid documents.
#include <catch2/catch.hpp>
#include <simdjson.h>

#include <cstdint>
#include <string>
#include <vector>

#include "detail/json_tape.hpp"

namespace {

bool simdjson_accepts(simdjson::dom::parser& parser, const std::string& text) {
  return !parser.parse(simdjson::padded_string(text)).error();
}

bool tape_accepts(otklik::detail::json_tape& tape, const std::string& text) {
  otklik::detail::json_parse_error e;
  return tape.parse(text, 16, e);
}

// A small deterministic generator (xorshift), so that failures reproduce.
struct rng {
  std::uint64_t state;
  std::uint64_t next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

}  // namespace

TEST_CASE("tape parser and simdjson agree on edge cases", "[json][differential]") {
  simdjson::dom::parser parser;
  REQUIRE(parser.allocate(1 << 16, 16) == simdjson::SUCCESS);
  otklik::detail::json_tape tape;
  const std::vector<std::string> cases = {
      "0", "-0", "-0.0", "1E2", "1e+2", "1e-2", "0e0", "123", "-123", "1.5e-400", "9223372036854775807",
      "9223372036854775808", "18446744073709551615", "18446744073709551616", "-9223372036854775808",
      "-9223372036854775809", "1e400", "1.7976931348623157e308", "1.7976931348623159e308", "\"\\u0000\"",
      "\"\\ud800\"", "\"\\ud800\\udc00\"", "\"\\udc00\"", "[]", "{}", "[[]]", "{\"\":0}", "{\"a\":{}}", "[1,]", "[,1]",
      "{\"a\":1,}", "{,}", "[1 2]", "\"\t\"", "\"\x7f\"", "01", "1.", "-", "--1", "1x", "[1]x", "true", "truex",
      "false", "null", "nul", " [ 1 , 2 ] ", "\n\r\t1", "\f1", "\"a\" \"b\"", "[\"a\":1]", "{\"a\" 1}", "{1:1}",
      "\"\\/\"", "\"\\x\"", "\"\\u00e9\"", "\"\\u00E9\"", "\"\\uZZZZ\"", "2.", "-.5", ".5", "1e", "1e+", "0x10",
      "\xEF\xBB\xBF{}", "{\"a\":1}\x00", "[" + std::string(15, '[') + std::string(16, ']'),
      std::string(16, '[') + std::string(16, ']'), std::string(17, '[') + std::string(17, ']')};
  for (const auto& text : cases) {
    INFO("document: " << text);
    CHECK(tape_accepts(tape, text) == simdjson_accepts(parser, text));
  }
}

TEST_CASE("tape parser and simdjson agree on 20000 mutated documents", "[json][differential]") {
  simdjson::dom::parser parser;
  REQUIRE(parser.allocate(1 << 16, 16) == simdjson::SUCCESS);
  otklik::detail::json_tape tape;
  const std::vector<std::string> seeds = {
      R"({"format":"otklik.response/1","id":"f3b1c9e2-7a4d-4c1e","answers":{"overall":4,"nps":10,"c":"Долго \"ждал\"\n"},"x":[1.5e3,-0,true,false,null]})",
      R"([{"a":[]},{"b":{}},"\u0436\ud83d\ude00",12345678901234567890,0.1e-7])",
  };
  static const char alphabet[] = "{}[]\":,.-+eE0123456789 \\tfnru\x80\xD0\xB6";
  rng random{0x9E3779B97F4A7C15ull};
  int disagreements = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text = seeds[random.below(seeds.size())];
    const std::size_t edits = 1 + random.below(3);
    for (std::size_t k = 0; k < edits; ++k) {
      const std::size_t at = random.below(text.size() + 1);
      switch (random.below(3)) {
        case 0: if (at < text.size()) text.erase(at, 1); break;
        case 1: text.insert(at, 1, alphabet[random.below(sizeof alphabet - 1)]); break;
        default: if (at < text.size()) text[at] = alphabet[random.below(sizeof alphabet - 1)];
      }
    }
    if (tape_accepts(tape, text) != simdjson_accepts(parser, text)) {
      ++disagreements;
      UNSCOPED_INFO("disagreement on: " << text);
    }
  }
  CHECK(disagreements == 0);
}
