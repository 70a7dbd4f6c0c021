// tests/collector/store_test.cpp — the SQLite store: schema and migrations, idempotent batches,
// arrival-order scans, read-only opens.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <algorithm>
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

namespace {

// The number of rows a query on a side connection counts.
long long count_of(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql, -1, &q, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(q) == SQLITE_ROW);
  const long long n = sqlite3_column_int64(q, 0);
  sqlite3_finalize(q);
  sqlite3_close(db);
  return n;
}

std::string id_number(int n) { return "merge-id-" + std::to_string(1000000 + (n * 7919) % 1000003) + "-x"; }

}  // namespace

TEST_CASE("a database of schema version 1 is migrated: its rows, their order and their ids stay") {
  otklik::test::temp_dir dir;
  const std::string path = dir.file("v1.db");
  // The schema exactly as version 1 of otklik created it, with two stored responses.
  side_exec(path,
            "PRAGMA application_id = 1333029740;"
            "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, note TEXT NOT NULL) STRICT;"
            "INSERT INTO schema_version VALUES (1, 'responses keyed by their idempotency id, in arrival order');"
            "CREATE TABLE responses (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, survey TEXT NOT NULL,"
            "  service TEXT NOT NULL, stage TEXT NOT NULL, submitted_at TEXT NOT NULL, body TEXT NOT NULL) STRICT;"
            "CREATE INDEX responses_by_submitted_at ON responses(submitted_at);"
            "INSERT INTO responses VALUES (5, 'zzzzzzzzzzzzzzzz', 's', 's', 'a', '2026-11-27T10:00:00Z', '{\"n\":1}');"
            "INSERT INTO responses VALUES (9, 'aaaaaaaaaaaaaaaa', 's', 's', 'a', '2026-11-27T10:00:00Z', '{\"n\":2}');");
  auto opened = open_sqlite_store(path);
  REQUIRE(opened.opened);
  store& s = *opened.opened;
  CHECK(scan_all(s) == std::vector<std::string>{R"({"n":1})", R"({"n":2})"});
  const auto after = put(s, {record("aaaaaaaaaaaaaaaa"), record("zzzzzzzzzzzzzzzz"), record("mmmmmmmmmmmmmmmm")});
  REQUIRE(after.ok);
  CHECK(after.statuses == std::vector{put_status::duplicate, put_status::duplicate, put_status::stored});
  CHECK(scan_all(s).size() == 3);
  CHECK(count_of(path, "SELECT max(version) FROM schema_version") == sqlite_schema_version);
  CHECK(count_of(path, "SELECT count(*) FROM response_ids") == 2);      // the old rows' ids, merged
  CHECK(count_of(path, "SELECT seq FROM id_merge_mark") == 9);
  CHECK(count_of(path, "SELECT max(seq) FROM responses") == 10);        // after the old rows, in order
  CHECK(count_of(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'responses_by_submitted_at'") == 1);
}

TEST_CASE("ids merged into the index and ids still waiting are both duplicates, across reopening at any point") {
  otklik::test::temp_dir dir;
  const std::string path = dir.file("c.db");
  sqlite_options options;
  options.id_merge_min_waiting = 8;  // a merge cycle every few batches
  int next = 0;
  std::vector<std::string> ids;
  for (int reopen = 0; reopen < 6; ++reopen) {
    // Closing is what a SIGKILL leaves too: nothing is written at close, the waiting ids are read back.
    auto opened = open_sqlite_store(path, options);
    REQUIRE(opened.opened);
    store& s = *opened.opened;
    for (int batch = 0; batch < 7 + reopen; ++batch) {
      std::vector<stored_response> records;
      std::vector<put_status> expected;
      for (int i = 0; i < 5; ++i) {
        ids.push_back(id_number(next++));
        records.push_back(record(ids.back()));
        expected.push_back(put_status::stored);
      }
      records.push_back(record(ids[static_cast<std::size_t>(next * 31) % ids.size()], "again"));  // any earlier id
      expected.push_back(put_status::duplicate);
      records.push_back(record(ids.back(), "again"));  // one of this batch
      expected.push_back(put_status::duplicate);
      const auto result = put(s, records);
      REQUIRE(result.ok);
      CHECK(result.statuses == expected);
    }
    // Every id ever stored is a duplicate now, whether merged or waiting.
    std::vector<stored_response> all;
    for (const std::string& id : ids) all.push_back(record(id, "again"));
    const auto repeat = put(s, all);
    REQUIRE(repeat.ok);
    CHECK(std::count(repeat.statuses.begin(), repeat.statuses.end(), put_status::stored) == 0);
  }
  const auto bodies = [&] {
    auto reader = open_sqlite_store(path, sqlite_options{sqlite_durability::full, true});
    REQUIRE(reader.opened);
    return scan_all(*reader.opened);
  }();
  REQUIRE(bodies.size() == ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    CHECK(bodies[i].find(ids[i]) != std::string::npos);  // arrival order
    CHECK(bodies[i].find("again") == std::string::npos);
  }
  // Merges happened: most ids are in the index, and the mark covers every row before the waiting ones.
  const long long merged = count_of(path, "SELECT count(*) FROM response_ids");
  CHECK(merged > static_cast<long long>(ids.size()) / 2);
  CHECK(merged <= static_cast<long long>(ids.size()));
  CHECK(count_of(path, "SELECT count(*) FROM responses r WHERE r.seq <= (SELECT seq FROM id_merge_mark) AND "
                       "NOT EXISTS (SELECT 1 FROM response_ids i WHERE i.id = r.id)") == 0);
  CHECK(count_of(path, "SELECT merged FROM id_merge_mark") <= merged);
}

TEST_CASE("a merge cycle large enough to be sorted on its own thread keeps every id a duplicate") {
  otklik::test::temp_dir dir;
  const std::string path = dir.file("c.db");
  sqlite_options options;
  options.id_merge_min_waiting = 8192;  // the size from which a cycle sorts on a thread of its own
  std::vector<std::string> ids;
  {
    auto opened = open_sqlite_store(path, options);
    REQUIRE(opened.opened);
    for (int batch = 0; batch < 120; ++batch) {
      std::vector<stored_response> records;
      for (int i = 0; i < 200; ++i) {
        ids.push_back(id_number(static_cast<int>(ids.size())));
        records.push_back(record(ids.back()));
      }
      records.push_back(record(ids[static_cast<std::size_t>(batch * 7717) % ids.size()], "again"));
      const auto result = put(*opened.opened, records);
      REQUIRE(result.ok);
      CHECK(std::count(result.statuses.begin(), result.statuses.end(), put_status::duplicate) == 1);
      CHECK(result.statuses.back() == put_status::duplicate);
    }
  }
  auto reopened = open_sqlite_store(path, options);
  REQUIRE(reopened.opened);
  std::vector<stored_response> all;
  for (const std::string& id : ids) all.push_back(record(id, "again"));
  const auto repeat = put(*reopened.opened, all);
  REQUIRE(repeat.ok);
  CHECK(std::count(repeat.statuses.begin(), repeat.statuses.end(), put_status::stored) == 0);
  CHECK(count_of(path, "SELECT count(*) FROM responses") == static_cast<long long>(ids.size()));
  CHECK(count_of(path, "SELECT count(*) FROM responses r WHERE r.seq <= (SELECT seq FROM id_merge_mark) AND "
                       "NOT EXISTS (SELECT 1 FROM response_ids i WHERE i.id = r.id)") == 0);
}
