// dataset.hpp — a deterministic generator of valid otklik.response/1 responses for given surveys, with
// structure worth finding (a stage where satisfaction drops, a recent fall, criteria of unequal weight,
// comments in Russian and English, some with personal data). Tests, the viewer and benchmarks share it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "otklik/response.hpp"
#include "otklik/validate.hpp"

namespace otklik::test {

struct dataset_options {
  std::uint64_t count = 1000;
  std::uint64_t seed = 1;
  int months = 6;                      // responses spread over this many months …
  std::string end_date = "2026-12-01"; // … before this date (UTC midnight)
  double comment_share = 0.25;         // share of responses with a comment where a text question applies
};

// Calls `emit` with each generated response (valid against its survey) in a fixed order for a given seed.
void generate_responses(const survey_set& surveys, const dataset_options& options,
                        const std::function<void(const response&)>& emit);

}  // namespace otklik::test
