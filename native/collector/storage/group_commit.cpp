// native/collector/storage/group_commit.cpp — the single writer thread behind every durable submission.
#include "otklik/collector/storage/group_commit.hpp"

#include <utility>

namespace otklik::collector {

group_commit::group_commit(store& target, batch_observer observer)
    : target_(target), observer_(std::move(observer)), writer_([this] { write_loop(); }) {}

group_commit::~group_commit() { stop(); }

submit_status group_commit::submit(const stored_response& record) {
  submit_status outcome = submit_status::failed;
  std::unique_lock<std::mutex> lock(mutex_);
  if (stopping_) return submit_status::failed;
  const std::uint64_t ticket = next_batch_;
  pending_.push_back({&record, &outcome});
  if (pending_.size() == 1) work_ready_.notify_one();
  done_[ticket % 2].wait(lock, [&] { return completed_batch_ >= ticket; });
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
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    work_ready_.wait(lock, [&] { return !pending_.empty() || stopping_; });
    if (pending_.empty()) return;  // stopping, and everything submitted has been written
    batch.swap(pending_);
    const std::uint64_t number = next_batch_++;
    lock.unlock();

    records.clear();
    for (const pending_entry& entry : batch) records.push_back(entry.record);
    const auto started = std::chrono::steady_clock::now();
    const batch_result written = target_.put_batch(records);
    const batch_report report{batch.size(), std::chrono::steady_clock::now() - started, written.ok,
                              written.ok ? nullptr : &written.error};
    if (observer_) observer_(report);

    lock.lock();
    for (std::size_t i = 0; i < batch.size(); ++i) {
      *batch[i].outcome = !written.ok                              ? submit_status::failed
                          : written.statuses[i] == put_status::stored ? submit_status::stored
                                                                      : submit_status::duplicate;
    }
    completed_batch_ = number;
    batch.clear();
    done_[number % 2].notify_all();
  }
}

}  // namespace otklik::collector
