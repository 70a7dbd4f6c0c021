// The terminal progress bar: carriage return redraws, nothing at all when standard error is not a terminal.
#include "otklik/analysis/progress.hpp"

#include <cstdio>

#include <unistd.h>

namespace otklik::analysis {

progress_bar::progress_bar(std::string label, std::uint64_t total, bool enabled)
    : label_(std::move(label)), total_(total), enabled_(enabled),
      start_(std::chrono::steady_clock::now()), last_(start_) {}

progress_bar::~progress_bar() { finish(); }

void progress_bar::update(std::uint64_t done) {
  if (!enabled_ || total_ == 0) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  constexpr int width = 30;
  const double share = static_cast<double>(done) / static_cast<double>(total_);
  const int filled = static_cast<int>(share * width);
  char bar[width + 1];
  for (int i = 0; i < width; ++i) bar[i] = i < filled ? '#' : ' ';
  bar[width] = '\0';
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds / 1e9 : 0.0;
  std::fprintf(stderr, "\r%s [%s] %3d %%  %.2f GB/s", label_.c_str(), bar, static_cast<int>(share * 100), rate);
  std::fflush(stderr);
}

void progress_bar::finish() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r%*s\r", static_cast<int>(label_.size()) + 60, "");
  std::fflush(stderr);
  drawn_ = false;
}

bool stderr_is_terminal() noexcept { return isatty(STDERR_FILENO) == 1; }

}  // namespace otklik::analysis
