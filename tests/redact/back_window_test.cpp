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
using otklik::detail::back_word;
using otklik::detail::text_view;

namespace {

// Every word visited: start, end, letters, distance, meaning.
using walked = std::vector<std::size_t>;

void record(walked& out, const back_word& w) {
  out.insert(out.end(), {w.start, w.end, w.letters, w.distance, static_cast<std::size_t>(w.meaning)});
}

walked walk_bytes(const text_view& t, std::size_t pos, std::size_t floor, unsigned limit) {
  walked out;
  auto visit = [&](const back_word& w) { return record(out, w), true; };
  otklik::detail::walk_words_back(t, pos, floor, 0, limit, visit);
  return out;
}

walked walk_masked(const text_view& t, std::size_t pos, std::size_t floor, unsigned limit) {
  walked out;
  otklik::detail::for_each_word_back(t, pos, floor, limit, [&](const back_word& w) { return record(out, w), true; });
  return out;
}

}  // namespace

TEST_CASE("The masked backward walk finds the words the byte loop finds", "[redact][words]") {
  const std::vector<std::string> pieces = {
      "а", "Я", "ё", "ж", "x", "Q", "7", "0", " ", " ", ".", ". ", "!", "?", "\n", "-", ",", "é", "«", "»", "—",
      "\xD0", "\xD1", "\x80", "\xBF", "пр-т", "д.р.", "ул", "тел", "Тел", "123", "abcdefghij", "абвгдежзий", "\t", "(", ")"};
  std::mt19937 random(20261128);
  std::size_t words = 0;  // compared, so that the test cannot pass by walking nothing
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    const std::size_t length = random() % 40;
    for (std::size_t k = 0; k < length; ++k) s += pieces[random() % pieces.size()];
    const text_view t(s);
    for (std::size_t pos = 0; pos <= s.size(); ++pos) {
      for (std::size_t floor : {std::size_t{0}, pos / 3, pos / 2, pos > 0 ? pos - 1 : 0}) {
        const unsigned limit = 1 + static_cast<unsigned>(random() % 12);
        const walked expected = walk_bytes(t, pos, floor, limit), got = walk_masked(t, pos, floor, limit);
        words += expected.size() / 5;
        if (expected != got) FAIL_CHECK("text \"" << s << "\" pos " << pos << " floor " << floor << " limit " << limit);
      }
    }
  }
  CHECK(words > 100000);
}
#endif
