// tests/collector/store_test.cpp — the SQLite store: schema and migrations, idempotent batches,
// arrival-order scans, read-only opens.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "otklik/collector/storage/sqlite_store.hpp"
#include "support/run_command.hpp"

using namespace otklik::collector;

namespace {

stored_response record(const std::string& id, const std::string& comment = "ok") {
  return {id, "passport-renewal", "passport-renewal", "application", "2026-11-27T10:00:00Z",
          R"({"format":"otklik.response/1","id":")" + id + R"(","comment":")" + comment + "\"}"};
}

std::vector<std::string> scan_all(store& s) {
  std::vector<std::string> bodies;
  auto cursor = s.scan();
  std::string_view body;
  while (cursor->next(body)) bodies.emplace_back(body);
  REQUIRE(cursor->error().empty());
  return bodies;
}

batch_result put(store& s, const std::vector<stored_response>& records) {
  std::vector<const stored_response*> pointers;
  for (const auto& r : records) pointers.push_back(&r);
  return s.put_batch(pointers);
}

// Runs one statement on a side connection, as an operator's sqlite3 shell would.
void side_exec(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
  INFO((error != nullptr ? error : ""));
  sqlite3_free(error);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("sqlite store writes a batch in one transaction and reports duplicates within and across batches") {
  otklik::test::temp_dir dir;
  auto opened = open_sqlite_store(dir.file("c.db"));
  REQUIRE(opened.opened);
  store& s = *opened.opened;

  const auto first = put(s, {record("aaaaaaaaaaaaaaaa"), record("bbbbbbbbbbbbbbbb"), record("aaaaaaaaaaaaaaaa", "again")});
  REQUIRE(first.ok);
  CHECK(first.statuses == std::vector{put_status::stored, put_status::stored, put_status::duplicate});

  const auto second = put(s, {record("bbbbbbbbbbbbbbbb"), record("cccccccccccccccc")});
  REQUIRE(second.ok);
  CHECK(second.statuses == std::vector{put_status::duplicate, put_status::stored});

  const auto bodies = scan_all(s);
  REQUIRE(bodies.size() == 3);
  CHECK(bodies[0].find("aaaaaaaaaaaaaaaa") != std::string::npos);
  CHECK(bodies[0].find("again") == std::string::npos);  // the first write wins; a repeat changes nothing
  CHECK(bodies[1].find("bbbbbbbbbbbbbbbb") != std::string::npos);
  CHECK(bodies[2].find("cccccccccccccccc") != std::string::npos);
  CHECK(s.healthy());
}

TEST_CASE("sqlite store keeps its data and schema version across reopen, with WAL journaling") {
  otklik::test::temp_dir dir;
  const std::string path = dir.file("c.db");
  {
    auto opened = open_sqlite_store(path);
    REQUIRE(opened.opened);
    REQUIRE(put(*opened.opened, {record("dddddddddddddddd")}).ok);
  }
  auto reopened = open_sqlite_store(path);
  REQUIRE(reopened.opened);
  CHECK(scan_all(*reopened.opened).size() == 1);
  CHECK(put(*reopened.opened, {record("dddddddddddddddd")}).statuses == std::vector{put_status::duplicate});

  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT max(version), count(*) FROM schema_version", -1, &q, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(q) == SQLITE_ROW);
  CHECK(sqlite3_column_int(q, 0) == sqlite_schema_version);
  CHECK(sqlite3_column_int(q, 1) == sqlite_schema_version);  // one row per migration step
  sqlite3_finalize(q);
  REQUIRE(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &q, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(q) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(q, 0))) == "wal");
  sqlite3_finalize(q);
  sqlite3_close(db);
}

TEST_CASE("sqlite store refuses a database from a newer otklik and a database that is not Otklik's") {
  otklik::test::temp_dir dir;
  const std::string newer = dir.file("newer.db");
  REQUIRE(open_sqlite_store(newer).opened);
  side_exec(newer, "INSERT INTO schema_version(version, note) VALUES (99, 'from the future')");
  const auto refused = open_sqlite_store(newer);
  CHECK_FALSE(refused.opened);
  CHECK(refused.error.find("newer") != std::string::npos);

  const std::string foreign = dir.file("foreign.db");
  side_exec(foreign, "CREATE TABLE accounts(name TEXT)");
  const auto not_ours = open_sqlite_store(foreign);
  CHECK_FALSE(not_ours.opened);
  CHECK(not_ours.error.find("not an Otklik") != std::string::npos);
}

TEST_CASE("a read-only store never creates a file, reads what the writer committed, and cannot write") {
  otklik::test::temp_dir dir;
  const std::string path = dir.file("c.db");
  sqlite_options read_only;
  read_only.read_only = true;
  CHECK_FALSE(open_sqlite_store(path, read_only).opened);
  CHECK_FALSE(std::filesystem::exists(path));

  auto writer = open_sqlite_store(path);
  REQUIRE(writer.opened);
  REQUIRE(put(*writer.opened, {record("eeeeeeeeeeeeeeee")}).ok);
  auto reader = open_sqlite_store(path, read_only);
  REQUIRE(reader.opened);
  CHECK(scan_all(*reader.opened).size() == 1);  // while the writer still has the file open
  const auto refused = put(*reader.opened, {record("ffffffffffffffff")});
  CHECK_FALSE(refused.ok);
  CHECK_FALSE(reader.opened->healthy());
}

TEST_CASE("a cursor sees the store as it was when the scan began") {
  otklik::test::temp_dir dir;
  auto opened = open_sqlite_store(dir.file("c.db"));
  REQUIRE(opened.opened);
  REQUIRE(put(*opened.opened, {record("gggggggggggggggg"), record("hhhhhhhhhhhhhhhh")}).ok);
  auto cursor = opened.opened->scan();
  std::string_view body;
  REQUIRE(cursor->next(body));
  REQUIRE(put(*opened.opened, {record("iiiiiiiiiiiiiiii")}).ok);
  int rest = 0;
  while (cursor->next(body)) ++rest;
  CHECK(rest == 1);
  CHECK(cursor->error().empty());
}
