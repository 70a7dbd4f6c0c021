// Radix sort by high bits and repeated-value search for duplicate detection.
#include "duplicates.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace otklik::analysis::detail {

namespace {

constexpr unsigned low_bits = 64 - sorted_high_bits;

}  // namespace

void sort_by_high_bits(std::vector<std::uint64_t>& values) {
  // 11-bit digits: 2048 counters stay in the first-level cache; three passes cover the top 33 bits.
  constexpr unsigned bits = 11;
  static_assert(sorted_high_bits == 3 * bits);
  constexpr std::size_t buckets = std::size_t{1} << bits;
  std::vector<std::uint64_t> buffer(values.size());
  for (unsigned shift = low_bits; shift < 64; shift += bits) {
    std::array<std::size_t, buckets> counts{};
    for (const std::uint64_t v : values) ++counts[(v >> shift) & (buckets - 1)];
    std::size_t total = 0;
    for (std::size_t& c : counts) {
      const std::size_t here = c;
      c = total;
      total += here;
    }
    for (const std::uint64_t v : values) buffer[counts[(v >> shift) & (buckets - 1)]++] = v;
    values.swap(buffer);
  }
}

std::vector<std::uint64_t> repeated_in_sorted(std::vector<std::vector<std::uint64_t>> runs) {
  // One walk over every run at once (a handful: one per thread and input), taking each key of high bits from
  // all runs together; no merged copy. Equal values are found by sorting a key's values, almost always 1 or 2.
  std::vector<std::size_t> at(runs.size(), 0);
  std::vector<std::uint64_t> same_key, out;
  for (;;) {
    std::uint64_t key = UINT64_MAX;
    bool any = false;
    for (std::size_t r = 0; r < runs.size(); ++r) {
      if (at[r] < runs[r].size()) {
        key = std::min(key, runs[r][at[r]] >> low_bits);
        any = true;
      }
    }
    if (!any) break;
    same_key.clear();
    for (std::size_t r = 0; r < runs.size(); ++r) {
      while (at[r] < runs[r].size() && (runs[r][at[r]] >> low_bits) == key) same_key.push_back(runs[r][at[r]++]);
    }
    if (same_key.size() < 2) continue;
    std::sort(same_key.begin(), same_key.end());
    for (std::size_t i = 1; i < same_key.size(); ++i) {
      if (same_key[i] == same_key[i - 1] && (i == 1 || same_key[i - 1] != same_key[i - 2])) out.push_back(same_key[i]);
    }
  }
  return out;
}

}  // namespace otklik::analysis::detail
