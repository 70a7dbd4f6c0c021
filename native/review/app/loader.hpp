// loader.hpp — reads NDJSON files, collector databases and snapshots into a dataset on a background thread,
// with progress the interface draws while it stays responsive.
#pragma once

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/dataset.hpp"
#include "app/latest_worker.hpp"

namespace otklik::review {

// What to load: surveys come from a directory (needed to read NDJSON and databases).
struct load_request {
  std::string surveys_dir;
  std::vector<std::string> inputs;
  unsigned threads = 2;
  std::size_t cube_bytes = std::size_t{128} << 20;   // memory the count cube may take (0: none)
};

// A finished load: the dataset, or why there is none.
struct load_outcome {
  bool ok = false;
  std::string error;
  std::vector<std::string> warnings;   // survey files that did not load, invalid lines
  dataset_ptr data;
};

class loader {
 public:
  loader();
  // Starts loading; a load already running finishes and its result is dropped.
  void start(load_request request);
  // Whether a load is running or queued.
  [[nodiscard]] bool busy() const { return !worker_.idle(); }
  // Bytes decoded of all inputs, 0..1 (reading and merging after decoding show as 1).
  [[nodiscard]] float progress() const noexcept;
  // The input being read now.
  [[nodiscard]] std::string current_input() const;
  // The newest finished load, once.
  [[nodiscard]] std::optional<load_outcome> take();

 private:
  load_outcome load(const load_request& request);
  std::atomic<std::uint64_t> done_{0}, total_{1};
  mutable std::mutex input_mutex_;
  std::string input_;
  std::uint64_t newest_ = 0;
  latest_worker<load_request, load_outcome> worker_;  // last: its thread uses the members above
};

}  // namespace otklik::review
