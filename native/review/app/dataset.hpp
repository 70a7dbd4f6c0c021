// dataset.hpp — what the viewer has loaded: the surveys, the columnar store of responses, and what the ingest read.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/count_cube.hpp"
#include "otklik/analysis/ingest.hpp"
#include "otklik/report.hpp"
#include "otklik/store.hpp"
#include "otklik/validate.hpp"

namespace otklik::review {

// Immutable once loaded, shared by the interface and the background workers.
struct dataset {
  survey_set surveys;
  columnar_store store;
  input_summary summary;
  std::vector<std::string> inputs;
  std::vector<analysis::invalid_line> invalid_examples;
  double load_seconds = 0.0;
  std::uint32_t first_hour = 0, last_hour = 0;   // span of the responses (hours since 1970), found once at load
  std::optional<count_cube> cube;                 // filter changes merge its cells (absent when over budget)
};

using dataset_ptr = std::shared_ptr<const dataset>;

}  // namespace otklik::review
