// native/collector/storage/merged_id_filter.hpp — a Bloom filter of the ids in the store's id index, so
// that a new id (nearly every submission) is known to be new without a lookup in the index.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "flat_id_set.hpp"

namespace otklik::collector::detail {

// Written by hand: a blocked Bloom filter is twenty lines, and no Debian package offers one for C++.
// Each id sets 8 bits inside one 64-byte block (one cache line per check); at 16 bits per id about 0.2%
// of new ids still take the lookup. An id added is always found (no false negatives); past its capacity
// the filter says "maybe" for everything and the store looks every id up, as without it.
class merged_id_filter {
 public:
  // Room for `capacity` ids at 16 bits each.
  explicit merged_id_filter(std::size_t capacity);
  void add(std::string_view id) { add_hashed(flat_id_set::hash(id)); }
  // False only when `id` was never added.
  [[nodiscard]] bool may_contain(std::string_view id) const { return may_contain_hashed(flat_id_set::hash(id)); }

  // The same, given flat_id_set::hash of the id: the writer hashes each id once for every set, so both
  // sets and these overloads must share that one hash (a filled filter asked with another would miss).
  void add_hashed(std::uint64_t id_hash);
  [[nodiscard]] bool may_contain_hashed(std::uint64_t id_hash) const;
  // Starts loading the block of an id that a later call will touch: a batch's lookups then overlap
  // their cache misses instead of waiting for each in turn.
  void prefetch_hashed(std::uint64_t id_hash) const { __builtin_prefetch(&blocks_[block_of(mix(id_hash))]); }

 private:
  static std::uint64_t mix(std::uint64_t id_hash) {
    id_hash ^= id_hash >> 33;  // flat_id_set::hash (std::hash) varies well in its low bits; a finalizer spreads them high
    id_hash *= 0xff51afd7ed558ccdULL;
    id_hash ^= id_hash >> 33;
    return id_hash;
  }
  std::size_t block_of(std::uint64_t h) const { return (h >> 32) % blocks_.size(); }
  struct block {
    std::uint64_t words[8];
  };
  std::vector<block> blocks_;
  std::size_t capacity_;
  std::size_t added_ = 0;
};

}  // namespace otklik::collector::detail
