// otklik/collector/metrics.hpp — the collector's counters and histograms, rendered in the Prometheus
// text exposition format (version 0.0.4) for GET /metrics. Hand-written: Debian ships no C++
// Prometheus client, and lock-free atomics are all that is needed.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "otklik/collector/storage/group_commit.hpp"
#include "otklik/result.hpp"

namespace otklik::collector {

// What a request was for; a fixed set, so that labels never carry client-chosen text.
enum class route : std::uint8_t { responses, surveys, healthz, metrics, widget, portal, preflight, other };
inline constexpr std::size_t route_count = 8;
[[nodiscard]] std::string_view to_string(route r) noexcept;

// Why a submission was turned away before the store saw it.
enum class rejection : std::uint8_t { invalid, too_large, length_required, unsupported_media_type, rate_limited };
inline constexpr std::size_t rejection_count = 5;
[[nodiscard]] std::string_view to_string(rejection r) noexcept;

// A Prometheus histogram with fixed upper bounds; observe() is lock-free.
class histogram {
 public:
  explicit histogram(std::span<const double> upper_bounds);
  void observe(double value) noexcept;
  // Appends the _bucket, _sum and _count lines; `labels` is "" or `key="value",` pairs ending in a comma.
  void render(std::string& out, std::string_view name, std::string_view labels) const;

 private:
  std::span<const double> bounds_;
  std::vector<std::atomic<std::uint64_t>> counts_;  // one per bound, then +Inf; not cumulative
  std::atomic<double> sum_{0.0};
};

// A value read at scrape time (store health, surveys loaded...).
struct gauge {
  std::string_view name;
  std::string_view help;
  double value;
};

class metrics {
 public:
  metrics();
  void observe_request(route r, int status, std::chrono::nanoseconds duration) noexcept;
  void observe_rejection(rejection why) noexcept;
  // Counts the codes of a rejected submission's issues (otklik_validation_issues_total{code}).
  void observe_issues(std::span<const issue> issues) noexcept;
  void observe_submission(submit_status outcome) noexcept;
  void observe_batch(const batch_report& report) noexcept;
  // The whole exposition, with the gauges read by the caller at scrape time.
  [[nodiscard]] std::string render(std::span<const gauge> gauges) const;

 private:
  static constexpr std::size_t status_slots = 18;  // the statuses the collector sends, then "other"
  static constexpr std::size_t issue_slots = 64;   // error_code values fit below this
  std::array<std::array<std::atomic<std::uint64_t>, status_slots>, route_count> responses_{};
  std::array<histogram, route_count> latency_;
  std::array<std::atomic<std::uint64_t>, rejection_count> rejections_{};
  std::array<std::atomic<std::uint64_t>, issue_slots> issues_{};
  std::array<std::atomic<std::uint64_t>, 3> submissions_{};  // stored, duplicate, failed
  std::atomic<std::uint64_t> failed_batches_{0};
  histogram batch_size_;
  histogram commit_seconds_;
};

}  // namespace otklik::collector
