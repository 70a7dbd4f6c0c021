// The labelled corpus (3,000 generated comments in Russian and English): recall per type and the share of
// look-alikes kept must meet the thresholds. The table is printed for the record.
#include <catch2/catch.hpp>

#include <cstdio>

#include "score.hpp"

using namespace otklik::corpus;

TEST_CASE("Corpus: recall per type and look-alikes kept meet the thresholds", "[redact][corpus]") {
  const auto corpus = generate(20261127, 3000);
  REQUIRE(corpus.size() >= 1500);
  const score s = score_corpus(corpus);
  std::printf("%s", format_score(s).c_str());
  for (const auto& m : s.misses) std::printf("  %s\n", m.c_str());
  for (std::size_t i = 0; i < s.by_type.size(); ++i) {
    const auto type = static_cast<otklik::pii_type>(i);
    INFO(otklik::to_string(type) << ": " << s.by_type[i].found << " of " << s.by_type[i].total);
    CHECK(s.by_type[i].total >= 100);
    CHECK(s.by_type[i].recall() >= required_recall(type));
  }
  CHECK(s.kept_share() >= 0.99);
}
