// tests/collector/group_commit_test.cpp — concurrent submitters share transactions and each learns
// its own outcome; failures reach every submitter of the batch; stop() flushes.
#include <catch2/catch.hpp>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "otklik/collector/storage/group_commit.hpp"
#include "otklik/collector/storage/sqlite_store.hpp"
#include "support/run_command.hpp"

using namespace otklik::collector;

namespace {

stored_response record(const std::string& id) {
  return {id, "s", "s", "stage", "2026-11-27T10:00:00Z", "{\"id\":\"" + id + "\"}"};
}

std::size_t count_rows(store& s) {
  auto cursor = s.scan();
  std::string_view body;
  std::size_t n = 0;
  while (cursor->next(body)) ++n;
  return n;
}

// The real SQLite store, with its first transaction held back until release(): submissions that
// arrive meanwhile must queue up and then share the next transaction.
class gated_store final : public store {
 public:
  explicit gated_store(store& inner) : inner_(inner) {}
  batch_result put_batch(std::span<const stored_response* const> batch) override {
    std::unique_lock<std::mutex> lock(mutex_);
    ++batches_started_;
    changed_.notify_all();
    changed_.wait(lock, [&] { return released_; });
    lock.unlock();
    return inner_.put_batch(batch);
  }
  bool healthy() override { return inner_.healthy(); }
  std::unique_ptr<response_cursor> scan() override { return inner_.scan(); }
  void wait_for_first_batch() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return batches_started_ > 0; });
  }
  void release() {
    const std::lock_guard<std::mutex> lock(mutex_);
    released_ = true;
    changed_.notify_all();
  }

 private:
  store& inner_;
  std::mutex mutex_;
  std::condition_variable changed_;
  int batches_started_ = 0;
  bool released_ = false;
};

// The store a test opened; the test stops here when it could not be opened.
store& opened_store(sqlite_open_result& result) {
  REQUIRE(result.opened);
  return *result.opened;
}

// A group_commit over a gated SQLite store in a fresh directory: its first transaction waits for
// gate.release(). Members are torn down in reverse order: the writer stops before the store closes.
struct gated_committer {
  explicit gated_committer(group_commit::batch_observer observer = {})
      : opened(open_sqlite_store(dir.file("c.db"))), gate(opened_store(opened)), committer(gate, std::move(observer)) {}
  otklik::test::temp_dir dir;
  sqlite_open_result opened;
  gated_store gate;
  group_commit committer;
};

}  // namespace

TEST_CASE("concurrent submitters each get their own outcome and every id is stored once") {
  otklik::test::temp_dir dir;
  auto opened = open_sqlite_store(dir.file("c.db"));
  REQUIRE(opened.opened);
  std::atomic<std::size_t> failed{0};
  group_commit committer(*opened.opened, [&](const batch_report& r) {
    failed += r.ok ? 0 : 1;
  });
  constexpr int threads = 8, per_thread = 150;
  std::atomic<int> stored{0}, duplicates{0}, failures{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i) {
        // Every id is submitted by two threads: exactly one of them must see "stored".
        const stored_response r = record("submission-" + std::to_string((t / 2) * per_thread + i) + "-xxxxxxxx");
        const submit_status outcome = committer.submit(r);  // Catch2 asserts only on the main thread
        (outcome == submit_status::stored ? stored : outcome == submit_status::duplicate ? duplicates : failures)++;
      }
    });
  }
  for (auto& w : workers) w.join();
  committer.stop();
  CHECK(failures == 0);
  CHECK(failed == 0);
  CHECK(stored == threads / 2 * per_thread);
  CHECK(duplicates == threads / 2 * per_thread);
  CHECK(count_rows(*opened.opened) == static_cast<std::size_t>(threads / 2 * per_thread));
}

TEST_CASE("submissions that arrive during a commit share the next transaction") {
  std::vector<std::size_t> sizes;
  std::mutex sizes_mutex;
  gated_committer setup([&](const batch_report& r) {
    const std::lock_guard<std::mutex> lock(sizes_mutex);
    sizes.push_back(r.size);
  });
  std::vector<std::thread> workers;
  std::atomic<int> stored{0};
  const stored_response first = record("first-submission-0000");
  workers.emplace_back([&] { stored += setup.committer.submit(first) == submit_status::stored; });
  setup.gate.wait_for_first_batch();
  constexpr int queued = 10;
  std::vector<stored_response> later;
  for (int i = 0; i < queued; ++i) later.push_back(record("queued-submission-" + std::to_string(i) + "-xx"));
  for (int i = 0; i < queued; ++i) {
    workers.emplace_back([&, i] { stored += setup.committer.submit(later[static_cast<std::size_t>(i)]) == submit_status::stored; });
  }
  while (setup.committer.queued() < static_cast<std::size_t>(queued)) std::this_thread::yield();
  setup.gate.release();
  for (auto& w : workers) w.join();
  setup.committer.stop();
  CHECK(stored == queued + 1);
  CHECK(sizes == std::vector<std::size_t>{1, queued});
}

TEST_CASE("a batch that cannot commit fails every submitter in it, and the store reports unhealthy") {
  otklik::test::temp_dir dir;
  const std::string path = dir.file("c.db");
  REQUIRE(open_sqlite_store(path).opened);
  sqlite_options read_only;
  read_only.read_only = true;
  auto opened = open_sqlite_store(path, read_only);
  REQUIRE(opened.opened);
  std::atomic<int> failed_batches{0};
  std::atomic<int> explained{0};
  group_commit committer(*opened.opened, [&](const batch_report& r) {
    if (!r.ok) {
      ++failed_batches;
      explained += r.error->empty() ? 0 : 1;
    }
  });
  const stored_response r = record("never-written-00000");
  CHECK(committer.submit(r) == submit_status::failed);
  CHECK(failed_batches == 1);
  CHECK(explained == 1);
  CHECK_FALSE(opened.opened->healthy());
}

TEST_CASE("stop() commits what was submitted and later submissions fail at once") {
  otklik::test::temp_dir dir;
  auto opened = open_sqlite_store(dir.file("c.db"));
  REQUIRE(opened.opened);
  group_commit committer(*opened.opened);
  const stored_response before = record("before-stop-000000");
  CHECK(committer.submit(before) == submit_status::stored);
  committer.stop();
  const stored_response after = record("after-stop-0000000");
  CHECK(committer.submit(after) == submit_status::failed);
  CHECK(count_rows(*opened.opened) == 1);
}

TEST_CASE("the asynchronous submit reports each outcome only once its batch has committed") {
  gated_committer setup;
  std::mutex outcomes_mutex;
  std::condition_variable answered;
  std::vector<submit_status> outcomes;
  std::vector<std::size_t> rows_seen;
  const stored_response first = record("async-submission-0001");
  const stored_response again = record("async-submission-0001");
  const auto remember = [&](submit_status s) {
    const std::size_t rows = count_rows(*setup.opened.opened);  // committed before the submitter hears of it
    const std::lock_guard<std::mutex> lock(outcomes_mutex);
    outcomes.push_back(s);
    rows_seen.push_back(rows);
    answered.notify_all();
  };
  setup.committer.submit(first, remember);
  setup.gate.wait_for_first_batch();
  {
    const std::lock_guard<std::mutex> lock(outcomes_mutex);
    CHECK(outcomes.empty());  // the transaction is still held back
  }
  setup.committer.submit(again, remember);
  setup.gate.release();
  {
    std::unique_lock<std::mutex> lock(outcomes_mutex);
    answered.wait(lock, [&] { return outcomes.size() == 2; });
  }
  setup.committer.stop();
  CHECK(outcomes == std::vector<submit_status>{submit_status::stored, submit_status::duplicate});
  CHECK(rows_seen == std::vector<std::size_t>{1, 1});
}

TEST_CASE("the answered hook runs after every outcome of a batch, and after a submission refused while stopping") {
  gated_committer setup;
  std::mutex mutex;
  std::condition_variable changed;
  int outcomes = 0;
  std::vector<int> outcomes_at_hook;  // how many outcomes had arrived each time the hook ran
  setup.committer.on_answered([&] {
    const std::lock_guard<std::mutex> lock(mutex);
    outcomes_at_hook.push_back(outcomes);
    changed.notify_all();
  });
  const auto count = [&](submit_status) {
    const std::lock_guard<std::mutex> lock(mutex);
    ++outcomes;
  };
  const stored_response first = record("hook-first-0000000");
  setup.committer.submit(first, count);
  setup.gate.wait_for_first_batch();
  std::vector<stored_response> later;
  for (int i = 0; i < 5; ++i) later.push_back(record("hook-later-000000" + std::to_string(i)));
  for (const stored_response& r : later) setup.committer.submit(r, count);  // queue behind the held batch
  setup.gate.release();
  {
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [&] { return outcomes == 6 && !outcomes_at_hook.empty() && outcomes_at_hook.back() == 6; });
    CHECK(outcomes_at_hook == std::vector<int>{1, 6});  // one call per batch, after its last outcome
  }
  setup.committer.stop();
  const stored_response refused = record("hook-refused-00000");
  setup.committer.submit(refused, count);
  const std::lock_guard<std::mutex> lock(mutex);
  CHECK(outcomes == 7);
  CHECK(outcomes_at_hook == std::vector<int>{1, 6, 7});
}
