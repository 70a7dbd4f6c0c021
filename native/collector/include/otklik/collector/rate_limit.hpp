// otklik/collector/rate_limit.hpp — per-client token buckets keyed by a salted hash of the client's
// address. The address itself is never kept: only a keyed hash whose salt lives in this process's
// memory, so the table cannot be turned back into addresses, and it is never written anywhere.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string_view>
#include <unordered_map>

namespace otklik::collector {

// Default submissions per minute per client address: an office of citizens behind one NAT address
// (a service centre with kiosks, a few hundred visitors an hour) stays far below it, while one
// script hammering the collector is slowed to 10 a second.
inline constexpr std::uint32_t default_rate_limit_per_minute = 600;

// A keyed hash of a client address: IPv6 addresses are cut to their /64 (one subscriber's network).
class address_hasher {
 public:
  // Draws a fresh random salt; nothing outside this object ever sees it.
  address_hasher();
  [[nodiscard]] std::uint64_t operator()(std::string_view address) const;

 private:
  std::array<unsigned char, 32> salt_{};
};

class rate_limiter {
 public:
  using clock = std::chrono::steady_clock;

  // `per_minute` tokens refill evenly over a minute; a bucket holds at most `per_minute` (the burst).
  // 0 turns limiting off.
  explicit rate_limiter(std::uint32_t per_minute);

  [[nodiscard]] bool enabled() const noexcept { return per_minute_ > 0; }
  // Takes one token from the client's bucket; false means answer 429.
  [[nodiscard]] bool allow(std::uint64_t client_key, clock::time_point now);
  // Seconds until the client's next token, for Retry-After.
  [[nodiscard]] std::uint32_t retry_after_seconds() const noexcept;
  // Number of clients tracked (for tests and metrics).
  [[nodiscard]] std::size_t tracked_clients();

 private:
  struct bucket {
    double tokens;
    clock::time_point updated;
  };
  struct shard {
    std::mutex mutex;
    std::unordered_map<std::uint64_t, bucket> buckets;
  };
  void prune(shard& s, clock::time_point now);

  static constexpr std::size_t shard_count = 16;
  // A shard above this size drops its full (idle) buckets; memory stays bounded under address floods.
  static constexpr std::size_t shard_soft_limit = 4096;
  std::uint32_t per_minute_;
  double tokens_per_second_;
  std::array<shard, shard_count> shards_;
};

}  // namespace otklik::collector
