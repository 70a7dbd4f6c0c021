// native/collector/storage/sqlite_store.cpp — the SQLite store: WAL journal, prepared statements with
// bound values only, one transaction per batch, and a schema_version table that drives migrations.
//
// Durability: put_batch returns only after COMMIT has returned. In WAL mode a commit appends the
// batch's frames to the -wal file with write(2) before it returns, so a SIGKILL of the process after
// that point loses nothing (the frames are in the kernel's page cache). synchronous=FULL (the default
// here) also fsyncs the WAL in every commit, so the batch survives a power loss too; with group commit
// that is one fsync per batch, not per submission. Checkpoints (copying the WAL into the database
// file) run on a thread of their own, so that no commit ever waits for one.
#include "otklik/collector/storage/sqlite_store.hpp"

#include <pthread.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "otklik/collector/storage/sqlite_page_cache.hpp"
#include "otklik/collector/storage/sqlite_wal_coalescing_vfs.hpp"
#include "merged_id_filter.hpp"
#include "unmerged_ids.hpp"

namespace otklik::collector {
namespace {

struct db_closer {
  void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
using db_handle = std::unique_ptr<sqlite3, db_closer>;

struct statement_finalizer {
  void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
};
using statement = std::unique_ptr<sqlite3_stmt, statement_finalizer>;

// "Otkl": marks the file as an Otklik collector database (PRAGMA application_id).
constexpr int otklik_application_id = 0x4f746b6c;

// One step of the schema's history; a database records the steps it has in schema_version.
struct migration {
  int version;
  const char* note;
  const char* script;  // fixed SQL text, one or more statements
};

// Append only: a released step is never edited, a change is a new step.
constexpr migration migrations[] = {
    {1, "responses keyed by their idempotency id, in arrival order",
     "CREATE TABLE responses ("
     "  seq INTEGER PRIMARY KEY,"          // arrival order: the export cursor's order
     "  id TEXT NOT NULL UNIQUE,"          // idempotency key from the client
     "  survey TEXT NOT NULL,"
     "  service TEXT NOT NULL,"
     "  stage TEXT NOT NULL,"
     "  submitted_at TEXT NOT NULL,"       // truncated to the hour, as in body
     "  body TEXT NOT NULL"                // canonical otklik.response/1 JSON
     ") STRICT;"
     "CREATE INDEX responses_by_submitted_at ON responses(submitted_at);"},
    // Rows are appended without an index on the random id; ids reach response_ids in key-ordered merges
    // (see unmerged_ids.hpp). id_merge_mark: every row up to `seq` has its id in response_ids.
    {2, "ids indexed by key-ordered merges instead of a unique index updated by every insert",
     "CREATE TABLE response_ids (id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;"
     "INSERT INTO response_ids(id) SELECT id FROM responses ORDER BY id;"
     "CREATE TABLE responses_v2 ("
     "  seq INTEGER PRIMARY KEY,"
     "  id TEXT NOT NULL,"                 // unique through response_ids and the writer's unmerged ids
     "  survey TEXT NOT NULL,"
     "  service TEXT NOT NULL,"
     "  stage TEXT NOT NULL,"
     "  submitted_at TEXT NOT NULL,"
     "  body TEXT NOT NULL"
     ") STRICT;"
     "INSERT INTO responses_v2 SELECT seq, id, survey, service, stage, submitted_at, body FROM responses ORDER BY seq;"
     "DROP TABLE responses;"
     "ALTER TABLE responses_v2 RENAME TO responses;"
     "CREATE INDEX responses_by_submitted_at ON responses(submitted_at);"
     "CREATE TABLE id_merge_mark ("
     "  one INTEGER PRIMARY KEY CHECK (one = 1),"
     "  seq INTEGER NOT NULL,"             // rows up to here are all in response_ids
     "  merged INTEGER NOT NULL"           // rows in response_ids (sizes the next merge)
     ") STRICT;"
     "INSERT INTO id_merge_mark(one, seq, merged) VALUES ("
     "  1, (SELECT coalesce(max(seq), 0) FROM responses), (SELECT count(*) FROM response_ids));"},
};
static_assert(std::size(migrations) > 0 && migrations[std::size(migrations) - 1].version == sqlite_schema_version);

std::string failure(sqlite3* db, std::string_view what) {
  return std::string(what) + ": " + (db != nullptr ? sqlite3_errmsg(db) : "out of memory");
}

// A text column of the current row, valid until the statement steps again.
std::string_view column_text(sqlite3_stmt* s, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, column));
  return {text, static_cast<std::size_t>(sqlite3_column_bytes(s, column))};
}

// Prepares one statement of fixed text; data is always bound to it, never spliced into SQL.
statement prepare(sqlite3* db, std::string_view sql, std::string& error) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &raw, nullptr) !=
      SQLITE_OK) {
    error = failure(db, "prepare");
  }
  return statement(raw);
}

// Runs every statement of a fixed script (DDL, PRAGMA), discarding rows.
bool run_script(sqlite3* db, std::string_view script, std::string& error) {
  const char* rest = script.data();
  const char* const end = script.data() + script.size();
  while (rest < end) {
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(db, rest, static_cast<int>(end - rest), &raw, &tail) != SQLITE_OK) {
      error = failure(db, "prepare");
      return false;
    }
    const statement step_me(raw);
    rest = tail;
    if (raw == nullptr) continue;  // only whitespace or a comment was left
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) {
      error = failure(db, sqlite3_sql(raw));
      return false;
    }
  }
  return true;
}

// The single integer a query returns, or `fallback` when it returns no row.
bool query_int(sqlite3* db, std::string_view sql, int fallback, int& value, std::string& error) {
  const statement s = prepare(db, sql, error);
  if (!s) return false;
  const int rc = sqlite3_step(s.get());
  if (rc == SQLITE_ROW) {
    value = sqlite3_column_int(s.get(), 0);
    return true;
  }
  if (rc == SQLITE_DONE) {
    value = fallback;
    return true;
  }
  error = failure(db, sql);
  return false;
}

// `vfs` null: SQLite's default VFS.
db_handle open_connection(const std::string& path, bool read_only, std::string& error, const char* vfs = nullptr) {
  sqlite3* raw = nullptr;
  // Each connection is used by one thread at a time (the writer, or under the health mutex).
  const int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, vfs);
  db_handle db(raw);
  if (rc != SQLITE_OK) {
    error = failure(raw, path);
    return nullptr;
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, 5000);  // another process (an operator's backup) may hold the lock briefly
  return db;
}

// The schema version recorded in the database: 0 for a new, empty file.
bool read_schema_version(sqlite3* db, int& version, std::string& error) {
  int application_id = 0;
  if (!query_int(db, "PRAGMA application_id", 0, application_id, error)) return false;
  int tables = 0;
  if (!query_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'", 0, tables, error)) return false;
  if (application_id != otklik_application_id) {
    if (application_id == 0 && tables == 0) {
      version = 0;
      return true;
    }
    error = "not an Otklik collector database";
    return false;
  }
  if (!query_int(db, "SELECT max(version) FROM schema_version", 0, version, error)) return false;
  if (version > sqlite_schema_version) {
    error = "the database has schema version " + std::to_string(version) + ", newer than this otklik (" +
            std::to_string(sqlite_schema_version) + "): upgrade otklik";
    return false;
  }
  return true;
}

// Brings the schema to sqlite_schema_version in one transaction per step.
bool migrate(sqlite3* db, std::string& error) {
  int version = 0;
  if (!read_schema_version(db, version, error)) return false;
  if (version == 0 &&
      !run_script(db,
                  "PRAGMA application_id = 1333029740;"  // otklik_application_id
                  "CREATE TABLE IF NOT EXISTS schema_version ("
                  "  version INTEGER PRIMARY KEY, note TEXT NOT NULL) STRICT;",
                  error)) {
    return false;
  }
  static_assert(otklik_application_id == 1333029740);
  for (const migration& step : migrations) {
    if (step.version <= version) continue;
    const statement record = prepare(db, "INSERT INTO schema_version(version, note) VALUES (?1, ?2)", error);
    if (!record || !run_script(db, "BEGIN IMMEDIATE", error)) return false;
    sqlite3_bind_int(record.get(), 1, step.version);
    sqlite3_bind_text(record.get(), 2, step.note, -1, SQLITE_STATIC);
    if (!run_script(db, step.script, error) || sqlite3_step(record.get()) != SQLITE_DONE ||
        !run_script(db, "COMMIT", error)) {
      if (error.empty()) error = failure(db, "record schema version");
      std::string ignored;
      (void)run_script(db, "ROLLBACK", ignored);
      return false;
    }
  }
  return true;
}

// Copies committed WAL frames into the database file on its own thread and connection. Left to
// SQLite's autocheckpoint, the writer would run a whole checkpoint (4 MB of page copies and an fsync
// of the database file) inside a commit every 4 MB of WAL, and every submission in that batch would
// wait. This thread does the bulk while the writer goes on; the writer only finishes the last few
// frames between two batches (see finish_checkpoint), after which the WAL starts over from its
// beginning: commits then overwrite blocks the file already has, and their fsyncs stay cheap. Once
// the WAL is long, this thread copies every 256 new frames rather than after every commit: each
// checkpoint costs two fsyncs, and pages that several batches rewrote are copied once.
class background_checkpointer {
 public:
  explicit background_checkpointer(db_handle db) : db_(std::move(db)), thread_([this] { run(); }) {}
  ~background_checkpointer() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      closing_ = true;
    }
    wanted_.notify_one();
    thread_.join();
  }
  background_checkpointer(const background_checkpointer&) = delete;
  background_checkpointer& operator=(const background_checkpointer&) = delete;

  // The writer's WAL hook: called after each commit with the number of frames in the WAL.
  static int on_commit(void* self, sqlite3*, const char*, int frames) {
    auto* checkpointer = static_cast<background_checkpointer*>(self);
    checkpointer->wal_frames_.store(frames, std::memory_order_relaxed);
    if (frames >= passive_frames) {
      bool due = false;
      {
        const std::lock_guard<std::mutex> lock(checkpointer->mutex_);
        checkpointer->frames_ = frames;
        due = checkpointer->due();
      }
      if (due) checkpointer->wanted_.notify_one();
    }
    return SQLITE_OK;
  }

  // Called by the writer between batches: when the WAL has grown long, copies what this thread has
  // not copied yet (no other writer runs now, so it can catch up), letting the next batch restart the WAL.
  void finish_checkpoint(sqlite3* writer) {
    if (wal_frames_.load(std::memory_order_relaxed) < writer_frames) return;
    int wal_frames = 0, copied = 0;
    if (sqlite3_wal_checkpoint_v2(writer, nullptr, SQLITE_CHECKPOINT_PASSIVE, &wal_frames, &copied) == SQLITE_OK &&
        copied == wal_frames) {
      wal_frames_.store(0, std::memory_order_relaxed);
    }
  }

 private:
  static constexpr int passive_frames = 1000;   // 4 MB of 4 KB pages, SQLite's own default
  static constexpr int writer_frames = 4000;    // 16 MB: the writer finishes the checkpoint
  // 1 MB: each checkpoint copies a few batches at once (a page written by several of them once) and
  // syncs the database file once for them, instead of two fsyncs after every commit.
  static constexpr int step_frames = 256;
  static constexpr int restart_frames = 65536;  // 256 MB: the WAL never got a pause to start over

  void run() {
    pthread_setname_np(pthread_self(), "otklik-ckpt");  // per-thread CPU in top -H and the benchmark
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wanted_.wait(lock, [&] { return closing_ || due(); });
      if (closing_) return;
      started_at_ = frames_;
      lock.unlock();
      int wal_frames = 0, copied = 0;
      // PASSIVE never blocks the writer; the WAL starts over at the first commit after it caught up.
      int rc = sqlite3_wal_checkpoint_v2(db_.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &wal_frames, &copied);
      if (rc == SQLITE_OK && wal_frames >= restart_frames) {
        // Under load without a single pause the WAL would grow forever: hold the writer back once.
        rc = sqlite3_wal_checkpoint_v2(db_.get(), nullptr, SQLITE_CHECKPOINT_RESTART, &wal_frames, &copied);
      }
      (void)rc;  // a failed checkpoint is retried after the next commits; data stays safe in the WAL
      lock.lock();
    }
  }

  db_handle db_;
  std::atomic<int> wal_frames_{0};  // as last reported by the WAL hook
  std::mutex mutex_;
  std::condition_variable wanted_;
  int frames_ = 0;       // in the WAL at the last commit
  int started_at_ = 0;   // in the WAL when the last checkpoint started
  // Under mutex_: the WAL is long and has grown by step_frames since the last checkpoint began (or restarted).
  bool due() const {
    return frames_ >= passive_frames && (frames_ < started_at_ || frames_ >= started_at_ + step_frames);
  }
  bool closing_ = false;
  std::thread thread_;
};

class sqlite_cursor final : public response_cursor {
 public:
  sqlite_cursor(db_handle db, statement rows) : db_(std::move(db)), rows_(std::move(rows)) {}
  explicit sqlite_cursor(std::string error) : error_(std::move(error)) {}

  bool next(std::string_view& body) override {
    if (!rows_) return false;
    const int rc = sqlite3_step(rows_.get());
    if (rc == SQLITE_ROW) {
      body = column_text(rows_.get(), 0);
      return true;
    }
    if (rc != SQLITE_DONE) error_ = failure(db_.get(), "read responses");
    rows_.reset();
    return false;
  }
  const std::string& error() const override { return error_; }

 private:
  db_handle db_;
  statement rows_;
  std::string error_;
};

class sqlite_store final : public store {
 public:
  sqlite_store(std::string path, bool read_only, std::size_t merge_min_waiting)
      : path_(std::move(path)), read_only_(read_only), merge_min_waiting_(std::max<std::size_t>(merge_min_waiting, 1)) {}
  ~sqlite_store() override {
    if (writer_) sqlite3_wal_hook(writer_.get(), nullptr, nullptr);
  }
  sqlite_store(const sqlite_store&) = delete;
  sqlite_store& operator=(const sqlite_store&) = delete;

  bool open(const sqlite_options& options, std::string& error) {
    // With synchronous=FULL the writer's WAL frames reach the kernel in one write per commit, before the
    // commit's sync (see sqlite_wal_coalescing_vfs.cpp); that VFS is only safe with FULL.
    const bool coalesce = !read_only_ && options.durability == sqlite_durability::full &&
                          install_sqlite_wal_coalescing_vfs();
    writer_ = open_connection(path_, read_only_, error, coalesce ? sqlite_wal_coalescing_vfs_name : nullptr);
    if (!writer_) return false;
    if (read_only_) {
      int version = 0;
      if (!read_schema_version(writer_.get(), version, error)) return false;
      if (version == 0) {
        error = "no collector schema in " + path_;
        return false;
      }
      return true;
    }
    const char* const synchronous = options.durability == sqlite_durability::full ? "PRAGMA synchronous = FULL;"
                                                                                   : "PRAGMA synchronous = NORMAL;";
    if (!run_script(writer_.get(), "PRAGMA journal_mode = WAL;", error) ||
        // 64 MB of page cache: every new id is looked up at a random page of response_ids, and SQLite's
        // default 2 MB would read most of them back from the kernel each time.
        !run_script(writer_.get(), "PRAGMA cache_size = -65536;", error) ||
        !run_script(writer_.get(), synchronous, error) ||
        // Truncates a -wal file that grew under a burst back to 64 MB after a checkpoint.
        !run_script(writer_.get(), "PRAGMA journal_size_limit = 67108864;", error) ||
        !migrate(writer_.get(), error)) {
      return false;
    }
    db_handle checkpoint_db = open_connection(path_, false, error);
    if (!checkpoint_db || !run_script(checkpoint_db.get(), synchronous, error)) return false;
    checkpointer_ = std::make_unique<background_checkpointer>(std::move(checkpoint_db));
    // Replaces SQLite's autocheckpoint, which is itself a WAL hook.
    sqlite3_wal_hook(writer_.get(), &background_checkpointer::on_commit, checkpointer_.get());
    begin_ = prepare(writer_.get(), "BEGIN IMMEDIATE", error);
    commit_ = prepare(writer_.get(), "COMMIT", error);
    rollback_ = prepare(writer_.get(), "ROLLBACK", error);
    // seq is given, never left to SQLite's max(seq)+1: a seq at or below the merge mark is never reused,
    // even after an operator deleted the newest rows.
    insert_ = prepare(writer_.get(),
                      "INSERT INTO responses(seq, id, survey, service, stage, submitted_at, body) "
                      "VALUES (?7, ?1, ?2, ?3, ?4, ?5, ?6)",
                      error);
    find_merged_ = prepare(writer_.get(), "SELECT 1 FROM response_ids WHERE id = ?1", error);
    merge_id_ = prepare(writer_.get(), "INSERT OR IGNORE INTO response_ids(id) VALUES (?1)", error);
    set_mark_ = prepare(writer_.get(), "UPDATE id_merge_mark SET seq = ?1, merged = ?2", error);
    if (!begin_ || !commit_ || !rollback_ || !insert_ || !find_merged_ || !merge_id_ || !set_mark_ ||
        !load_unmerged_ids(error)) {
      return false;
    }
    health_ = open_connection(path_, false, error);
    if (!health_) return false;
    health_begin_ = prepare(health_.get(), "BEGIN IMMEDIATE", error);
    health_rollback_ = prepare(health_.get(), "ROLLBACK", error);
    return health_begin_ && health_rollback_;
  }

  batch_result put_batch(std::span<const stored_response* const> batch) override {
    batch_result result;
    if (read_only_) {
      result.error = "the store was opened read-only";
      return result;
    }
    sqlite3* db = writer_.get();
    checkpointer_->finish_checkpoint(db);
    if (!step_done(begin_.get())) return fail(result, "begin");
    long long merged = merged_;
    if (!merge_slice(batch.size(), merged)) return fail(result, "merge ids");
    long long seq = last_seq_;
    result.statuses.reserve(batch.size());
    // Each id hashed once for both sets, and their memory fetched for the whole batch before the
    // first lookup: the lookups' cache misses overlap instead of coming one after another.
    hashes_.clear();
    for (const stored_response* record : batch) {
      const std::uint64_t h = detail::flat_id_set::hash(record->id);
      hashes_.push_back(h);
      unmerged_.prefetch(h);
      merged_filter_->prefetch_hashed(h);
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const stored_response* record = batch[i];
      const std::uint64_t h = hashes_[i];
      bool known = unmerged_.contains(record->id, h);
      if (!known && merged_filter_->may_contain_hashed(h)) {
        sqlite3_stmt* find = find_merged_.get();
        bind(find, 1, record->id);
        const int rc = sqlite3_step(find);
        sqlite3_reset(find);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return fail(result, "find id");
        known = rc == SQLITE_ROW;
      }
      if (known) {
        result.statuses.push_back(put_status::duplicate);
        continue;
      }
      sqlite3_stmt* s = insert_.get();
      bind(s, 1, record->id);
      bind(s, 2, record->survey);
      bind(s, 3, record->service);
      bind(s, 4, record->stage);
      bind(s, 5, record->submitted_at);
      bind(s, 6, record->body);
      sqlite3_bind_int64(s, 7, ++seq);
      if (!step_done(s)) return fail(result, "insert");
      unmerged_.add(record->id, h);
      result.statuses.push_back(put_status::stored);
    }
    if (!step_done(commit_.get())) return fail(result, "commit");
    unmerged_.commit();
    merged_ = merged;
    last_seq_ = seq;
    result.ok = true;
    last_batch_ok_.store(true, std::memory_order_relaxed);
    return result;
  }

  bool healthy() override {
    if (read_only_ || !last_batch_ok_.load(std::memory_order_relaxed)) return false;
    const std::lock_guard<std::mutex> lock(health_mutex_);
    // Taking the write lock proves the file is writable and no other process holds it for long.
    if (!step_done(health_begin_.get())) return false;
    return step_done(health_rollback_.get());
  }

  std::unique_ptr<response_cursor> scan() override {
    std::string error;
    db_handle db = open_connection(path_, true, error);
    if (!db) return std::make_unique<sqlite_cursor>(error);
    statement rows = prepare(db.get(), "SELECT body FROM responses ORDER BY seq", error);
    if (!rows) return std::make_unique<sqlite_cursor>(error);
    return std::make_unique<sqlite_cursor>(std::move(db), std::move(rows));
  }

 private:
  // Binds text without copying: the record (or the merge cycle's id) outlives the statement's step.
  static void bind(sqlite3_stmt* s, int index, std::string_view text) {
    sqlite3_bind_text(s, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  }

  static bool step_done(sqlite3_stmt* s) {
    const int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE;
  }

  // Reads the merge mark and gathers the ids of the rows after it, which the index may not hold yet.
  bool load_unmerged_ids(std::string& error) {
    const statement mark = prepare(writer_.get(), "SELECT seq, merged FROM id_merge_mark", error);
    if (!mark || sqlite3_step(mark.get()) != SQLITE_ROW) {
      if (error.empty()) error = failure(writer_.get(), "read the id merge mark");
      return false;
    }
    const long long mark_seq = sqlite3_column_int64(mark.get(), 0);
    merged_ = sqlite3_column_int64(mark.get(), 1);
    const statement rows = prepare(writer_.get(), "SELECT seq, id FROM responses WHERE seq > ?1 ORDER BY seq", error);
    if (!rows) return false;
    sqlite3_bind_int64(rows.get(), 1, mark_seq);
    last_seq_ = mark_seq;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(rows.get())) == SQLITE_ROW) {
      last_seq_ = sqlite3_column_int64(rows.get(), 0);
      unmerged_.add(column_text(rows.get(), 1));
    }
    unmerged_.commit();
    if (rc != SQLITE_DONE) {
      error = failure(writer_.get(), "read the unmerged ids");
      return false;
    }
    // Room for the index to triple before the filter gives up (a restart sizes it again).
    merged_filter_ = std::make_unique<detail::merged_id_filter>(
        std::max<std::size_t>(std::size_t{1} << 22, 3 * static_cast<std::size_t>(merged_)));
    const statement merged_ids = prepare(writer_.get(), "SELECT id FROM response_ids", error);
    if (!merged_ids) return false;
    while ((rc = sqlite3_step(merged_ids.get())) == SQLITE_ROW) {
      merged_filter_->add(column_text(merged_ids.get(), 0));
    }
    if (rc != SQLITE_DONE) {
      error = failure(writer_.get(), "read the merged ids");
      return false;
    }
    return true;
  }

  // Ids waiting before a merge cycle starts: an eighth of the index (so that each index page written
  // takes several ids), at least the configured minimum, at most about a million (memory: ~100 bytes each).
  std::size_t merge_threshold() const {
    constexpr long long most = 1 << 20;
    return std::max<std::size_t>(merge_min_waiting_, static_cast<std::size_t>(std::min(merged_ / 8, most)));
  }

  // Inside the batch's transaction: moves the merge cycle's next slice of ids into response_ids, about
  // twice as many as the batch brings, so that a cycle ends while submissions keep arriving; the
  // transaction after the last slice records the new merge mark.
  bool merge_slice(std::size_t batch_size, long long& merged) {
    if (!unmerged_.merging() && unmerged_.size() >= merge_threshold()) unmerged_.start_cycle(last_seq_);
    if (!unmerged_.merging()) return true;
    const auto slice = unmerged_.next_slice(2 * batch_size + 64);
    sqlite3* db = writer_.get();
    hashes_.clear();
    for (const std::string_view id : slice) {
      hashes_.push_back(detail::flat_id_set::hash(id));
      merged_filter_->prefetch_hashed(hashes_.back());
    }
    for (std::size_t i = 0; i < slice.size(); ++i) {
      const std::string_view id = slice[i];
      merged_filter_->add_hashed(hashes_[i]);  // before the commit: a rollback leaves a bit set, which costs a lookup only
      sqlite3_stmt* s = merge_id_.get();
      bind(s, 1, id);
      if (!step_done(s)) return false;
      merged += sqlite3_changes(db);
    }
    if (!unmerged_.finishing()) return true;
    sqlite3_stmt* s = set_mark_.get();
    sqlite3_bind_int64(s, 1, unmerged_.target_seq());
    sqlite3_bind_int64(s, 2, merged);
    return step_done(s);
  }

  batch_result& fail(batch_result& result, std::string_view what) {
    result.ok = false;
    result.statuses.clear();
    result.error = failure(writer_.get(), what);
    unmerged_.rollback();
    if (sqlite3_get_autocommit(writer_.get()) == 0) (void)step_done(rollback_.get());
    last_batch_ok_.store(false, std::memory_order_relaxed);
    return result;
  }

  std::string path_;
  bool read_only_;
  db_handle writer_;
  std::unique_ptr<background_checkpointer> checkpointer_;  // stops before the writer closes
  statement begin_, commit_, rollback_, insert_, find_merged_, merge_id_, set_mark_;
  std::size_t merge_min_waiting_;
  detail::unmerged_ids unmerged_;  // the writer's: ids stored after the merge mark, not yet merged
  std::unique_ptr<detail::merged_id_filter> merged_filter_;  // every id in response_ids (and a few more)
  std::vector<std::uint64_t> hashes_;  // of the ids put_batch or merge_slice is working through
  long long merged_ = 0;           // rows in response_ids, committed
  long long last_seq_ = 0;         // the highest seq committed (or the merge mark, if higher)
  std::atomic<bool> last_batch_ok_{true};
  std::mutex health_mutex_;
  db_handle health_;
  statement health_begin_, health_rollback_;
};

}  // namespace

sqlite_open_result open_sqlite_store(const std::string& path, sqlite_options options) {
  static std::once_flag memory_statistics_off;
  std::call_once(memory_statistics_off, [] {
    // SQLite's allocation statistics take a global mutex in every malloc and free of every connection;
    // nothing here reads them. Fails harmlessly (SQLITE_MISUSE) once SQLite has started.
    (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
  (void)install_sqlite_page_cache();  // before the first connection; without it only slower
  sqlite_open_result result;
  auto s = std::make_unique<sqlite_store>(path, options.read_only, options.id_merge_min_waiting);
  if (s->open(options, result.error)) {
    result.opened = std::move(s);
  } else if (result.error.empty()) {
    result.error = "cannot open " + path;
  }
  return result;
}

}  // namespace otklik::collector
