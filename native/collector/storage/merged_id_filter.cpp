// native/collector/storage/merged_id_filter.cpp — the blocked Bloom filter (see the header).
#include "merged_id_filter.hpp"

namespace otklik::collector::detail {
namespace {

// The mixed hash's high half picks the block; the bytes of a second mix pick a bit in each word.
std::uint64_t bit_of(std::uint64_t h, int word) {
  return std::uint64_t{1} << (((h * 0x9e3779b97f4a7c15ULL) >> (word * 8)) & 63);
}

}  // namespace

merged_id_filter::merged_id_filter(std::size_t capacity)
    : blocks_(capacity / 32 + 1, block{}), capacity_(capacity) {}  // 512 bits per block, 16 per id

void merged_id_filter::add_hashed(std::uint64_t id_hash) {
  ++added_;
  const std::uint64_t h = mix(id_hash);
  block& b = blocks_[block_of(h)];
  for (int w = 0; w < 8; ++w) b.words[w] |= bit_of(h, w);
}

bool merged_id_filter::may_contain_hashed(std::uint64_t id_hash) const {
  if (added_ > capacity_) return true;
  const std::uint64_t h = mix(id_hash);
  const block& b = blocks_[block_of(h)];
  for (int w = 0; w < 8; ++w) {
    if ((b.words[w] & bit_of(h, w)) == 0) return false;
  }
  return true;
}

}  // namespace otklik::collector::detail
