// canonical_line.hpp — the first ingest fast path: a line in the canonical form that the collector, the
// exporters and `otklik export` write (fields in the order of formats.md, no whitespace, no escapes, small
// integers) is read in one pass, without a general JSON parser.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "line_rules.hpp"
#include "otklik/survey.hpp"

namespace otklik::analysis::detail {

class canonical_decoder {
 public:
  // `rules` must outlive the decoder.
  explicit canonical_decoder(std::span<const survey_rules> rules) noexcept;
  // True when `line` is a valid response in the canonical form (and `out` holds it; `out` must come in
  // cleared). False says nothing about validity: the line then goes to On Demand and the core validator.
  // `capacity`: readable bytes from line.data() on (may exceed line.size(); never read past it).
  [[nodiscard]] bool decode(std::string_view line, std::size_t capacity, decoded_line& out);
  // The same for the line that starts at `at` and ends at the next newline or at `part_end`, without looking
  // for the newline first: the bytes the line takes with its newline, or 0 (then split the line and ask
  // On Demand and the validator).
  [[nodiscard]] std::size_t decode_line(const char* at, const char* part_end, std::size_t capacity, decoded_line& out);

 private:
  // What the fields from survey to locale say, cached by their bytes: a few hundred combinations repeat.
  struct header_entry {
    std::string bytes;  // from `,"survey":` to the end of the locale value
    const survey_rules* survey = nullptr;
    int stage_index = 0, channel_value = 0, locale_index = 0;
  };
  // The entry for these header bytes and values, checking them in full when they are not cached; null if
  // they break a rule.
  [[nodiscard]] const header_entry* find_header(std::string_view bytes, std::string_view survey_id,
                                                std::string_view service, std::string_view stage,
                                                std::string_view channel_word, std::string_view locale);
  // Reads a line up to its closing brace (at `stop`); `end` may lie beyond the line's end.
  [[nodiscard]] bool scan(const char* at, const char* end, std::size_t capacity, const char*& stop, decoded_line& out);
  [[nodiscard]] std::optional<std::uint32_t> hour_of(std::string_view submitted_at) noexcept;
  [[nodiscard]] bool valid_region(std::string_view code) noexcept;

  // Days and regions repeat from line to line: the core's checks run once per distinct value.
  struct day_entry {
    std::uint64_t date = 0;  // "YYYY-MM-DD" packed (0: empty)
    std::int64_t day = -1;   // days since 1970, -1 if the date is invalid
  };
  std::span<const survey_rules> rules_;
  std::array<std::string_view, 5> channel_words_;  // by channel value
  std::array<day_entry, 1024> days_{};
  std::array<std::uint64_t, 512> regions_{};
  std::array<header_entry, 512> headers_{};  // valid codes packed with their length (0: empty)
};

}  // namespace otklik::analysis::detail
