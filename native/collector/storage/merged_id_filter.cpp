// native/collector/storage/merged_id_filter.cpp — the blocked Bloom filter (see the header).
#include "merged_id_filter.hpp"

#include <functional>

namespace otklik::collector::detail {
namespace {

// One 64-bit hash: its high half picks the block; the bytes of a second mix pick a bit in each word.
std::uint64_t hash_of(std::string_view id) {
  std::uint64_t h = std::hash<std::string_view>{}(id);
  h ^= h >> 33;  // std::hash's low bits vary well; a finalizer spreads them to the high ones as well
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

std::uint64_t bit_of(std::uint64_t h, int word) {
  return std::uint64_t{1} << (((h * 0x9e3779b97f4a7c15ULL) >> (word * 8)) & 63);
}

}  // namespace

merged_id_filter::merged_id_filter(std::size_t capacity)
    : blocks_(capacity / 32 + 1, block{}), capacity_(capacity) {}  // 512 bits per block, 16 per id

void merged_id_filter::add(std::string_view id) {
  ++added_;
  const std::uint64_t h = hash_of(id);
  block& b = blocks_[(h >> 32) % blocks_.size()];
  for (int w = 0; w < 8; ++w) b.words[w] |= bit_of(h, w);
}

bool merged_id_filter::may_contain(std::string_view id) const {
  if (added_ > capacity_) return true;
  const std::uint64_t h = hash_of(id);
  const block& b = blocks_[(h >> 32) % blocks_.size()];
  for (int w = 0; w < 8; ++w) {
    if ((b.words[w] & bit_of(h, w)) == 0) return false;
  }
  return true;
}

}  // namespace otklik::collector::detail
