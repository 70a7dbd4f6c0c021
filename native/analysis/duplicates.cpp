// Radix sort and repeated-value search for duplicate detection.
#include "duplicates.hpp"

#include <array>

namespace otklik::analysis::detail {

void radix_sort(std::vector<std::uint64_t>& values) {
  std::vector<std::uint64_t> buffer(values.size());
  std::vector<std::uint64_t>* from = &values;
  std::vector<std::uint64_t>* to = &buffer;
  for (unsigned shift = 0; shift < 64; shift += 16) {
    std::vector<std::size_t> counts(1u << 16, 0);
    for (const std::uint64_t v : *from) ++counts[(v >> shift) & 0xFFFF];
    std::size_t total = 0;
    for (std::size_t& c : counts) {
      const std::size_t here = c;
      c = total;
      total += here;
    }
    for (const std::uint64_t v : *from) (*to)[counts[(v >> shift) & 0xFFFF]++] = v;
    std::swap(from, to);
  }
  // Four passes: the sorted data is back in `values`.
}

std::vector<std::uint64_t> repeated_values(std::vector<std::uint64_t> values) {
  radix_sort(values);
  std::vector<std::uint64_t> out;
  for (std::size_t i = 1; i < values.size(); ++i) {
    if (values[i] == values[i - 1] && (out.empty() || out.back() != values[i])) out.push_back(values[i]);
  }
  return out;
}

}  // namespace otklik::analysis::detail
