// otklik/collector/storage/sqlite_page_cache.hpp — SQLite's own page cache, minus a full scan of it in every commit.
#pragma once

namespace otklik::collector {

// Installs the page cache for every SQLite connection the process opens afterwards; call it before
// the first one. True when it is in place (later calls, or a call after SQLite has started, change nothing).
[[nodiscard]] bool install_sqlite_page_cache();

}  // namespace otklik::collector
