// otklik/collector/storage/group_commit.hpp — turns concurrent submissions into shared transactions:
// one writer thread takes everything pending, commits it as one batch, then tells each submitter
// its own outcome. Durability then costs one commit per batch instead of one per submission, and
// the submissions that arrive during a commit form the next batch. Before committing, the writer
// waits briefly (at most as long as the last commit took) for the submitters it has just answered.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "otklik/collector/storage/store.hpp"

namespace otklik::collector {

// What a submitter learns once its batch has committed (or could not).
enum class submit_status : std::uint8_t { stored, duplicate, failed };

// Reported after every batch, for metrics and logs.
struct batch_report {
  std::size_t size = 0;
  std::chrono::nanoseconds duration{};  // time spent in store::put_batch
  bool ok = false;
  const std::string* error = nullptr;   // set when !ok
};

class group_commit {
 public:
  using batch_observer = std::function<void(const batch_report&)>;
  // Receives a submission's outcome on the writer thread once its batch has committed (or failed).
  using completion = std::function<void(submit_status)>;
  // Runs after each group of completions: a batch's, or the one of a submission refused while stopping.
  using answered_hook = std::function<void()>;

  // Starts the writer thread; `target` must outlive this object.
  explicit group_commit(store& target, batch_observer observer = {});
  ~group_commit();
  group_commit(const group_commit&) = delete;
  group_commit& operator=(const group_commit&) = delete;

  // Queues `record` for the next batch and returns at once; `done` runs (on the writer thread, so it
  // must be short) after that batch has committed. `record` must stay alive until then.
  void submit(const stored_response& record, completion done);
  // Blocks until the batch holding `record` has committed.
  [[nodiscard]] submit_status submit(const stored_response& record);

  // Commits everything already submitted, then stops the writer; later submits fail at once.
  void stop();

  // Sets (or, empty, removes) the hook run after each group of completions, on the thread that ran them.
  // A server that queues the outcomes can then wake its threads once per batch, after the last outcome,
  // instead of at the first while the writer is still handing out the others.
  void on_answered(answered_hook hook);

  // Submissions waiting for the next transaction (a gauge of how far the store lags behind).
  [[nodiscard]] std::size_t queued();

 private:
  struct pending_entry {
    const stored_response* record;
    completion done;
  };
  void write_loop();

  void run_answered_hook();

  store& target_;
  batch_observer observer_;
  std::mutex hook_mutex_;  // held while the hook runs, so that removing it waits for a call under way
  answered_hook answered_;
  std::mutex mutex_;  // guards pending_ and stopping_
  std::condition_variable work_ready_;
  std::vector<pending_entry> pending_;
  // Submissions the next batch is expected to hold: the last batch's submitters, who usually send
  // their next one right after their answer, and those that queued during its commit.
  std::size_t expected_ = 0;
  bool stopping_ = false;
  std::thread writer_;
};

}  // namespace otklik::collector
