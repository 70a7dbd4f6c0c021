// native/collector/storage/group_commit.cpp — the single writer thread behind every durable submission.
#include "otklik/collector/storage/group_commit.hpp"

#include <utility>

namespace otklik::collector {

group_commit::group_commit(store& target, batch_observer observer)
    : target_(target), observer_(std::move(observer)), writer_([this] { write_loop(); }) {}

group_commit::~group_commit() { stop(); }

submit_status group_commit::submit(const stored_response& record) {
  submit_status outcome = submit_status::failed;
  std::shared_ptr<batch_signal> signal;
  bool first = false;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return submit_status::failed;
    pending_.push_back({&record, &outcome});
    first = pending_.size() == 1;
    signal = next_signal_;
  }
  if (first) work_ready_.notify_one();
  // The writer stores `outcome` before it sets `done` (release), so reading it after is safe.
  while (signal->done.load(std::memory_order_acquire) == 0) signal->done.wait(0, std::memory_order_acquire);
  return outcome;
}

void group_commit::stop() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_one();
  if (writer_.joinable()) writer_.join();
}

std::size_t group_commit::queued() {
  const std::lock_guard<std::mutex> lock(mutex_);
  return pending_.size();
}

void group_commit::write_loop() {
  std::vector<pending_entry> batch;
  std::vector<const stored_response*> records;
  for (;;) {
    std::shared_ptr<batch_signal> signal;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      work_ready_.wait(lock, [&] { return !pending_.empty() || stopping_; });
      if (pending_.empty()) return;  // stopping, and everything submitted has been written
      batch.swap(pending_);
      signal = std::exchange(next_signal_, std::make_shared<batch_signal>());
    }
    records.clear();
    for (const pending_entry& entry : batch) records.push_back(entry.record);
    const auto started = std::chrono::steady_clock::now();
    const batch_result written = target_.put_batch(records);
    const batch_report report{batch.size(), std::chrono::steady_clock::now() - started, written.ok,
                              written.ok ? nullptr : &written.error};
    if (observer_) observer_(report);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      *batch[i].outcome = !written.ok                              ? submit_status::failed
                          : written.statuses[i] == put_status::stored ? submit_status::stored
                                                                      : submit_status::duplicate;
    }
    batch.clear();
    signal->done.store(1, std::memory_order_release);
    signal->done.notify_all();
  }
}

}  // namespace otklik::collector
