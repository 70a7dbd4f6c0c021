// The lexicon: every declined form of its stems is found (in any letter case, with ё or е), ordinary words
// are not, and the hash table stays small enough to live in the first-level cache.
#include <catch2/catch.hpp>

#include <string>

#include "redact/lexicon.hpp"
#include "redact/words.hpp"

using otklik::detail::lex;

namespace {
lex meaning(const std::string& word) {
  const otklik::detail::text_view t(word);
  return otklik::detail::meaning_of(t, 0, word.size());
}
}  // namespace

TEST_CASE("Lexicon: declined forms, case and ё", "[redact][lexicon]") {
  CHECK(meaning("телефона") == lex::cue_phone);
  CHECK(meaning("Телефоном") == lex::cue_phone);
  CHECK(meaning("СНИЛС") == lex::cue_snils);
  CHECK(meaning("полиса") == lex::cue_oms);
  CHECK(meaning("улице") == lex::street_word);
  CHECK(meaning("марта") == lex::month);
  CHECK(meaning("Марии") == lex::first_name);
  CHECK(meaning("Петром") == lex::first_name);
  CHECK(meaning("Артём") == lex::first_name);
  CHECK(meaning("Артем") == lex::first_name);
  CHECK(meaning("платёж") == lex::cue_negative);
  CHECK(meaning("мфц") == lex::agency);
  CHECK(meaning("очередь") == lex::none);
  CHECK(meaning("спасибо") == lex::none);
  CHECK(meaning("телефонист") == lex::none);
}

TEST_CASE("Lexicon: the table stays small", "[redact][lexicon]") {
  // 2,048 buckets of four 16-bit tags: 16 KB. A weak hash would spill into more (it once did: 128 K).
  CHECK(otklik::detail::lexicon::get().bucket_count() <= 2048);
}
