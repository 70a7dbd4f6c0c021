// native/collector/rate_limit.cpp — token buckets and the keyed address hash (HMAC-SHA256 from OpenSSL,
// which cpp-httplib already links).
#include "otklik/collector/rate_limit.hpp"

#include <arpa/inet.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <string>

namespace otklik::collector {

address_hasher::address_hasher() {
  if (RAND_bytes(salt_.data(), static_cast<int>(salt_.size())) != 1) {
    throw std::runtime_error("no random bytes for the rate limiter's salt");
  }
}

std::uint64_t address_hasher::operator()(std::string_view address) const {
  unsigned char packed[16] = {};
  const unsigned char* data = reinterpret_cast<const unsigned char*>(address.data());
  std::size_t size = address.size();
  const std::string text(address);
  if (inet_pton(AF_INET, text.c_str(), packed) == 1) {
    data = packed;
    size = 4;
  } else if (inet_pton(AF_INET6, text.c_str(), packed) == 1) {
    static constexpr unsigned char v4_mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::memcmp(packed, v4_mapped, sizeof v4_mapped) == 0) {
      data = packed + 12;  // the same client as its plain IPv4 form
      size = 4;
    } else {
      std::memset(packed + 8, 0, 8);  // a subscriber owns a whole /64
      data = packed;
      size = 16;
    }
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_size = 0;
  HMAC(EVP_sha256(), salt_.data(), static_cast<int>(salt_.size()), data, size, digest, &digest_size);
  std::uint64_t key = 0;
  std::memcpy(&key, digest, sizeof key);
  return key;
}

rate_limiter::rate_limiter(std::uint32_t per_minute)
    : per_minute_(per_minute), tokens_per_second_(static_cast<double>(per_minute) / 60.0) {}

bool rate_limiter::allow(std::uint64_t client_key, clock::time_point now) {
  if (!enabled()) return true;
  shard& s = shards_[client_key % shard_count];
  const std::lock_guard<std::mutex> lock(s.mutex);
  if (s.buckets.size() >= shard_soft_limit) prune(s, now);
  const double capacity = per_minute_;
  auto [it, inserted] = s.buckets.try_emplace(client_key, bucket{capacity, now});
  bucket& b = it->second;
  if (!inserted) {
    const std::chrono::duration<double> elapsed = now - b.updated;
    b.tokens = std::min(capacity, b.tokens + std::max(0.0, elapsed.count()) * tokens_per_second_);
    b.updated = std::max(b.updated, now);
  }
  if (b.tokens < 1.0) return false;
  b.tokens -= 1.0;
  return true;
}

std::uint32_t rate_limiter::retry_after_seconds() const noexcept {
  if (!enabled()) return 0;
  return static_cast<std::uint32_t>(std::ceil(60.0 / per_minute_));
}

std::size_t rate_limiter::tracked_clients() {
  std::size_t total = 0;
  for (shard& s : shards_) {
    const std::lock_guard<std::mutex> lock(s.mutex);
    total += s.buckets.size();
  }
  return total;
}

void rate_limiter::prune(shard& s, clock::time_point now) {
  const double capacity = per_minute_;
  std::erase_if(s.buckets, [&](const auto& entry) {
    const std::chrono::duration<double> idle = now - entry.second.updated;
    return entry.second.tokens + idle.count() * tokens_per_second_ >= capacity;
  });
  // Still mostly active clients (an address flood): forget them all rather than grow without bound or
  // prune again on every request; those addresses then start again from full buckets.
  if (s.buckets.size() >= shard_soft_limit * 3 / 4) s.buckets.clear();
}

}  // namespace otklik::collector
