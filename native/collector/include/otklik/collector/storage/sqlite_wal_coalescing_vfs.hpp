// otklik/collector/storage/sqlite_wal_coalescing_vfs.hpp — a SQLite VFS that hands a commit's WAL frames to the
// kernel in a few large writes instead of two small writes per frame.
#pragma once

#include <cstdint>

struct sqlite3_vfs;

namespace otklik::collector {

// The name connections pass to sqlite3_open_v2 to write their WAL through the coalescing VFS.
inline constexpr const char* sqlite_wal_coalescing_vfs_name = "otklik-wal-coalescing";

// Registers the VFS (not as the default) over SQLite's default VFS, once per process; true when it is
// registered. Only for connections with synchronous=FULL: their commit syncs the WAL, and the buffered
// frames reach the kernel before that sync, so before the commit is acknowledged or visible to readers.
[[nodiscard]] bool install_sqlite_wal_coalescing_vfs();

// Registers a coalescing VFS called `name` over `underlying` (tests wrap a VFS that injects failures).
[[nodiscard]] bool register_sqlite_wal_coalescing_vfs(const char* name, sqlite3_vfs* underlying);

// Process-wide counts, so that a test or an operator can see that coalescing happens.
struct wal_coalescing_counters {
  std::uint64_t writes_received;  // xWrite calls SQLite made on WAL files
  std::uint64_t writes_issued;    // xWrite calls passed on to the underlying VFS for WAL files
};
[[nodiscard]] wal_coalescing_counters sqlite_wal_coalescing_counters();

}  // namespace otklik::collector
