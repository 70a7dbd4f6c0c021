// native/collector/log.cpp — JSON-lines logger (the core's json_writer does the escaping).
#include "otklik/collector/log.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <ctime>
#include <cstdio>
#include <mutex>

#include "otklik/json_writer.hpp"

namespace otklik::collector {
namespace {

std::atomic<log_level> minimum_level{log_level::info};
std::mutex write_mutex;

constexpr std::string_view level_names[] = {"debug", "info", "warn", "error"};

// UTC time with milliseconds, RFC 3339.
std::string now_rfc3339() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[40];
  const std::size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  std::string out(text, n);
  char fraction[8];
  std::snprintf(fraction, sizeof fraction, ".%03dZ", static_cast<int>(millis));
  return out + fraction;
}

}  // namespace

std::optional<log_level> parse_log_level(std::string_view word) noexcept {
  for (std::size_t i = 0; i < std::size(level_names); ++i) {
    if (level_names[i] == word) return static_cast<log_level>(i);
  }
  return std::nullopt;
}

void set_log_level(log_level minimum) noexcept { minimum_level.store(minimum, std::memory_order_relaxed); }

bool log_enabled(log_level level) noexcept { return level >= minimum_level.load(std::memory_order_relaxed); }

void log(log_level level, std::string_view event, std::initializer_list<log_field> fields) {
  if (!log_enabled(level)) return;
  std::string line;
  json_writer json(line);
  json.begin_object()
      .key("time").string(now_rfc3339())
      .key("level").string(level_names[static_cast<std::size_t>(level)])
      .key("event").string(event);
  for (const log_field& field : fields) {
    json.key(field.key);
    std::visit(
        [&](const auto& v) {
          using value_type = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<value_type, std::string_view>) {
            json.string(v);
          } else if constexpr (std::is_same_v<value_type, std::int64_t>) {
            json.integer(v);
          } else if constexpr (std::is_same_v<value_type, double>) {
            char number[32];
            const int n = std::snprintf(number, sizeof number, "%.6g", std::isfinite(v) ? v : 0.0);
            json.raw(std::string_view(number, static_cast<std::size_t>(n)));
          } else {
            json.boolean(v);
          }
        },
        field.value);
  }
  json.end_object();
  line.push_back('\n');
  const std::lock_guard<std::mutex> lock(write_mutex);
  for (std::size_t written = 0; written < line.size();) {
    const ssize_t n = ::write(STDERR_FILENO, line.data() + written, line.size() - written);
    if (n <= 0) break;  // a closed stderr must not stop the collector
    written += static_cast<std::size_t>(n);
  }
}

}  // namespace otklik::collector
