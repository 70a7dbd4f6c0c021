// native/collector/signals.cpp — sigwait on a dedicated thread (no async-signal-safety puzzles).
#include "otklik/collector/signals.hpp"

#include <csignal>

namespace otklik::collector {
namespace {

sigset_t termination_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

}  // namespace

termination_watch::termination_watch(std::function<void(int)> on_signal) : on_signal_(std::move(on_signal)) {
  std::signal(SIGPIPE, SIG_IGN);
  const sigset_t set = termination_signals();
  pthread_sigmask(SIG_BLOCK, &set, &previous_mask_);
  watcher_ = std::thread([this] {
    const sigset_t wanted = termination_signals();
    int signal = 0;
    while (sigwait(&wanted, &signal) != 0) {
    }
    if (closing_.load()) return;  // the destructor's own wake-up call
    received_.store(signal);
    on_signal_(signal);
  });
}

void termination_watch::stop() {
  if (!watcher_.joinable()) return;
  closing_.store(received_.load() == 0);
  if (received_.load() == 0) pthread_kill(watcher_.native_handle(), SIGTERM);  // wakes sigwait
  watcher_.join();
}

termination_watch::~termination_watch() {
  stop();
  pthread_sigmask(SIG_SETMASK, &previous_mask_, nullptr);
}

}  // namespace otklik::collector
