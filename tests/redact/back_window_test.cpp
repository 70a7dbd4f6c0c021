// The backward word walk on bit masks (back_window.hpp) against the byte loop it replaces natively: the
// same words, letters, ". " gaps and stops on random texts mixing Cyrillic, Latin, digits, hyphens,
// sentence stops, stray UTF-8 bytes and the start of the text, from every position and several floors.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "redact/words.hpp"

#if defined(OTKLIK_BACK_WINDOW)
using otklik::detail::back_span;
using otklik::detail::back_window;
using otklik::detail::text_view;

namespace {

struct walked {
  std::vector<std::size_t> bounds;  // start, end, letters, dot_space per word
  bool operator==(const walked&) const = default;
};

walked walk_bytes(const text_view& t, std::size_t pos, std::size_t floor) {
  walked out;
  back_span w;
  for (std::size_t i = pos; otklik::detail::word_back_bytes(t, i, floor, w); i = w.start)
    out.bounds.insert(out.bounds.end(), {w.start, w.end, w.letters, std::size_t{w.dot_space}});
  return out;
}

walked walk_masked(const text_view& t, std::size_t pos, std::size_t floor) {
  walked out;
  back_span w;
  back_window window;
  for (std::size_t i = pos; otklik::detail::word_back_masked(t, i, floor, window, w); i = w.start)
    out.bounds.insert(out.bounds.end(), {w.start, w.end, w.letters, std::size_t{w.dot_space}});
  return out;
}

}  // namespace

TEST_CASE("The masked backward walk finds the words the byte loop finds", "[redact][words]") {
  const std::vector<std::string> pieces = {
      "а", "Я", "ё", "ж", "x", "Q", "7", "0", " ", " ", ".", ". ", "!", "?", "\n", "-", ",", "é", "«", "»", "—",
      "\xD0", "\xD1", "\x80", "\xBF", "пр-т", "д.р.", "ул", "тел", "123", "abcdefghij", "абвгдежзий", "\t", "(", ")"};
  std::mt19937 random(20261128);
  std::size_t words = 0;  // compared, so that the test cannot pass by walking nothing
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    const std::size_t length = random() % 40;
    for (std::size_t k = 0; k < length; ++k) s += pieces[random() % pieces.size()];
    const text_view t(s);
    for (std::size_t pos = 0; pos <= s.size(); ++pos) {
      for (std::size_t floor : {std::size_t{0}, pos / 3, pos / 2, pos > 0 ? pos - 1 : 0}) {
        if (floor > pos) continue;
        const walked expected = walk_bytes(t, pos, floor), got = walk_masked(t, pos, floor);
        words += expected.bounds.size() / 4;
        if (!(expected == got)) FAIL_CHECK("text \"" << s << "\" pos " << pos << " floor " << floor);
      }
    }
  }
  CHECK(words > 100000);
}
#endif
