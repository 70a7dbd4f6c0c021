// native/collector/storage/sqlite_page_cache.cpp — wraps SQLite's default page cache (pcache1) to skip a scan
// of the whole cache at the end of nearly every write transaction.
//
// Why this exists: when a B-tree page splits, SQLite (3.40) swaps two pages' numbers through a
// temporary key, the page number of the 1 GB "pending byte" (262,145 with 4 KB pages). pcache1
// remembers the highest key it has held, so at the end of the transaction, when the pager drops the
// pages beyond the end of the database (sqlite3PcacheTruncate), pcache1 finds that remembered key far
// beyond the database and walks its whole hash table: every cached page, 16,384 of them with the
// collector's 64 MB cache. The random ids make a page split in almost every batch, so this walk cost
// the writer 2-5 µs per stored row, growing with the database. This wrapper keeps a bitmap of the
// keys that may be in each cache (a superset: pages pcache1 evicts by itself keep their bit), and
// forwards a truncation only when some key at or beyond the limit may be present. Skipping it
// otherwise is exact: pcache1's truncation would then drop nothing (its only other effect is to lower
// that remembered key, which only ever bounds later scans). Everything else goes to pcache1 untouched.
#include "otklik/collector/storage/sqlite_page_cache.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <vector>

namespace otklik::collector {
namespace {

sqlite3_pcache_methods2 default_cache{};  // pcache1, as SQLite configured it

// One connection's cache: pcache1's, and the keys it may hold.
struct tracked_cache {
  sqlite3_pcache* inner;
  std::vector<std::uint64_t> maybe_present;  // bit k: key k may be cached
  unsigned highest = 0;                      // no bit above this one is set

  void mark(unsigned key) {
    const std::size_t word = key / 64;
    if (word >= maybe_present.size()) maybe_present.resize(word + 1, 0);
    maybe_present[word] |= std::uint64_t{1} << (key % 64);
    if (key > highest) highest = key;
  }
  void unmark(unsigned key) {
    const std::size_t word = key / 64;
    if (word < maybe_present.size()) maybe_present[word] &= ~(std::uint64_t{1} << (key % 64));
  }
  // Whether any key >= limit may be cached.
  bool any_from(unsigned limit) const {
    if (limit > highest || maybe_present.empty()) return false;
    const std::size_t last = std::min<std::size_t>(highest / 64, maybe_present.size() - 1);
    for (std::size_t word = limit / 64; word <= last; ++word) {
      std::uint64_t bits = maybe_present[word];
      if (word == limit / 64) bits &= ~std::uint64_t{0} << (limit % 64);
      if (bits != 0) return true;
    }
    return false;
  }
  // Forgets every key >= limit.
  void forget_from(unsigned limit) {
    const std::size_t first = limit / 64;
    if (first < maybe_present.size()) {
      maybe_present[first] &= (limit % 64 == 0) ? 0 : ~(~std::uint64_t{0} << (limit % 64));
      for (std::size_t word = first + 1; word < maybe_present.size(); ++word) maybe_present[word] = 0;
    }
    highest = limit > 0 ? limit - 1 : 0;
  }
};

tracked_cache* tracked(sqlite3_pcache* cache) { return reinterpret_cast<tracked_cache*>(cache); }

sqlite3_pcache* create(int page_size, int extra_size, int purgeable) {
  sqlite3_pcache* inner = default_cache.xCreate(page_size, extra_size, purgeable);
  if (inner == nullptr) return nullptr;
  try {
    return reinterpret_cast<sqlite3_pcache*>(new tracked_cache{inner, {}, 0});
  } catch (...) {
    default_cache.xDestroy(inner);
    return nullptr;  // SQLITE_NOMEM for the connection
  }
}

void cache_size(sqlite3_pcache* cache, int pages) { default_cache.xCachesize(tracked(cache)->inner, pages); }

int page_count(sqlite3_pcache* cache) { return default_cache.xPagecount(tracked(cache)->inner); }

sqlite3_pcache_page* fetch(sqlite3_pcache* cache, unsigned key, int create_flag) {
  tracked_cache* c = tracked(cache);
  sqlite3_pcache_page* page = default_cache.xFetch(c->inner, key, create_flag);
  if (page != nullptr) {
    try {
      c->mark(key);
    } catch (...) {
      default_cache.xUnpin(c->inner, page, 1);
      return nullptr;  // untracked pages must not exist: report it as out of memory
    }
  }
  return page;
}

void unpin(sqlite3_pcache* cache, sqlite3_pcache_page* page, int discard) {
  default_cache.xUnpin(tracked(cache)->inner, page, discard);  // a discarded key keeps its bit: a superset
}

void rekey(sqlite3_pcache* cache, sqlite3_pcache_page* page, unsigned old_key, unsigned new_key) {
  tracked_cache* c = tracked(cache);
  default_cache.xRekey(c->inner, page, old_key, new_key);
  c->unmark(old_key);
  try {
    c->mark(new_key);
  } catch (...) {
    c->highest = ~0u;  // cannot record it: truncations stay conservative from now on
  }
}

void truncate(sqlite3_pcache* cache, unsigned limit) {
  tracked_cache* c = tracked(cache);
  if (c->highest != ~0u && !c->any_from(limit)) {
    c->forget_from(limit);
    return;  // pcache1 holds nothing at or beyond limit: its truncation would drop nothing
  }
  default_cache.xTruncate(c->inner, limit);
  if (c->highest != ~0u) c->forget_from(limit);
}

void destroy(sqlite3_pcache* cache) {
  tracked_cache* c = tracked(cache);
  default_cache.xDestroy(c->inner);
  delete c;
}

void shrink(sqlite3_pcache* cache) { default_cache.xShrink(tracked(cache)->inner); }

}  // namespace

bool install_sqlite_page_cache() {
  static std::once_flag once;
  static bool installed = false;
  std::call_once(once, [] {
    sqlite3_pcache_methods2 current{};
    // Both calls fail harmlessly (SQLITE_MISUSE) once SQLite has started: the default cache stays.
    if (sqlite3_config(SQLITE_CONFIG_GETPCACHE2, &current) != SQLITE_OK || current.xFetch == nullptr) return;
    default_cache = current;
    static sqlite3_pcache_methods2 wrapped = current;  // keeps pArg, xInit and xShutdown of pcache1
    wrapped.xCreate = create;
    wrapped.xCachesize = cache_size;
    wrapped.xPagecount = page_count;
    wrapped.xFetch = fetch;
    wrapped.xUnpin = unpin;
    wrapped.xRekey = rekey;
    wrapped.xTruncate = truncate;
    wrapped.xDestroy = destroy;
    wrapped.xShrink = shrink;
    installed = sqlite3_config(SQLITE_CONFIG_PCACHE2, &wrapped) == SQLITE_OK;
  });
  return installed;
}

}  // namespace otklik::collector
