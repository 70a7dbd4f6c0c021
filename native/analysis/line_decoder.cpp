// Picks the fast-path kernel for this CPU, and the id hash shared by both kernels.
#include "line_decoder.hpp"

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
  // FNV-1a with a final avalanche: ids are short and collisions only matter among tens of millions.
  std::uint64_t h = 1469598103934665603ull;
  for (const char c : id) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
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
