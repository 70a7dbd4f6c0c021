// line_rules.hpp — what both ingest fast paths (the canonical-form scanner and the On Demand decoder) check of
// a line, written once so that they cannot drift from each other: per-survey lookups, answer codes, and the
// survey-level rules applied when a line ends. Every rule mirrors core/src/detail/response_decoder.hpp.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

#include "detail/response_decoder.hpp"
#include "line_decoder.hpp"

namespace otklik::analysis::detail {

// What the fast paths need of one survey, precomputed: question lookup, ranges, and where each applies.
struct survey_rules {
  const survey* s = nullptr;
  std::size_t index = 0;
  const survey_layout* layout = nullptr;
  std::vector<std::string_view> question_ids;
  std::vector<std::string_view> stage_ids;
  std::vector<std::string_view> locales;
  std::vector<std::uint8_t> applies;  // [(stage * 5 + channel) * questions + question]
  std::vector<std::size_t> required;  // question indices
};

// The rules of every survey, by survey index.
[[nodiscard]] std::vector<survey_rules> make_survey_rules(const survey_set& surveys,
                                                          const std::vector<survey_layout>& layouts);

// Equality of two short strings (ids, codes) inline: a call to memcmp per comparison costs more than the
// comparison itself, and a line makes a dozen of them.
[[nodiscard]] inline bool same_text(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// The index of `word` in `words`, or -1.
[[nodiscard]] inline int index_of(std::span<const std::string_view> words, std::string_view word) noexcept {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (same_text(words[i], word)) return static_cast<int>(i);
  }
  return -1;
}

// The rules of survey `id`, or null.
[[nodiscard]] const survey_rules* find_survey(std::span<const survey_rules> rules, std::string_view id) noexcept;

// The response id rule of the core (16..64 of [A-Za-z0-9_-]).
[[nodiscard]] bool valid_response_id(std::string_view id) noexcept;

// Whether the raw key at `raw` (just after its opening quote) is exactly `name` followed by its closing quote.
// A key with escapes never matches (ids have no backslash), so it falls to the validator, which unescapes it.
[[nodiscard]] inline bool key_is(const char* raw, const char* line_end, std::string_view name) noexcept {
  return static_cast<std::size_t>(line_end - raw) > name.size() && raw[name.size()] == '"' &&
         same_text(std::string_view(raw, name.size()), name);
}

// The answers of one line as they are read: which questions were answered, checked one by one.
class answer_checker {
 public:
  // `stage_index` and `channel_value` must be valid for `rules`.
  answer_checker(const survey_rules& rules, int stage_index, int channel_value) noexcept;
  // The question whose raw key starts at `raw`, if it applies here and was not answered yet; else -1.
  [[nodiscard]] int question(const char* raw, const char* line_end) noexcept;
  // Whether question q takes an integer (else a string).
  [[nodiscard]] bool wants_integer(int q) const noexcept;
  // An integer answer: in range, coded into the row.
  [[nodiscard]] bool integer(int q, std::int64_t number, encoded_row& row) const noexcept;
  // A string answer (unescaped, valid UTF-8): goal word, known choice or a non-empty short comment.
  [[nodiscard]] bool string(int q, std::string_view text, decoded_line& out) const;
  // The rules checked when the answers end: at least one answer, every required one that applies.
  [[nodiscard]] bool complete() const noexcept;

 private:
  const survey_rules* rules_;
  const std::uint8_t* applies_;
  std::uint64_t answered_[(otklik::detail::max_survey_questions + 63) / 64] = {};
  bool answered_any_ = false;
};

// The survey-level rules once every field is read (service, locale, time), filling the row's dimensions.
[[nodiscard]] bool finish_line(const survey_rules& rules, int stage_index, int channel_value, std::string_view service,
                               std::string_view locale, std::string_view submitted_at, decoded_line& out) noexcept;

}  // namespace otklik::analysis::detail
