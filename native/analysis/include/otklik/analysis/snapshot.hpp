// otklik/analysis/snapshot.hpp — the columnar store saved as a cereal binary file that reloads far faster
// than parsing the NDJSON again (`otklik ingest --snapshot FILE`).
#pragma once

#include <string>
#include <string_view>

#include "otklik/report.hpp"
#include "otklik/store.hpp"

namespace otklik::analysis {

// The first bytes of every snapshot file (then a format version).
inline constexpr std::string_view snapshot_magic = "OTKLIK-SNAPSHOT\n";
inline constexpr std::uint32_t snapshot_version = 1;

struct snapshot_result {
  bool ok = false;
  std::string error;
  columnar_store store;
  input_summary summary;   // what the ingest that made the snapshot read
};

// Writes the store (and what its ingest read) to `path`; an error sentence, or "" on success.
[[nodiscard]] std::string save_snapshot(const std::string& path, const columnar_store& store,
                                        const input_summary& summary);

// Reads a snapshot written by save_snapshot.
[[nodiscard]] snapshot_result load_snapshot(const std::string& path);

}  // namespace otklik::analysis
