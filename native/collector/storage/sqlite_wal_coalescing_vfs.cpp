// native/collector/storage/sqlite_wal_coalescing_vfs.cpp — a VFS over SQLite's default one that gathers a
// transaction's WAL frame writes into one contiguous buffer and hands it to the kernel in a few large writes.
//
// Why this exists (hand-written: SQLite has no option to coalesce WAL writes): SQLite 3.40 writes each
// WAL frame with two pwrite(2) calls, its 24-byte header and then its page. A collector commit (about
// 50 submissions, each dirtying about one random page of the unique id index) writes about 69 frames,
// so 138 pwrite calls before the fdatasync, measured with strace on the writer thread; in this VM
// pwrite was 20 % of the writer's CPU samples (perf), and a commit's frames written as one pwrite
// instead of 138 took 25 µs instead of 70-90 µs (a micro-benchmark on the same disk). With this VFS a
// commit of ~280 KB takes 3 pwrite calls. Figures of the collector before and after: docs/operations.md.
//
// What it does: only files opened with SQLITE_OPEN_WAL are wrapped; every other file is the default
// VFS's own file, untouched. On a WAL file, an xWrite that continues the pending contiguous run is
// appended to a buffer (up to 4 MB); every other call (a write elsewhere, xRead, xSync, xTruncate,
// xFileSize, locks, file controls, xClose) first writes the pending run with the underlying xWrite,
// in pieces of at most 124 KB (the unix VFS's limit per call), so a failure comes back from that
// call as SQLite's own error code, and reads always see what SQLite wrote. A run whose write failed stays pending and is written again by the
// next call (never dropped: a later xSync must not succeed without it).
//
// Why durability is unchanged: with synchronous=FULL, SQLite syncs the WAL (xSync) in every commit
// before it publishes the commit in the wal-index and before COMMIT returns, and the buffer is written
// before that sync. With synchronous=NORMAL there is no sync in a commit and frames would stay in the
// buffer after COMMIT: that is why only connections with synchronous=FULL may use this VFS.
#include "otklik/collector/storage/sqlite_wal_coalescing_vfs.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <deque>
#include <mutex>
#include <new>
#include <string>
#include <vector>

namespace otklik::collector {
namespace {

constexpr std::size_t pending_cap = 4u << 20;  // 4 MB: far above a batch's ~300 KB, bounds memory
// The unix VFS writes at most 128 KB - 1 in one xWrite (it masks the length with 0x1ffff, and a
// multiple of 128 KB would come out as a zero-length write reported as SQLITE_FULL): 31 pages of 4 KB.
constexpr std::size_t max_write = 31 * 4096;

std::atomic<std::uint64_t> writes_received{0};
std::atomic<std::uint64_t> writes_issued{0};

sqlite3_vfs* underlying_of(sqlite3_vfs* vfs) { return static_cast<sqlite3_vfs*>(vfs->pAppData); }

// A WAL file: our methods in front, the underlying VFS's file after it in the same allocation.
struct wal_file {
  sqlite3_file base;                   // base.pMethods is wal_methods
  sqlite3_file* real;                  // the underlying VFS's file, right after this struct
  std::vector<unsigned char> pending;  // bytes SQLite wrote that the kernel has not seen yet
  sqlite3_int64 pending_start = 0;     // file offset of pending[0]
};

constexpr std::size_t real_file_offset = (sizeof(wal_file) + 15) & ~std::size_t{15};

wal_file* as_wal(sqlite3_file* file) { return reinterpret_cast<wal_file*>(file); }
const sqlite3_io_methods& real_methods(wal_file* f) { return *f->real->pMethods; }

// Writes the pending run with as few underlying xWrite calls as it takes; on failure, what was not
// written stays pending for the next call.
int flush(wal_file* f) {
  std::size_t done = 0;
  int rc = SQLITE_OK;
  while (done < f->pending.size()) {
    const std::size_t amount = std::min(f->pending.size() - done, max_write);
    writes_issued.fetch_add(1, std::memory_order_relaxed);
    rc = real_methods(f).xWrite(f->real, f->pending.data() + done, static_cast<int>(amount),
                                f->pending_start + static_cast<sqlite3_int64>(done));
    if (rc != SQLITE_OK) break;
    done += amount;
  }
  f->pending.erase(f->pending.begin(), f->pending.begin() + static_cast<std::ptrdiff_t>(done));
  f->pending_start += static_cast<sqlite3_int64>(done);
  return rc;
}

int wal_close(sqlite3_file* file) {
  wal_file* f = as_wal(file);
  // What is still pending was never synced, so never committed: a failure here loses nothing acknowledged.
  (void)flush(f);
  const int rc = real_methods(f).xClose(f->real);
  f->~wal_file();
  return rc;
}

// Every call on a WAL file that reads, syncs, sizes, truncates or locks it: the pending run is written
// first, then the underlying method runs (a failed write is that call's failure).
template <auto method, typename... Args>
int flushed_then(sqlite3_file* file, Args... args) {
  wal_file* f = as_wal(file);
  if (const int rc = flush(f); rc != SQLITE_OK) return rc;
  return (real_methods(f).*method)(f->real, args...);
}

int wal_write(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
  wal_file* f = as_wal(file);
  writes_received.fetch_add(1, std::memory_order_relaxed);
  const auto* bytes = static_cast<const unsigned char*>(buffer);
  const auto size = static_cast<std::size_t>(amount);
  const bool continues = !f->pending.empty() &&
                         offset == f->pending_start + static_cast<sqlite3_int64>(f->pending.size()) &&
                         f->pending.size() + size <= pending_cap;
  if (!continues) {
    if (const int rc = flush(f); rc != SQLITE_OK) return rc;
    f->pending_start = offset;
  }
  f->pending.insert(f->pending.end(), bytes, bytes + size);
  return SQLITE_OK;
}

// Geometry only, no data: no flush (these calls cannot report a failure).
int wal_sector_size(sqlite3_file* file) {
  wal_file* f = as_wal(file);
  return real_methods(f).xSectorSize(f->real);
}

int wal_device_characteristics(sqlite3_file* file) {
  wal_file* f = as_wal(file);
  return real_methods(f).xDeviceCharacteristics(f->real);
}

// SQLite calls the shared-memory methods on the database file, never on its WAL; forwarded for completeness.
int wal_shm_map(sqlite3_file* file, int region, int size, int extend, void volatile** address) {
  wal_file* f = as_wal(file);
  if (const int rc = flush(f); rc != SQLITE_OK) return rc;
  if (real_methods(f).iVersion < 2 || real_methods(f).xShmMap == nullptr) return SQLITE_IOERR_SHMMAP;
  return real_methods(f).xShmMap(f->real, region, size, extend, address);
}

int wal_shm_lock(sqlite3_file* file, int offset, int count, int flags) {
  wal_file* f = as_wal(file);
  if (const int rc = flush(f); rc != SQLITE_OK) return rc;
  if (real_methods(f).iVersion < 2 || real_methods(f).xShmLock == nullptr) return SQLITE_IOERR_SHMLOCK;
  return real_methods(f).xShmLock(f->real, offset, count, flags);
}

void wal_shm_barrier(sqlite3_file* file) {
  wal_file* f = as_wal(file);
  if (real_methods(f).iVersion >= 2 && real_methods(f).xShmBarrier != nullptr) real_methods(f).xShmBarrier(f->real);
}

int wal_shm_unmap(sqlite3_file* file, int delete_flag) {
  wal_file* f = as_wal(file);
  if (const int rc = flush(f); rc != SQLITE_OK) return rc;
  if (real_methods(f).iVersion < 2 || real_methods(f).xShmUnmap == nullptr) return SQLITE_OK;
  return real_methods(f).xShmUnmap(f->real, delete_flag);
}

int wal_fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** page) {
  wal_file* f = as_wal(file);
  *page = nullptr;
  if (const int rc = flush(f); rc != SQLITE_OK) return rc;
  if (real_methods(f).iVersion < 3 || real_methods(f).xFetch == nullptr) return SQLITE_OK;
  return real_methods(f).xFetch(f->real, offset, amount, page);
}

int wal_unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
  wal_file* f = as_wal(file);
  if (const int rc = flush(f); rc != SQLITE_OK) return rc;
  if (real_methods(f).iVersion < 3 || real_methods(f).xUnfetch == nullptr) return SQLITE_OK;
  return real_methods(f).xUnfetch(f->real, offset, page);
}

const sqlite3_io_methods wal_methods = {
    3,
    wal_close,
    flushed_then<&sqlite3_io_methods::xRead, void*, int, sqlite3_int64>,
    wal_write,
    flushed_then<&sqlite3_io_methods::xTruncate, sqlite3_int64>,
    flushed_then<&sqlite3_io_methods::xSync, int>,
    flushed_then<&sqlite3_io_methods::xFileSize, sqlite3_int64*>,
    flushed_then<&sqlite3_io_methods::xLock, int>,
    flushed_then<&sqlite3_io_methods::xUnlock, int>,
    flushed_then<&sqlite3_io_methods::xCheckReservedLock, int*>,
    flushed_then<&sqlite3_io_methods::xFileControl, int, void*>,
    wal_sector_size,
    wal_device_characteristics,
    wal_shm_map,
    wal_shm_lock,
    wal_shm_barrier,
    wal_shm_unmap,
    wal_fetch,
    wal_unfetch,
};

// A WAL file gets the buffer in front; any other file is opened by the underlying VFS in place, so it
// keeps the underlying methods and nothing of this VFS runs on it.
int vfs_open(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  sqlite3_vfs* under = underlying_of(vfs);
  if ((flags & SQLITE_OPEN_WAL) == 0) return under->xOpen(under, name, file, flags, out_flags);
  auto* f = new (file) wal_file{};
  f->base.pMethods = nullptr;
  f->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<unsigned char*>(file) + real_file_offset);
  const int rc = under->xOpen(under, name, f->real, flags, out_flags);
  if (rc != SQLITE_OK || f->real->pMethods == nullptr) {
    if (f->real->pMethods != nullptr) f->real->pMethods->xClose(f->real);
    f->~wal_file();
    file->pMethods = nullptr;
    return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
  }
  f->base.pMethods = &wal_methods;
  return SQLITE_OK;
}

// Everything but xOpen goes to the underlying VFS, called with its own object.
int vfs_delete(sqlite3_vfs* vfs, const char* name, int sync_dir) {
  return underlying_of(vfs)->xDelete(underlying_of(vfs), name, sync_dir);
}
int vfs_access(sqlite3_vfs* vfs, const char* name, int flags, int* result) {
  return underlying_of(vfs)->xAccess(underlying_of(vfs), name, flags, result);
}
int vfs_full_pathname(sqlite3_vfs* vfs, const char* name, int size, char* out) {
  return underlying_of(vfs)->xFullPathname(underlying_of(vfs), name, size, out);
}
void* vfs_dl_open(sqlite3_vfs* vfs, const char* name) { return underlying_of(vfs)->xDlOpen(underlying_of(vfs), name); }
void vfs_dl_error(sqlite3_vfs* vfs, int size, char* out) { underlying_of(vfs)->xDlError(underlying_of(vfs), size, out); }
void (*vfs_dl_sym(sqlite3_vfs* vfs, void* handle, const char* symbol))(void) {
  return underlying_of(vfs)->xDlSym(underlying_of(vfs), handle, symbol);
}
void vfs_dl_close(sqlite3_vfs* vfs, void* handle) { underlying_of(vfs)->xDlClose(underlying_of(vfs), handle); }
int vfs_randomness(sqlite3_vfs* vfs, int size, char* out) {
  return underlying_of(vfs)->xRandomness(underlying_of(vfs), size, out);
}
int vfs_sleep(sqlite3_vfs* vfs, int microseconds) { return underlying_of(vfs)->xSleep(underlying_of(vfs), microseconds); }
int vfs_current_time(sqlite3_vfs* vfs, double* now) { return underlying_of(vfs)->xCurrentTime(underlying_of(vfs), now); }
int vfs_get_last_error(sqlite3_vfs* vfs, int size, char* out) {
  return underlying_of(vfs)->xGetLastError(underlying_of(vfs), size, out);
}
int vfs_current_time_int64(sqlite3_vfs* vfs, sqlite3_int64* now) {
  return underlying_of(vfs)->xCurrentTimeInt64(underlying_of(vfs), now);
}
int vfs_set_system_call(sqlite3_vfs* vfs, const char* name, sqlite3_syscall_ptr call) {
  return underlying_of(vfs)->xSetSystemCall(underlying_of(vfs), name, call);
}
sqlite3_syscall_ptr vfs_get_system_call(sqlite3_vfs* vfs, const char* name) {
  return underlying_of(vfs)->xGetSystemCall(underlying_of(vfs), name);
}
const char* vfs_next_system_call(sqlite3_vfs* vfs, const char* name) {
  return underlying_of(vfs)->xNextSystemCall(underlying_of(vfs), name);
}

// A registered VFS must outlive every connection: these live until the process ends.
struct registered_vfs {
  std::string name;
  sqlite3_vfs vfs{};
};
std::mutex registry_mutex;
std::deque<registered_vfs> registry;

}  // namespace

bool register_sqlite_wal_coalescing_vfs(const char* name, sqlite3_vfs* under) {
  if (name == nullptr || under == nullptr) return false;
  const std::lock_guard<std::mutex> lock(registry_mutex);
  if (sqlite3_vfs_find(name) != nullptr) {
    for (const registered_vfs& r : registry) {
      if (r.name == name) return true;
    }
    return false;  // another VFS of that name
  }
  registered_vfs& r = registry.emplace_back();
  r.name = name;
  sqlite3_vfs& v = r.vfs;
  v.iVersion = under->iVersion;
  v.szOsFile = static_cast<int>(real_file_offset) + under->szOsFile;
  v.mxPathname = under->mxPathname;
  v.zName = r.name.c_str();
  v.pAppData = under;
  v.xOpen = vfs_open;
  v.xDelete = vfs_delete;
  v.xAccess = vfs_access;
  v.xFullPathname = vfs_full_pathname;
  v.xDlOpen = under->xDlOpen != nullptr ? vfs_dl_open : nullptr;
  v.xDlError = under->xDlError != nullptr ? vfs_dl_error : nullptr;
  v.xDlSym = under->xDlSym != nullptr ? vfs_dl_sym : nullptr;
  v.xDlClose = under->xDlClose != nullptr ? vfs_dl_close : nullptr;
  v.xRandomness = vfs_randomness;
  v.xSleep = vfs_sleep;
  v.xCurrentTime = vfs_current_time;
  v.xGetLastError = under->xGetLastError != nullptr ? vfs_get_last_error : nullptr;
  if (under->iVersion >= 2) v.xCurrentTimeInt64 = under->xCurrentTimeInt64 != nullptr ? vfs_current_time_int64 : nullptr;
  if (under->iVersion >= 3) {
    v.xSetSystemCall = under->xSetSystemCall != nullptr ? vfs_set_system_call : nullptr;
    v.xGetSystemCall = under->xGetSystemCall != nullptr ? vfs_get_system_call : nullptr;
    v.xNextSystemCall = under->xNextSystemCall != nullptr ? vfs_next_system_call : nullptr;
  }
  if (sqlite3_vfs_register(&v, 0) != SQLITE_OK) {
    registry.pop_back();
    return false;
  }
  return true;
}

bool install_sqlite_wal_coalescing_vfs() {
  static const bool installed = [] {
    return sqlite3_initialize() == SQLITE_OK &&
           register_sqlite_wal_coalescing_vfs(sqlite_wal_coalescing_vfs_name, sqlite3_vfs_find(nullptr));
  }();
  return installed;
}

wal_coalescing_counters sqlite_wal_coalescing_counters() {
  return {writes_received.load(std::memory_order_relaxed), writes_issued.load(std::memory_order_relaxed)};
}

}  // namespace otklik::collector
