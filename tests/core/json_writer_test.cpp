// The JSON writer escapes exactly what RFC 8259 requires and places commas itself.
#include <catch2/catch.hpp>

#include "otklik/json_writer.hpp"

TEST_CASE("strings are escaped as RFC 8259 requires", "[writer]") {
  std::string out;
  static constexpr char input[] = "a\"b\\c\n\r\t\b\f\x01\x1f/жё\0";
  otklik::append_json_string(out, std::string_view(input, sizeof input - 1));
  CHECK(out == "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f/жё\\u0000\"");
}

TEST_CASE("objects and arrays get their commas", "[writer]") {
  std::string out;
  otklik::json_writer w(out);
  w.begin_object().key("a").integer(-5).key("b").begin_array().string("x").boolean(true).integer(0).end_array();
  w.key("c").begin_object().end_object().key("d").raw("null").end_object();
  CHECK(out == R"({"a":-5,"b":["x",true,0],"c":{},"d":null})");
}

TEST_CASE("JSON Pointer tokens are escaped", "[writer]") {
  std::string out;
  otklik::append_pointer_token(out, "a/b~c");
  CHECK(out == "/a~1b~0c");
}
