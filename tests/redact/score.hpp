// Scores the redactor on the labelled corpus: recall per type, look-alikes kept, spurious findings.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "corpus.hpp"

namespace otklik::corpus {

struct type_score {
  std::size_t total = 0;
  std::size_t found = 0;      // covered whole by findings, at least one of the right type
  std::size_t redacted = 0;   // covered whole by findings of any type (no personal data left)
  [[nodiscard]] double recall() const { return total ? static_cast<double>(found) / static_cast<double>(total) : 1.0; }
};

struct score {
  std::array<type_score, 15> by_type{};
  std::size_t lookalikes = 0, lookalikes_kept = 0;
  std::size_t findings = 0, spurious = 0;  // findings overlapping no labelled personal data
  std::vector<std::string> misses;         // a few examples for the report
  [[nodiscard]] double kept_share() const {
    return lookalikes ? static_cast<double>(lookalikes_kept) / static_cast<double>(lookalikes) : 1.0;
  }
};

// Redacts every sample and compares with its labels.
[[nodiscard]] score score_corpus(const std::vector<sample>& corpus, std::size_t max_examples = 40);

// The score as a table (one line per type, then look-alikes and spurious findings).
[[nodiscard]] std::string format_score(const score& s);

// Checksummed and structured types must reach 99.5 %, names, addresses and dates of birth 95 %.
[[nodiscard]] double required_recall(pii_type type);

}  // namespace otklik::corpus
