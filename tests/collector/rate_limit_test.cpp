// tests/collector/rate_limit_test.cpp — token buckets per client key, refill over time (an injected
// clock, never a measured one), bounded memory, and the keyed address hash.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <set>

#include "otklik/collector/rate_limit.hpp"

using namespace otklik::collector;
using namespace std::chrono_literals;

TEST_CASE("a client gets its per-minute burst, then 429s until tokens refill") {
  rate_limiter limiter(3);
  const auto t0 = rate_limiter::clock::time_point{} + 1h;
  CHECK(limiter.allow(42, t0));
  CHECK(limiter.allow(42, t0));
  CHECK(limiter.allow(42, t0));
  CHECK_FALSE(limiter.allow(42, t0));
  CHECK(limiter.allow(7, t0));                  // another client has its own bucket
  CHECK_FALSE(limiter.allow(42, t0 + 19s));     // 3 a minute: one token every 20 s
  CHECK(limiter.allow(42, t0 + 20s));
  CHECK_FALSE(limiter.allow(42, t0 + 20s));
  CHECK(limiter.retry_after_seconds() == 20);
}

TEST_CASE("an idle client's bucket refills only up to the burst") {
  rate_limiter limiter(2);
  const auto t0 = rate_limiter::clock::time_point{} + 1h;
  CHECK(limiter.allow(1, t0));
  int allowed = 0;
  for (int i = 0; i < 10; ++i) allowed += limiter.allow(1, t0 + 1h) ? 1 : 0;
  CHECK(allowed == 2);
}

TEST_CASE("rate 0 turns limiting off") {
  rate_limiter limiter(0);
  CHECK_FALSE(limiter.enabled());
  const auto t0 = rate_limiter::clock::time_point{};
  for (int i = 0; i < 10000; ++i) REQUIRE(limiter.allow(1, t0));
  CHECK(limiter.tracked_clients() == 0);
}

TEST_CASE("a flood of distinct addresses does not grow the table without bound") {
  rate_limiter limiter(600);
  const auto t0 = rate_limiter::clock::time_point{} + 1h;
  for (std::uint64_t key = 0; key < 300000; ++key) (void)limiter.allow(key * 0x9E3779B97F4A7C15ull, t0);
  CHECK(limiter.tracked_clients() <= 16 * 4096);
  // Clients idle for a minute have full buckets and are the first to go.
  for (std::uint64_t key = 0; key < 70000; ++key) (void)limiter.allow(key * 0x2545F4914F6CDD1Dull, t0 + 2min);
  CHECK(limiter.tracked_clients() <= 16 * 4096);
}

TEST_CASE("the address hash is keyed per process, stable within it, and groups an IPv6 /64") {
  const address_hasher hash;
  const address_hasher other;
  CHECK(hash("203.0.113.7") == hash("203.0.113.7"));
  CHECK(hash("203.0.113.7") != hash("203.0.113.8"));
  CHECK(hash("203.0.113.7") != other("203.0.113.7"));  // another salt: keys cannot be compared across runs
  CHECK(hash("::ffff:203.0.113.7") == hash("203.0.113.7"));
  CHECK(hash("2001:db8:1:2:aaaa::1") == hash("2001:db8:1:2:bbbb::2"));
  CHECK(hash("2001:db8:1:2::1") != hash("2001:db8:1:3::1"));
  std::set<std::uint64_t> keys;
  for (int i = 0; i < 256; ++i) keys.insert(hash("198.51.100." + std::to_string(i)));
  CHECK(keys.size() == 256);
}
