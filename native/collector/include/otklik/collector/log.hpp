// otklik/collector/log.hpp — structured logs: one JSON object per line on standard error. Callers
// pass named fields; nothing about a client (address, user agent, cookie, body) is ever a field.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace otklik::collector {

enum class log_level : std::uint8_t { debug, info, warn, error };

// "debug", "info", "warn", "error".
[[nodiscard]] std::optional<log_level> parse_log_level(std::string_view word) noexcept;

// One named value of a log line.
struct log_field {
  log_field(std::string_view k, std::string_view v) : key(k), value(v) {}
  log_field(std::string_view k, const char* v) : key(k), value(std::string_view(v)) {}
  log_field(std::string_view k, const std::string& v) : key(k), value(std::string_view(v)) {}
  log_field(std::string_view k, std::int64_t v) : key(k), value(v) {}
  log_field(std::string_view k, std::uint64_t v) : key(k), value(static_cast<std::int64_t>(v)) {}
  log_field(std::string_view k, int v) : key(k), value(static_cast<std::int64_t>(v)) {}
  log_field(std::string_view k, double v) : key(k), value(v) {}
  log_field(std::string_view k, bool v) : key(k), value(v) {}
  std::string_view key;
  std::variant<std::string_view, std::int64_t, double, bool> value;
};

// Lines below this level are dropped (default info).
void set_log_level(log_level minimum) noexcept;
[[nodiscard]] bool log_enabled(log_level level) noexcept;

// Writes {"time":...,"level":...,"event":event, fields...} as one line with one write(2).
void log(log_level level, std::string_view event, std::initializer_list<log_field> fields = {});

}  // namespace otklik::collector
