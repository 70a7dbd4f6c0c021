// otklik/analysis/terms.hpp — the most frequent terms of each group's comments, after Snowball stemming
// (Russian and English) with stop words removed; only shown groups, only redacted text.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "otklik/report.hpp"

namespace otklik::analysis {

// A word of a comment: its stem (the term) and its lower-case form as written.
struct stemmed_word {
  std::string stem;
  std::string surface;
};

// Splits text into lower-case Cyrillic or Latin words (placeholders like [PHONE] and stop words skipped)
// and stems each with the Snowball stemmer of its script. Keeps a cache: one per thread.
class term_extractor {
 public:
  term_extractor();
  ~term_extractor();
  term_extractor(const term_extractor&) = delete;
  term_extractor& operator=(const term_extractor&) = delete;
  // The stemmed words of `text` in order.
  [[nodiscard]] std::vector<stemmed_word> words(std::string_view text);

 private:
  struct state;
  std::unique_ptr<state> state_;
};

struct term_options {
  std::size_t per_group = 10;
  std::uint64_t min_comments = 3;  // a term must appear in this many comments of the group
  unsigned threads = 2;            // comments are split between this many threads
};

// Terms of every group of the report that is shown (k-anonymity), ranked by how many comments contain them.
[[nodiscard]] std::vector<group_terms> top_terms(const columnar_store& store, const filter& f, const report& r,
                                                 const term_options& options = {});

}  // namespace otklik::analysis
