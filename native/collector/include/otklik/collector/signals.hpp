// otklik/collector/signals.hpp — turns SIGTERM and SIGINT into one call on a dedicated thread, so that
// the collector drains in-flight requests and flushes the store instead of dying mid-commit.
#pragma once

#include <pthread.h>

#include <atomic>
#include <functional>
#include <thread>

namespace otklik::collector {

class termination_watch {
 public:
  // Blocks SIGTERM and SIGINT in the calling thread (and so in every thread it creates afterwards:
  // construct this before any other thread) and calls `on_signal` once, from its own thread, when
  // one arrives. SIGPIPE is ignored: a client that went away must not end the process.
  explicit termination_watch(std::function<void(int signal)> on_signal);
  // Stops watching and restores the signal mask.
  ~termination_watch();
  termination_watch(const termination_watch&) = delete;
  termination_watch& operator=(const termination_watch&) = delete;

  // Stops watching: returns once on_signal has finished, or at once (without calling it) when no
  // signal came. Call it before destroying what on_signal touches. The signals stay blocked.
  void stop();

  // The signal received, or 0.
  [[nodiscard]] int received() const noexcept { return received_.load(); }

 private:
  std::function<void(int)> on_signal_;
  std::atomic<int> received_{0};
  std::atomic<bool> closing_{false};
  sigset_t previous_mask_{};
  std::thread watcher_;
};

}  // namespace otklik::collector
