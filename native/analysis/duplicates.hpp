// duplicates.hpp — finding repeated response ids among tens of millions of 64-bit id hashes.
#pragma once

#include <cstdint>
#include <vector>

namespace otklik::analysis::detail {

// Sorts in place: LSD radix sort, 11 bits a pass. By hand because the standard library has none and
// std::sort is several times slower on this many plain integers.
void radix_sort(std::vector<std::uint64_t>& values);

// The values that occur more than once across sorted runs (each once, ascending).
[[nodiscard]] std::vector<std::uint64_t> repeated_in_sorted(std::vector<std::vector<std::uint64_t>> runs);

}  // namespace otklik::analysis::detail
