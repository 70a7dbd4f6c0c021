// otklik/collector/storage/group_commit.hpp — turns concurrent submissions into shared transactions:
// one writer thread takes everything pending, commits it as one batch, then wakes each submitter
// with its own outcome. Durability then costs one commit per batch instead of one per submission.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
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
  struct pending_entry {
    const stored_response* record;
    submit_status* outcome;
  };
  void write_loop();

  store& target_;
  batch_observer observer_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  // Submitters of batch n wait on done_[n % 2]: finishing a batch wakes only its own submitters,
  // not those already queued for the next one.
  std::condition_variable done_[2];
  std::vector<pending_entry> pending_;
  std::uint64_t next_batch_ = 1;       // the batch that the pending entries will form
  std::uint64_t completed_batch_ = 0;  // the last batch whose outcomes are written
  bool stopping_ = false;
  std::thread writer_;
};

}  // namespace otklik::collector
