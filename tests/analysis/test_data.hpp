// test_data.hpp — what several analysis tests share: the vector surveys and generated responses.
#pragma once

#include <string>
#include <vector>

#include "dataset.hpp"
#include "otklik/native/survey_dir.hpp"

namespace otklik::test {

// tests/vectors/surveys, loaded once.
inline const native::survey_dir& vector_surveys() {
  static const native::survey_dir dir = native::load_survey_dir(std::string(OTKLIK_VECTORS_DIR) + "/surveys");
  return dir;
}

// `count` valid responses for the vector surveys, the same for the same seed.
inline std::vector<response> generated_responses(std::uint64_t count, std::uint64_t seed) {
  std::vector<response> out;
  dataset_options options;
  options.count = count;
  options.seed = seed;
  generate_responses(vector_surveys().surveys, options, [&](const response& r) { out.push_back(r); });
  return out;
}

}  // namespace otklik::test
