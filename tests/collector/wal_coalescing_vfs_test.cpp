// tests/collector/wal_coalescing_vfs_test.cpp — the WAL write-coalescing VFS passes SQLite's data through
// exactly (same content as the default VFS under many transactions, rollbacks, spills and checkpoints, seen by
// readers on the default VFS) and a failed write surfaces as SQLite's error code.
#include <sqlite3.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "otklik/collector/storage/sqlite_store.hpp"
#include "otklik/collector/storage/sqlite_wal_coalescing_vfs.hpp"
#include "support/run_command.hpp"

using namespace otklik::collector;

namespace {

sqlite3* open_db(const std::string& path, const char* vfs) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs);
  INFO(path << ": " << (db != nullptr ? sqlite3_errmsg(db) : "no memory"));
  REQUIRE(rc == SQLITE_OK);
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 5000);
  return db;
}

int exec(sqlite3* db, const std::string& sql) { return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr); }

void must(sqlite3* db, const std::string& sql) {
  INFO(sql << ": " << sqlite3_errmsg(db));
  REQUIRE(exec(db, sql) == SQLITE_OK);
}

// Every row of t in key order, as one string: equal strings mean equal tables.
std::string dump(sqlite3* db) {
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT k, u, v FROM t ORDER BY k", -1, &s, nullptr) == SQLITE_OK);
  std::string out;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    out += std::to_string(sqlite3_column_int64(s, 0)) + '|';
    out.append(reinterpret_cast<const char*>(sqlite3_column_text(s, 1)), sqlite3_column_bytes(s, 1));
    out += '|';
    out.append(static_cast<const char*>(sqlite3_column_blob(s, 2)), sqlite3_column_bytes(s, 2));
    out += '\n';
  }
  sqlite3_finalize(s);
  REQUIRE(rc == SQLITE_DONE);
  return out;
}

std::string integrity(sqlite3* db) {
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(s) == SQLITE_ROW);
  std::string result = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  sqlite3_finalize(s);
  return result;
}

// The same random operations, applied to two databases.
struct twin_writer {
  sqlite3* coalesced;
  sqlite3* plain;
  std::mt19937_64 random{20261128};
  std::int64_t next_key = 1;

  void both(const std::string& sql) {
    must(coalesced, sql);
    must(plain, sql);
  }
  // Bytes made here, not by SQLite's randomblob(), so that both databases get the same.
  std::string hex_bytes(std::size_t size) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
      const auto byte = random() & 0xff;
      hex += digits[byte >> 4];
      hex += digits[byte & 0xf];
    }
    return "X'" + hex + "'";
  }
  void insert_blob(std::size_t size) {
    const std::string unique = std::to_string(random());  // random index keys, as the collector's ids
    both("INSERT INTO t(k, u, v) VALUES (" + std::to_string(next_key++) + ", '" + unique + "', " + hex_bytes(size) +
         ")");
  }
  void random_operation() {
    const auto choice = random() % 10;
    if (choice < 6 || next_key < 10) {
      // Mostly small rows; one in five spans several pages (overflow pages).
      insert_blob(random() % 5 == 0 ? 4000 + random() % 16000 : 10 + random() % 400);
    } else if (choice < 8) {
      const std::string value = hex_bytes(random() % 3000);
      both("UPDATE t SET u = u || 'x', v = " + value + " WHERE k = " + std::to_string(1 + random() % (next_key - 1)));
    } else {
      both("DELETE FROM t WHERE k = " + std::to_string(1 + random() % (next_key - 1)));
    }
  }
};

// Fails pwrite(2) on files whose name ends in -wal while armed: an I/O error below the coalescing VFS.
bool fail_wal_writes = false;
sqlite3_syscall_ptr real_pwrite = nullptr;
sqlite3_syscall_ptr real_pwrite64 = nullptr;

bool is_wal_descriptor(int fd) {
  char target[4096];
  const ssize_t n = readlink(("/proc/self/fd/" + std::to_string(fd)).c_str(), target, sizeof target - 1);
  return n > 4 && std::string(target, static_cast<std::size_t>(n)).ends_with("-wal");
}

ssize_t failing_pwrite(int fd, const void* buffer, size_t size, off_t offset) {
  if (fail_wal_writes && is_wal_descriptor(fd)) {
    errno = EIO;
    return -1;
  }
  return reinterpret_cast<ssize_t (*)(int, const void*, size_t, off_t)>(real_pwrite)(fd, buffer, size, offset);
}

ssize_t failing_pwrite64(int fd, const void* buffer, size_t size, off_t offset) {
  if (fail_wal_writes && is_wal_descriptor(fd)) {
    errno = EIO;
    return -1;
  }
  return reinterpret_cast<ssize_t (*)(int, const void*, size_t, off_t)>(real_pwrite64)(fd, buffer, size, offset);
}

}  // namespace

TEST_CASE("wal coalescing vfs: a database written through it is the same as one written through the default VFS") {
  REQUIRE(install_sqlite_wal_coalescing_vfs());
  otklik::test::temp_dir dir;
  const std::string coalesced_path = dir.file("coalesced.db");
  const std::string plain_path = dir.file("plain.db");
  const auto counters_before = sqlite_wal_coalescing_counters();

  twin_writer w{open_db(coalesced_path, sqlite_wal_coalescing_vfs_name), open_db(plain_path, nullptr)};
  // A tiny page cache makes big transactions spill frames into the WAL before their commit.
  w.both("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = 16;"
         "CREATE TABLE t(k INTEGER PRIMARY KEY, u TEXT NOT NULL UNIQUE, v BLOB NOT NULL)");
  sqlite3* reader = open_db(coalesced_path, nullptr);        // default VFS: sees only what reached the file
  sqlite3* checkpointer = open_db(coalesced_path, nullptr);  // copies the WAL into the database meanwhile

  const char* const checkpoint_modes[] = {"PASSIVE", "FULL", "RESTART", "TRUNCATE"};
  for (int transaction = 0; transaction < 400; ++transaction) {
    const auto kind = w.random() % 10;
    w.both("BEGIN IMMEDIATE");
    const int operations = kind == 0 ? 300 : 1 + static_cast<int>(w.random() % 40);  // some spill
    for (int i = 0; i < operations; ++i) {
      if (i == operations / 2 && kind == 1) w.both("SAVEPOINT half");
      w.random_operation();
    }
    if (kind == 1) w.both("ROLLBACK TO half; RELEASE half");
    w.both(kind == 2 || (kind == 0 && transaction % 2 == 0) ? "ROLLBACK" : "COMMIT");

    // A reader on the default VFS sees every commit at once.
    const std::string expected = dump(w.plain);
    INFO("transaction " << transaction);
    REQUIRE(dump(reader) == expected);
    REQUIRE(dump(w.coalesced) == expected);
    if (transaction % 25 == 24) {
      must(checkpointer, std::string("PRAGMA wal_checkpoint(") + checkpoint_modes[(transaction / 25) % 4] + ")");
    }
  }
  // One commit of about 3 MB of frames: many times what the unix VFS writes in one call.
  w.both("PRAGMA cache_size = 2000; BEGIN IMMEDIATE");
  for (int i = 0; i < 300; ++i) w.insert_blob(8000 + w.random() % 4000);
  w.both("COMMIT");
  const std::string expected = dump(w.plain);
  CHECK(dump(reader) == expected);
  CHECK(integrity(w.coalesced) == "ok");
  for (sqlite3* db : {w.coalesced, w.plain, reader, checkpointer}) REQUIRE(sqlite3_close(db) == SQLITE_OK);

  // Some WAL writes were gathered (spills rewrite and reread frames, which ends a run; see the store's case).
  const auto counters_after = sqlite_wal_coalescing_counters();
  const auto received = counters_after.writes_received - counters_before.writes_received;
  const auto issued = counters_after.writes_issued - counters_before.writes_issued;
  CHECK(received > 1000);
  CHECK(issued < received);

  sqlite3* reopened = open_db(coalesced_path, nullptr);
  CHECK(integrity(reopened) == "ok");
  CHECK(dump(reopened) == expected);
  REQUIRE(sqlite3_close(reopened) == SQLITE_OK);
}

TEST_CASE("wal coalescing vfs: a failed WAL write fails the commit with SQLite's error and loses nothing committed") {
  REQUIRE(install_sqlite_wal_coalescing_vfs());
  sqlite3_vfs* unix_vfs = sqlite3_vfs_find(nullptr);
  REQUIRE(unix_vfs->iVersion >= 3);
  real_pwrite = unix_vfs->xGetSystemCall(unix_vfs, "pwrite");
  real_pwrite64 = unix_vfs->xGetSystemCall(unix_vfs, "pwrite64");
  REQUIRE((real_pwrite != nullptr || real_pwrite64 != nullptr));
  if (real_pwrite != nullptr) {
    REQUIRE(unix_vfs->xSetSystemCall(unix_vfs, "pwrite", reinterpret_cast<sqlite3_syscall_ptr>(failing_pwrite)) ==
            SQLITE_OK);
  }
  if (real_pwrite64 != nullptr) {
    REQUIRE(unix_vfs->xSetSystemCall(unix_vfs, "pwrite64",
                                     reinterpret_cast<sqlite3_syscall_ptr>(failing_pwrite64)) == SQLITE_OK);
  }

  otklik::test::temp_dir dir;
  const std::string path = dir.file("failing.db");
  sqlite3* db = open_db(path, sqlite_wal_coalescing_vfs_name);
  must(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
           "CREATE TABLE t(k INTEGER PRIMARY KEY, u TEXT NOT NULL UNIQUE, v BLOB NOT NULL);"
           "INSERT INTO t VALUES (1, 'one', zeroblob(5000))");
  sqlite3* reader = open_db(path, nullptr);
  const std::string committed = dump(reader);

  must(db, "BEGIN IMMEDIATE; INSERT INTO t VALUES (2, 'two', zeroblob(9000)); UPDATE t SET u = 'uno' WHERE k = 1");
  fail_wal_writes = true;
  const int commit_rc = exec(db, "COMMIT");
  fail_wal_writes = false;
  CHECK(commit_rc == SQLITE_IOERR_WRITE);
  if (sqlite3_get_autocommit(db) == 0) must(db, "ROLLBACK");
  CHECK(dump(reader) == committed);
  CHECK(dump(db) == committed);

  // The same connection goes on once the disk does.
  must(db, "INSERT INTO t VALUES (3, 'three', zeroblob(3000))");
  const std::string after = dump(reader);
  CHECK(after != committed);
  CHECK(dump(db) == after);
  REQUIRE(sqlite3_close(reader) == SQLITE_OK);
  REQUIRE(sqlite3_close(db) == SQLITE_OK);
  if (real_pwrite != nullptr) unix_vfs->xSetSystemCall(unix_vfs, "pwrite", real_pwrite);
  if (real_pwrite64 != nullptr) unix_vfs->xSetSystemCall(unix_vfs, "pwrite64", real_pwrite64);

  sqlite3* reopened = open_db(path, nullptr);
  CHECK(integrity(reopened) == "ok");
  CHECK(dump(reopened) == after);
  REQUIRE(sqlite3_close(reopened) == SQLITE_OK);
}

TEST_CASE("wal coalescing vfs: the store's writer uses it with synchronous=FULL, not with NORMAL") {
  otklik::test::temp_dir dir;
  std::vector<stored_response> records;
  for (int i = 0; i < 50; ++i) {
    const std::string id = "cccccccccccc" + std::to_string(1000 + i);
    records.push_back({id, "passport-renewal", "passport-renewal", "application", "2026-11-27T10:00:00Z",
                       R"({"format":"otklik.response/1","id":")" + id + "\"}"});
  }
  std::vector<const stored_response*> batch;
  for (const auto& r : records) batch.push_back(&r);
  for (const bool full : {true, false}) {
    sqlite_options options;
    options.durability = full ? sqlite_durability::full : sqlite_durability::normal;
    auto opened = open_sqlite_store(dir.file(full ? "full.db" : "normal.db"), options);
    REQUIRE(opened.opened);
    const auto before = sqlite_wal_coalescing_counters();
    REQUIRE(opened.opened->put_batch(batch).ok);
    const auto after = sqlite_wal_coalescing_counters();
    const auto received = after.writes_received - before.writes_received;
    const auto issued = after.writes_issued - before.writes_issued;
    if (full) {
      // A commit's frames (two writes each) reach the kernel in one write (this batch is under 124 KB).
      CHECK(received >= 6);
      CHECK(issued <= 3);
    } else {
      CHECK(received == 0);
    }
  }
}
