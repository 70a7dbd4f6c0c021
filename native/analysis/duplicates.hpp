// duplicates.hpp — finding repeated response ids among tens of millions of 64-bit id hashes.
#pragma once

#include <cstdint>
#include <vector>

namespace otklik::analysis::detail {

// The bits of a hash that the sort orders by: equal hashes end up next to each other, and runs of unequal
// hashes with the same high bits are rare and short (tens of millions of hashes against 2^33 keys).
inline constexpr unsigned sorted_high_bits = 33;

// Sorts in place by the top `sorted_high_bits` bits: LSD radix sort, 11 bits a pass, three passes. By hand
// because the standard library has none and std::sort is several times slower on this many plain integers.
void sort_by_high_bits(std::vector<std::uint64_t>& values);

// The values that occur more than once across runs sorted by sort_by_high_bits (each once, in no order).
[[nodiscard]] std::vector<std::uint64_t> repeated_in_sorted(std::vector<std::vector<std::uint64_t>> runs);

}  // namespace otklik::analysis::detail
