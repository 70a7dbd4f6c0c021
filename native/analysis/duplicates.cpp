// Radix sort by high bits and repeated-value search for duplicate detection.
#include "duplicates.hpp"

#include <algorithm>
#include <array>

namespace otklik::analysis::detail {

namespace {

constexpr unsigned low_bits = 64 - sorted_high_bits;

bool before(std::uint64_t a, std::uint64_t b) noexcept { return (a >> low_bits) < (b >> low_bits); }

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
  // Pairwise merges: a handful of runs (one per thread and input).
  std::vector<std::uint64_t> all;
  for (std::vector<std::uint64_t>& run : runs) {
    if (all.empty()) {
      all = std::move(run);
      continue;
    }
    std::vector<std::uint64_t> merged(all.size() + run.size());
    std::merge(all.begin(), all.end(), run.begin(), run.end(), merged.begin(), before);
    all = std::move(merged);
    run = {};
  }
  // Within a run of equal high bits (almost always one or two values), equal values are found by sorting it.
  std::vector<std::uint64_t> out;
  for (std::size_t start = 0; start < all.size();) {
    std::size_t stop = start + 1;
    while (stop < all.size() && !before(all[start], all[stop])) ++stop;
    if (stop - start > 1) {
      std::sort(all.begin() + static_cast<std::ptrdiff_t>(start), all.begin() + static_cast<std::ptrdiff_t>(stop));
      for (std::size_t i = start + 1; i < stop; ++i) {
        if (all[i] == all[i - 1] && (i == start + 1 || all[i - 1] != all[i - 2])) out.push_back(all[i]);
      }
    }
    start = stop;
  }
  return out;
}

}  // namespace otklik::analysis::detail
