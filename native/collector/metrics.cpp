// native/collector/metrics.cpp — counters and histograms in the Prometheus text exposition format.
#include "otklik/collector/metrics.hpp"

#include <charconv>
#include <utility>

namespace otklik::collector {
namespace {

constexpr std::array<int, 17> known_statuses = {200, 201, 204, 206, 304, 400, 403, 404, 405,
                                                408, 411, 413, 414, 415, 429, 500, 503};

constexpr double latency_bounds[] = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
constexpr double batch_bounds[] = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};
constexpr double commit_bounds[] = {0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.5, 1};

std::size_t status_slot(int status) {
  for (std::size_t i = 0; i < known_statuses.size(); ++i) {
    if (known_statuses[i] == status) return i;
  }
  return known_statuses.size();
}

// Shortest fixed-point text that reads back as the same double ("0.0005", not "5e-04" or "0.00050000000000000001").
void append_number(std::string& out, double value) {
  char text[400];  // fixed notation of any finite double fits
  const auto written = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed);
  out.append(text, written.ptr);
}

void append_count(std::string& out, std::uint64_t value) { out += std::to_string(value); }

void append_header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

template <std::size_t... I>
std::array<histogram, sizeof...(I)> latency_histograms(std::index_sequence<I...>) {
  return {((void)I, histogram(latency_bounds))...};
}

}  // namespace

std::string_view to_string(route r) noexcept {
  static constexpr std::string_view names[route_count] = {"responses", "surveys", "healthz",   "metrics",
                                                          "widget",    "portal",  "preflight", "other"};
  return names[static_cast<std::size_t>(r)];
}

std::string_view to_string(rejection r) noexcept {
  static constexpr std::string_view names[rejection_count] = {"invalid", "too_large", "length_required",
                                                              "unsupported_media_type", "rate_limited"};
  return names[static_cast<std::size_t>(r)];
}

histogram::histogram(std::span<const double> upper_bounds) : bounds_(upper_bounds), counts_(upper_bounds.size() + 1) {}

void histogram::observe(double value) noexcept {
  std::size_t slot = 0;
  while (slot < bounds_.size() && value > bounds_[slot]) ++slot;
  counts_[slot].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
}

void histogram::render(std::string& out, std::string_view name, std::string_view labels) const {
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i <= bounds_.size(); ++i) {
    cumulative += counts_[i].load(std::memory_order_relaxed);
    out.append(name).append("_bucket{").append(labels).append("le=\"");
    if (i < bounds_.size()) {
      append_number(out, bounds_[i]);
    } else {
      out.append("+Inf");
    }
    out.append("\"} ");
    append_count(out, cumulative);
    out.push_back('\n');
  }
  std::string braced;
  if (!labels.empty()) braced.append("{").append(labels.substr(0, labels.size() - 1)).append("}");
  out.append(name).append("_sum").append(braced).append(" ");
  append_number(out, sum_.load(std::memory_order_relaxed));
  out.append("\n").append(name).append("_count").append(braced).append(" ");
  append_count(out, cumulative);
  out.push_back('\n');
}

metrics::metrics()
    : latency_(latency_histograms(std::make_index_sequence<route_count>{})),
      batch_size_(batch_bounds),
      commit_seconds_(commit_bounds) {}

void metrics::observe_request(route r, int status, std::chrono::nanoseconds duration) noexcept {
  const auto index = static_cast<std::size_t>(r);
  responses_[index][status_slot(status)].fetch_add(1, std::memory_order_relaxed);
  latency_[index].observe(std::chrono::duration<double>(duration).count());
}

void metrics::observe_rejection(rejection why) noexcept {
  rejections_[static_cast<std::size_t>(why)].fetch_add(1, std::memory_order_relaxed);
}

void metrics::observe_issues(std::span<const issue> issues) noexcept {
  for (const issue& i : issues) {
    const auto slot = static_cast<std::size_t>(i.code);
    if (slot < issue_slots) issues_[slot].fetch_add(1, std::memory_order_relaxed);
  }
}

void metrics::observe_submission(submit_status outcome) noexcept {
  submissions_[static_cast<std::size_t>(outcome)].fetch_add(1, std::memory_order_relaxed);
}

void metrics::observe_batch(const batch_report& report) noexcept {
  if (!report.ok) failed_batches_.fetch_add(1, std::memory_order_relaxed);
  batch_size_.observe(static_cast<double>(report.size));
  commit_seconds_.observe(std::chrono::duration<double>(report.duration).count());
}

std::string metrics::render(std::span<const gauge> gauges) const {
  std::string out;
  out.reserve(16384);
  append_header(out, "otklik_http_responses_total", "counter", "HTTP responses sent, by route and status code.");
  for (std::size_t r = 0; r < route_count; ++r) {
    for (std::size_t s = 0; s < status_slots; ++s) {
      const std::uint64_t n = responses_[r][s].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out.append("otklik_http_responses_total{route=\"").append(to_string(static_cast<route>(r)));
      out.append("\",code=\"").append(s < known_statuses.size() ? std::to_string(known_statuses[s]) : "other");
      out.append("\"} ");
      append_count(out, n);
      out.push_back('\n');
    }
  }
  append_header(out, "otklik_http_request_duration_seconds", "histogram",
                "Time from the request's headers to its answer, by route.");
  for (std::size_t r = 0; r < route_count; ++r) {
    const std::string labels = "route=\"" + std::string(to_string(static_cast<route>(r))) + "\",";
    latency_[r].render(out, "otklik_http_request_duration_seconds", labels);
  }
  append_header(out, "otklik_submissions_rejected_total", "counter",
                "Submissions turned away before storage, by reason.");
  for (std::size_t i = 0; i < rejection_count; ++i) {
    out.append("otklik_submissions_rejected_total{reason=\"").append(to_string(static_cast<rejection>(i)));
    out.append("\"} ");
    append_count(out, rejections_[i].load(std::memory_order_relaxed));
    out.push_back('\n');
  }
  append_header(out, "otklik_validation_issues_total", "counter", "Issues found in rejected submissions, by code.");
  for (std::size_t i = 0; i < issue_slots; ++i) {
    const std::uint64_t n = issues_[i].load(std::memory_order_relaxed);
    if (n == 0) continue;
    out.append("otklik_validation_issues_total{code=\"").append(to_string(static_cast<error_code>(i)));
    out.append("\"} ");
    append_count(out, n);
    out.push_back('\n');
  }
  append_header(out, "otklik_submissions_total", "counter",
                "Valid submissions by outcome: stored, duplicate (idempotent repeat), failed (store error).");
  static constexpr std::string_view outcomes[] = {"stored", "duplicate", "failed"};
  for (std::size_t i = 0; i < 3; ++i) {
    out.append("otklik_submissions_total{outcome=\"").append(outcomes[i]).append("\"} ");
    append_count(out, submissions_[i].load(std::memory_order_relaxed));
    out.push_back('\n');
  }
  append_header(out, "otklik_store_batch_size", "histogram", "Submissions committed together in one transaction.");
  batch_size_.render(out, "otklik_store_batch_size", "");
  append_header(out, "otklik_store_commit_seconds", "histogram", "Time to write and commit one batch.");
  commit_seconds_.render(out, "otklik_store_commit_seconds", "");
  append_header(out, "otklik_store_failed_batches_total", "counter", "Batches the store could not commit.");
  out.append("otklik_store_failed_batches_total ");
  append_count(out, failed_batches_.load(std::memory_order_relaxed));
  out.push_back('\n');
  for (const gauge& g : gauges) {
    append_header(out, g.name, "gauge", g.help);
    out.append(g.name).append(" ");
    append_number(out, g.value);
    out.push_back('\n');
  }
  return out;
}

}  // namespace otklik::collector
