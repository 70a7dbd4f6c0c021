// latest_worker.hpp — one background thread that runs the newest request and drops those it never started,
// so loading, re-aggregation and searches never block the interface and never pile up.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace otklik::review {

template <class Request, class Result>
class latest_worker {
 public:
  // `work` runs on the worker thread; it may poll `superseded` to stop early when a newer request is waiting.
  using work_fn = std::function<Result(const Request&, const std::atomic<bool>& superseded)>;

  explicit latest_worker(work_fn work) : work_(std::move(work)), thread_([this] { run(); }) {}
  ~latest_worker() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      superseded_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  latest_worker(const latest_worker&) = delete;
  latest_worker& operator=(const latest_worker&) = delete;

  // Queues `request` in place of any request not started yet; returns its generation (1, 2, ...).
  std::uint64_t submit(Request request) {
    std::uint64_t generation = 0;
    {
      std::lock_guard lock(mutex_);
      generation = ++submitted_;
      pending_ = std::move(request);
      superseded_ = true;
    }
    wake_.notify_all();
    return generation;
  }

  // The newest finished result with its generation, once; nothing when none finished since the last call.
  [[nodiscard]] std::optional<std::pair<std::uint64_t, Result>> take() {
    std::lock_guard lock(mutex_);
    if (!finished_) return std::nullopt;
    auto out = std::move(finished_);
    finished_.reset();
    return out;
  }

  // Whether every submitted request has finished (or been dropped for a newer one that finished).
  [[nodiscard]] bool idle() const {
    std::lock_guard lock(mutex_);
    return !pending_ && completed_ == submitted_;
  }

  // Generation of the last request submitted.
  [[nodiscard]] std::uint64_t submitted() const {
    std::lock_guard lock(mutex_);
    return submitted_;
  }

 private:
  void run() {
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_.wait(lock, [this] { return stopping_ || pending_.has_value(); });
      if (stopping_) return;
      Request request = std::move(*pending_);
      pending_.reset();
      const std::uint64_t generation = submitted_;
      superseded_ = false;
      lock.unlock();
      Result result = work_(request, superseded_);
      lock.lock();
      // A result for a request that was replaced meanwhile is still the newest finished one.
      finished_.emplace(generation, std::move(result));
      completed_ = generation;
    }
  }

  work_fn work_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<Request> pending_;
  std::optional<std::pair<std::uint64_t, Result>> finished_;
  std::uint64_t submitted_ = 0, completed_ = 0;
  std::atomic<bool> superseded_{false};
  bool stopping_ = false;
  std::thread thread_;  // last: starts after every other member exists
};

}  // namespace otklik::review
