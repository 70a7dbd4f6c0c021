// UTF-8 validation against the well-formed byte sequences of Unicode table 3-7.
#include <catch2/catch.hpp>

#include "detail/utf8.hpp"

using otklik::detail::count_code_points;
using otklik::detail::is_valid_utf8;

TEST_CASE("valid UTF-8 is accepted", "[utf8]") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain ASCII text that is longer than eight bytes"));
  CHECK(is_valid_utf8("Привет, мир"));
  CHECK(is_valid_utf8("\xE2\x82\xAC"));          // euro sign
  CHECK(is_valid_utf8("\xF0\x9F\x98\x80"));      // emoji
  CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF
  CHECK(is_valid_utf8("\xED\x9F\xBF"));          // U+D7FF, just below the surrogates
}

TEST_CASE("ill-formed UTF-8 is rejected", "[utf8]") {
  CHECK_FALSE(is_valid_utf8("\x80"));              // lone continuation
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xC1\xBF"));          // overlong
  CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong 3-byte
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  CHECK_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));  // overlong 4-byte
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
  CHECK_FALSE(is_valid_utf8("\xFF"));
  CHECK_FALSE(is_valid_utf8("abc\xD0"));           // truncated at the end
  CHECK_FALSE(is_valid_utf8("abcdefgh\xE2\x82"));  // truncated after the fast path
}

TEST_CASE("code points are counted, not bytes", "[utf8]") {
  CHECK(count_code_points("") == 0);
  CHECK(count_code_points("abc") == 3);
  CHECK(count_code_points("жёлтый") == 6);
  CHECK(count_code_points("\xF0\x9F\x98\x80!") == 2);
}
