// tests/collector/page_cache_test.cpp — the collector's SQLite page cache (pcache1 with truncations
// skipped when they would drop nothing) keeps databases exact through page splits, rollbacks that
// shrink the database again, and a second connection whose cache goes stale when the first one writes.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <random>
#include <set>
#include <string>

#include "otklik/collector/storage/sqlite_page_cache.hpp"
#include "support/run_command.hpp"

namespace {

void exec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
  INFO((error != nullptr ? error : ""));
  sqlite3_free(error);
  REQUIRE(rc == SQLITE_OK);
}

sqlite3* open_db(const std::string& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  exec(db, "PRAGMA journal_mode = WAL; PRAGMA cache_size = -65536;");
  return db;
}

std::string text_of(sqlite3* db, const char* sql) {
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(s) == SQLITE_ROW);
  std::string value(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  sqlite3_finalize(s);
  return value;
}

}  // namespace

TEST_CASE("the page cache keeps a database exact through page splits, shrinking rollbacks and a second connection") {
  REQUIRE(otklik::collector::install_sqlite_page_cache());  // first in this process: it must take effect
  otklik::test::temp_dir dir;
  const std::string path = dir.file("cache.db");
  sqlite3* writer = open_db(path);
  exec(writer, "CREATE TABLE r (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, body TEXT NOT NULL)");
  sqlite3_stmt* insert = nullptr;
  REQUIRE(sqlite3_prepare_v2(writer, "INSERT INTO r(id, body) VALUES (?1, ?2)", -1, &insert, nullptr) == SQLITE_OK);

  std::mt19937 random(7);
  std::set<std::string> kept;
  const std::string body(300, 'b');
  const auto insert_random = [&](std::set<std::string>* into) {
    std::string id(22, 'x');
    for (char& c : id) c = static_cast<char>('a' + random() % 26);
    sqlite3_bind_text(insert, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 2, body.c_str(), -1, SQLITE_STATIC);
    REQUIRE(sqlite3_step(insert) == SQLITE_DONE);
    sqlite3_reset(insert);
    if (into != nullptr) into->insert(id);
  };
  for (int batch = 0; batch < 150; ++batch) {
    exec(writer, "BEGIN IMMEDIATE");
    // Random keys split index pages in most batches: SQLite then renumbers pages through a temporary key.
    for (int i = 0; i < 40; ++i) insert_random(&kept);
    exec(writer, "COMMIT");
    if (batch % 15 == 7) {
      // Grows the database by many pages, then rolls back: those pages must leave the cache, or the
      // pages the next batches allocate at the same numbers would start from their stale contents.
      exec(writer, "BEGIN IMMEDIATE");
      for (int i = 0; i < 600; ++i) insert_random(nullptr);
      exec(writer, "ROLLBACK");
    }
  }
  sqlite3_finalize(insert);

  CHECK(text_of(writer, "PRAGMA integrity_check") == "ok");
  CHECK(text_of(writer, "SELECT count(*) FROM r") == std::to_string(kept.size()));
  sqlite3* reader = open_db(path);
  CHECK(text_of(reader, "PRAGMA integrity_check") == "ok");
  sqlite3_stmt* find = nullptr;
  REQUIRE(sqlite3_prepare_v2(reader, "SELECT count(*) FROM r WHERE id = ?1", -1, &find, nullptr) == SQLITE_OK);
  std::size_t found = 0;
  for (const std::string& id : kept) {
    sqlite3_bind_text(find, 1, id.c_str(), -1, SQLITE_STATIC);
    REQUIRE(sqlite3_step(find) == SQLITE_ROW);
    found += static_cast<std::size_t>(sqlite3_column_int(find, 0));
    sqlite3_reset(find);
  }
  sqlite3_finalize(find);
  CHECK(found == kept.size());

  // The reader holds every page in its cache now. Once the writer changes them, the reader's next
  // transaction must drop its whole cache (a truncation to nothing) and read the new contents.
  CHECK(text_of(reader, "SELECT sum(length(body)) FROM r") == std::to_string(kept.size() * body.size()));
  exec(writer, "UPDATE r SET body = body || 'x'");
  CHECK(text_of(reader, "SELECT sum(length(body)) FROM r") == std::to_string(kept.size() * (body.size() + 1)));
  CHECK(text_of(reader, "PRAGMA integrity_check") == "ok");
  sqlite3_close(reader);
  sqlite3_close(writer);
}
