// otklik/analysis/progress.hpp — a one-line progress bar on standard error for long inputs.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace otklik::analysis {

// Draws "label [#####     ]  45 %  1.2 GB/s" in place; silent when disabled (not a terminal).
class progress_bar {
 public:
  progress_bar(std::string label, std::uint64_t total, bool enabled);
  ~progress_bar();
  progress_bar(const progress_bar&) = delete;
  progress_bar& operator=(const progress_bar&) = delete;
  // Redraws for `done` bytes of `total` (at most every 100 ms).
  void update(std::uint64_t done);
  // Clears the line.
  void finish();
  [[nodiscard]] bool enabled() const noexcept { return enabled_; }

 private:
  std::string label_;
  std::uint64_t total_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

// Whether standard error is a terminal (progress bars only there).
[[nodiscard]] bool stderr_is_terminal() noexcept;

}  // namespace otklik::analysis
