// otklik/collector/storage/group_commit.hpp — turns concurrent submissions into shared transactions:
// one writer thread takes everything pending, commits it as one batch, then wakes each submitter
// with its own outcome. Durability then costs one commit per batch instead of one per submission.
#pragma once

#include <atomic>
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

  // Starts the writer thread; `target` must outlive this object.
  explicit group_commit(store& target, batch_observer observer = {});
  ~group_commit();
  group_commit(const group_commit&) = delete;
  group_commit& operator=(const group_commit&) = delete;

  // Blocks until the batch holding `record` has committed; `record` must stay alive until then.
  [[nodiscard]] submit_status submit(const stored_response& record);

  // Commits everything already submitted, then stops the writer; later submits fail at once.
  void stop();

  // Submissions waiting for the next transaction (a gauge of how far the store lags behind).
  [[nodiscard]] std::size_t queued();

 private:
  // Where a batch's submitters wait: one futex word per batch, so that finishing a batch wakes exactly
  // its submitters, and none of them has to take the queue's mutex again on the way out.
  struct batch_signal {
    std::atomic<int> done{0};
  };
  struct pending_entry {
    const stored_response* record;
    submit_status* outcome;
  };
  void write_loop();

  store& target_;
  batch_observer observer_;
  std::mutex mutex_;  // guards pending_, next_signal_ and stopping_
  std::condition_variable work_ready_;
  std::vector<pending_entry> pending_;
  std::shared_ptr<batch_signal> next_signal_ = std::make_shared<batch_signal>();  // for the pending entries
  bool stopping_ = false;
  std::thread writer_;
};

}  // namespace otklik::collector
