// canonical_line.hpp — the first ingest fast path: a line in the canonical form that the collector, the
// exporters and `otklik export` write (fields in the order of formats.md, no whitespace, no escapes, small
// integers) is read in one pass, without a general JSON parser.
#pragma once

#include <span>
#include <string_view>

#include "line_rules.hpp"

namespace otklik::analysis::detail {

// True when `line` is a valid response in the canonical form (and `out` holds it; `out` must come in
// cleared). False says nothing about validity: the line then goes to On Demand and the core validator.
// `capacity`: readable bytes from line.data() on (may exceed line.size(); never read past it).
[[nodiscard]] bool decode_canonical(std::span<const survey_rules> rules, std::string_view line, std::size_t capacity,
                                    decoded_line& out);

}  // namespace otklik::analysis::detail
