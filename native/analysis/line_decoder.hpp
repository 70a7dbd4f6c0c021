// line_decoder.hpp — the ingest fast path: one NDJSON line parsed with simdjson On Demand straight into an
// encoded store row, checked by the same rules as otklik::validator. Anything it cannot vouch for (a failed
// check, fields in an unusual order) goes to the core validator, which has the final word.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "otklik/store.hpp"
#include "otklik/validate.hpp"

namespace otklik::analysis::detail {

// Bytes readable past the end of a line that the decoder needs (simdjson's padding).
inline constexpr std::size_t line_padding = 64;

// One decoded line, ready for store_builder::append.
struct decoded_line {
  std::size_t survey_index = 0;
  encoded_row row;
  std::string_view region;
  std::vector<std::string_view> comments;  // views into the parser's buffers: valid until the next decode
  std::uint64_t id_hash = 0;
};

// A 64-bit hash of a response id (duplicate detection keeps hashes, never ids).
[[nodiscard]] std::uint64_t hash_id(std::string_view id) noexcept;

class line_decoder {
 public:
  virtual ~line_decoder() = default;
  // True when the line is a valid response (and `out` holds it); false means "ask the core validator".
  // `capacity`: readable bytes from line.data() on (at least line.size() + line_padding).
  [[nodiscard]] virtual bool decode(std::string_view line, std::size_t capacity, decoded_line& out) = 0;
  // Which simdjson kernel decodes ("haswell" or "fallback").
  [[nodiscard]] virtual const char* kernel() const noexcept = 0;
};

// The decoder for this CPU: On Demand is compiled into the caller, so the source is built once for AVX2
// machines and once for any x86-64 (or other) machine, and the best one is picked at run time.
[[nodiscard]] std::unique_ptr<line_decoder> make_line_decoder(const survey_set& surveys,
                                                              const std::vector<survey_layout>& layouts);

}  // namespace otklik::analysis::detail
