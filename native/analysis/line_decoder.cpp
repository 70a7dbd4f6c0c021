// Picks the fast-path kernel for this CPU, and the id hash shared by both kernels.
#include "line_decoder.hpp"

#include <cstring>

#include <simdjson.h>

namespace otklik::analysis::detail {

#ifdef OTKLIK_HAVE_HASWELL_KERNEL
namespace haswell {
std::unique_ptr<line_decoder> make(const survey_set& surveys, const std::vector<survey_layout>& layouts);
}
#endif
namespace portable {
std::unique_ptr<line_decoder> make(const survey_set& surveys, const std::vector<survey_layout>& layouts);
}

std::uint64_t hash_id(std::string_view id) noexcept {
  // Eight bytes a step with a multiply-xorshift mix: ids are short, collisions matter only among tens of millions.
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ id.size();
  std::size_t at = 0;
  for (; at + 8 <= id.size(); at += 8) {
    std::uint64_t word;
    std::memcpy(&word, id.data() + at, 8);
    h = (h ^ word) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, id.data() + at, id.size() - at);
  h = (h ^ tail) * 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 29;
  h *= 0xff51afd7ed558ccdull;
  return h ^ (h >> 32);
}

std::unique_ptr<line_decoder> make_line_decoder(const survey_set& surveys, const std::vector<survey_layout>& layouts) {
  static_assert(line_padding >= simdjson::SIMDJSON_PADDING);
#ifdef OTKLIK_HAVE_HASWELL_KERNEL
  // simdjson's own CPU detection: its haswell and icelake kernels both imply AVX2, BMI and PCLMUL.
  const std::string& best = simdjson::get_active_implementation()->name();
  if (best == "haswell" || best == "icelake") return haswell::make(surveys, layouts);
#endif
  return portable::make(surveys, layouts);
}

}  // namespace otklik::analysis::detail
