// otklik/analysis/ingest.hpp — reads NDJSON files, collector databases and snapshots into one columnar store,
// validating every response, in parallel; invalid lines are counted and described, never fatal.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "otklik/report.hpp"
#include "otklik/result.hpp"
#include "otklik/store.hpp"
#include "otklik/validate.hpp"

namespace otklik::analysis {

// What an input file is, from its first bytes.
enum class input_kind : std::uint8_t { ndjson, sqlite, snapshot };
[[nodiscard]] input_kind detect_input(const std::string& path);

// An invalid line: where, and what the core validator says about it.
struct invalid_line {
  std::string source;
  std::uint64_t line = 0;
  std::vector<issue> issues;
};

struct ingest_options {
  unsigned threads = 2;             // NDJSON is split at newlines into this many parts
  bool progress = false;            // draw a progress bar on standard error (callers pass isatty(2))
  std::size_t keep_invalid = 20;    // invalid lines described in full; all are counted
  bool drop_duplicates = true;      // keep one response per id, as the collector does
  // Called from time to time while an input is decoded (input, bytes done, its bytes), for hosts with their own
  // progress display such as the viewer; may be called from another thread.
  std::function<void(const std::string& input, std::uint64_t done, std::uint64_t total)> on_progress;
};

struct ingest_result {
  bool ok = false;
  std::string error;                // the first input that could not be read at all
  columnar_store store;
  input_summary summary;            // lines, invalid, duplicates (summed over inputs)
  std::vector<invalid_line> invalid_examples;
};

// Reads every input into one store.
[[nodiscard]] ingest_result ingest(const survey_set& surveys, const std::vector<std::string>& inputs,
                                   const ingest_options& options);

// Reads NDJSON bytes already in memory (`name` labels invalid lines); the buffer needs no padding.
[[nodiscard]] ingest_result ingest_ndjson(const survey_set& surveys, std::string_view data, const std::string& name,
                                          const ingest_options& options);

}  // namespace otklik::analysis
