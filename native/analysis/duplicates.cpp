// Radix sort and repeated-value search for duplicate detection.
#include "duplicates.hpp"

#include <algorithm>
#include <array>

namespace otklik::analysis::detail {

void radix_sort(std::vector<std::uint64_t>& values) {
  // 11-bit digits: 2048 counters stay in the first-level cache; six passes cover 64 bits.
  constexpr unsigned bits = 11;
  constexpr std::size_t buckets = std::size_t{1} << bits;
  std::vector<std::uint64_t> buffer(values.size());
  std::vector<std::uint64_t>* from = &values;
  std::vector<std::uint64_t>* to = &buffer;
  for (unsigned shift = 0; shift < 64; shift += bits) {
    std::array<std::size_t, buckets> counts{};
    for (const std::uint64_t v : *from) ++counts[(v >> shift) & (buckets - 1)];
    std::size_t total = 0;
    for (std::size_t& c : counts) {
      const std::size_t here = c;
      c = total;
      total += here;
    }
    for (const std::uint64_t v : *from) (*to)[counts[(v >> shift) & (buckets - 1)]++] = v;
    std::swap(from, to);
  }
  // Six passes (an even number): the sorted data is back in `values`.
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
    std::merge(all.begin(), all.end(), run.begin(), run.end(), merged.begin());
    all = std::move(merged);
    run = {};
  }
  std::vector<std::uint64_t> out;
  for (std::size_t i = 1; i < all.size(); ++i) {
    if (all[i] == all[i - 1] && (out.empty() || out.back() != all[i])) out.push_back(all[i]);
  }
  return out;
}

}  // namespace otklik::analysis::detail
