// otklik/collector/storage/sqlite_store.hpp — the embedded SQLite store: WAL, prepared statements,
// one transaction per batch, a versioned schema migrated on open.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "otklik/collector/storage/store.hpp"

namespace otklik::collector {

// How far a commit goes before put_batch returns. Both survive a crash of the process (SIGKILL):
// a committed WAL frame is in the operating system's page cache either way. Only `full` also
// survives a power loss or kernel crash, at the price of one fsync per batch.
enum class sqlite_durability : std::uint8_t { full, normal };

struct sqlite_options {
  sqlite_durability durability = sqlite_durability::full;
  bool read_only = false;  // export and analysis: never creates, never migrates
  // Stored ids waiting outside the id index before a merge starts (at least; tests make merges frequent).
  std::size_t id_merge_min_waiting = 65536;
};

// The store, or why it could not be opened (unreadable file, newer schema, not an Otklik database).
struct sqlite_open_result {
  std::unique_ptr<store> opened;
  std::string error;
};

// The schema version this build writes; older databases are migrated on a writable open.
inline constexpr int sqlite_schema_version = 2;

// Opens (and when writable, creates and migrates) the database at `path`.
[[nodiscard]] sqlite_open_result open_sqlite_store(const std::string& path, sqlite_options options = {});

}  // namespace otklik::collector
