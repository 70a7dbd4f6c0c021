// duplicates.hpp — finding repeated response ids among tens of millions of 64-bit id hashes.
#pragma once

#include <cstdint>
#include <vector>

namespace otklik::analysis::detail {

// Sorts in place: LSD radix sort, 16 bits a pass. By hand because the standard library has none and
// std::sort is several times slower on this many plain integers.
void radix_sort(std::vector<std::uint64_t>& values);

// The values that occur more than once (each once, ascending).
[[nodiscard]] std::vector<std::uint64_t> repeated_values(std::vector<std::uint64_t> values);

}  // namespace otklik::analysis::detail
