// native/collector/storage/group_commit.cpp — the single writer thread behind every durable submission.
#include "otklik/collector/storage/group_commit.hpp"

#include <pthread.h>

#include <future>
#include <utility>

namespace otklik::collector {
namespace {

// How long the writer waits for the submitters of the last batch before it commits with fewer: at
// most as long as the last commit took (the price of a second, half-empty transaction), capped.
constexpr double gather_share = 1.0;
constexpr std::chrono::milliseconds gather_cap{2};

}  // namespace

group_commit::group_commit(store& target, batch_observer observer)
    : target_(target), observer_(std::move(observer)), writer_([this] { write_loop(); }) {}

group_commit::~group_commit() { stop(); }

void group_commit::submit(const stored_response& record, completion done) {
  bool first = false;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    if (stopping_) {
      lock.unlock();
      done(submit_status::failed);
      run_answered_hook();
      return;
    }
    pending_.push_back({&record, std::move(done)});
    first = pending_.size() == 1 || pending_.size() == expected_;
  }
  if (first) work_ready_.notify_one();
}

submit_status group_commit::submit(const stored_response& record) {
  std::promise<submit_status> outcome;
  std::future<submit_status> ready = outcome.get_future();
  submit(record, [&outcome](submit_status s) { outcome.set_value(s); });
  return ready.get();
}

void group_commit::on_answered(answered_hook hook) {
  const std::lock_guard<std::mutex> lock(hook_mutex_);
  answered_ = std::move(hook);
}

void group_commit::run_answered_hook() {
  const std::lock_guard<std::mutex> lock(hook_mutex_);
  if (answered_) answered_();
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
  pthread_setname_np(pthread_self(), "otklik-writer");  // per-thread CPU in top -H and the benchmark
  std::vector<pending_entry> batch;
  std::vector<const stored_response*> records;
  std::chrono::nanoseconds gather_window{0};
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      work_ready_.wait(lock, [&] { return !pending_.empty() || stopping_; });
      // Each client of a busy collector sends its next submission soon after its answer: without this
      // wait, those answered by one commit would queue during the next and always miss it, and two
      // half-size transactions would alternate, each submission waiting for two commits.
      if (pending_.size() < expected_ && !stopping_) {
        work_ready_.wait_for(lock, gather_window, [&] { return pending_.size() >= expected_ || stopping_; });
      }
      if (pending_.empty()) return;  // stopping, and everything submitted has been written
      batch.swap(pending_);
    }
    records.clear();
    for (const pending_entry& entry : batch) records.push_back(entry.record);
    const auto started = std::chrono::steady_clock::now();
    const batch_result written = target_.put_batch(records);
    const auto took = std::chrono::steady_clock::now() - started;
    const batch_report report{batch.size(), took, written.ok, written.ok ? nullptr : &written.error};
    if (observer_) observer_(report);
    // The next batch should hold this batch's submitters and those that queued during its commit. Counted
    // before anyone is answered: an answered client may submit again before the last answer is out, and
    // counting it twice would make the writer wait for a submission that cannot come.
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      expected_ = batch.size() + pending_.size();
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
      batch[i].done(!written.ok                                 ? submit_status::failed
                    : written.statuses[i] == put_status::stored ? submit_status::stored
                                                                : submit_status::duplicate);
    }
    run_answered_hook();
    gather_window = std::min<std::chrono::nanoseconds>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(took * gather_share), gather_cap);
    batch.clear();
  }
}

}  // namespace otklik::collector
