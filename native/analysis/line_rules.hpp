// line_rules.hpp — what both ingest fast paths (the canonical-form scanner and the On Demand decoder) check of
// a line, written once so that they cannot drift from each other: per-survey lookups, answer codes, and the
// survey-level rules applied when a line ends. Every rule mirrors core/src/detail/response_decoder.hpp. The
// per-answer checks are inline: they run several times per line.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "detail/response_decoder.hpp"
#include "line_decoder.hpp"

namespace otklik::analysis::detail {

// What the fast paths need of one question, flattened out of the survey.
struct question_rule {
  // The raw key with its closing quote as two masked 8-byte words, when it fits in 16 bytes.
  std::uint64_t key_words[2] = {0, 0}, key_masks[2] = {0, 0};
  bool short_key = false;
  bool integer = false;  // a rating (else a string answer)
  bool nps = false;      // stored as value + 1
  std::int16_t low = 0, high = 0;
  question_slot slot;
};

// What the fast paths need of one survey, precomputed: question lookup, ranges, and where each applies.
struct survey_rules {
  const survey* s = nullptr;
  std::size_t index = 0;
  const survey_layout* layout = nullptr;
  std::vector<std::string_view> question_ids;
  std::vector<question_rule> questions;
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
[[nodiscard]] inline const survey_rules* find_survey(std::span<const survey_rules> rules, std::string_view id) noexcept {
  for (const survey_rules& r : rules) {
    if (same_text(r.s->id, id)) return &r;
  }
  return nullptr;
}

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
  answer_checker(const survey_rules& rules, int stage_index, int channel_value) noexcept
      : rules_(&rules),
        applies_(rules.applies.data() +
                 (static_cast<std::size_t>(stage_index) * 5 + static_cast<std::size_t>(channel_value)) *
                     rules.question_ids.size()) {}

  // The question whose raw key starts at `raw`, if it applies here and was not answered yet; else -1.
  // Bytes up to `readable_end` may be read (line padding), but the key must end before `line_end`.
  [[nodiscard]] int question(const char* raw, const char* line_end, const char* readable_end) noexcept {
    // Canonical lines list answers in question order: look from the question after the previous one first.
    const std::size_t q_count = rules_->question_ids.size();
    const bool words = readable_end - raw >= 16;
    std::uint64_t first = 0, second = 0;
    if (words) {
      std::memcpy(&first, raw, 8);
      std::memcpy(&second, raw + 8, 8);
    }
    std::size_t q = next_, tried = 0;
    for (; tried < q_count; ++tried, q = q + 1 == q_count ? 0 : q + 1) {
      const question_rule& rule = rules_->questions[q];
      if (words && rule.short_key) {
        if ((((first ^ rule.key_words[0]) & rule.key_masks[0]) | ((second ^ rule.key_words[1]) & rule.key_masks[1])) == 0 &&
            static_cast<std::size_t>(line_end - raw) > rules_->question_ids[q].size()) {
          break;
        }
      } else if (key_is(raw, line_end, rules_->question_ids[q])) {
        break;
      }
    }
    if (tried == q_count || !applies_[q]) return -1;
    next_ = q + 1 == q_count ? 0 : q + 1;
    std::uint64_t& word = answered_[q / 64];
    const std::uint64_t bit = std::uint64_t{1} << (q % 64);
    if (word & bit) return -1;  // repeated
    word |= bit;
    answered_any_ = true;
    return static_cast<int>(q);
  }

  // Whether question q takes an integer (else a string).
  [[nodiscard]] bool wants_integer(int q) const noexcept { return rules_->questions[static_cast<std::size_t>(q)].integer; }

  // An integer answer: in range, coded into the row.
  [[nodiscard]] bool integer(int q, std::int64_t number, encoded_row& row) const noexcept {
    const question_rule& rule = rules_->questions[static_cast<std::size_t>(q)];
    if (!rule.integer || number < rule.low || number > rule.high) return false;
    const auto code = static_cast<std::uint8_t>(rule.nps ? number + 1 : number);
    switch (rule.slot.kind) {
      case slot_kind::csat: row.csat = code; break;
      case slot_kind::ces: row.ces = code; break;
      case slot_kind::nps: row.nps = code; break;
      case slot_kind::criterion: row.criteria[rule.slot.column] = code; break;
      default: break;
    }
    return true;
  }

  // A string answer (unescaped, valid UTF-8): goal word, known choice or a non-empty short comment.
  [[nodiscard]] bool string(int q, std::string_view text, decoded_line& out) const;

  // The rules checked when the answers end: at least one answer, every required one that applies.
  [[nodiscard]] bool complete() const noexcept {
    if (!answered_any_) return false;
    for (const std::size_t q : rules_->required) {
      if (applies_[q] && !(answered_[q / 64] & (std::uint64_t{1} << (q % 64)))) return false;
    }
    return true;
  }

 private:
  const survey_rules* rules_;
  const std::uint8_t* applies_;
  std::uint64_t answered_[(otklik::detail::max_survey_questions + 63) / 64] = {};
  bool answered_any_ = false;
  std::size_t next_ = 0;
};

// The hour since 1970 of an RFC 3339 UTC time, if it is one and not before 1970 (the core's two rules).
[[nodiscard]] std::optional<std::uint32_t> checked_hour(std::string_view submitted_at) noexcept;

// The index of the line's locale among the survey's, if the service is the survey's and the locale one of its.
[[nodiscard]] inline int service_and_locale(const survey_rules& rules, std::string_view service,
                                            std::string_view locale) noexcept {
  return same_text(service, rules.s->service.id) ? index_of(rules.locales, locale) : -1;
}

// Fills the row's dimensions once every rule has held.
inline void finish_line(const survey_rules& rules, int stage_index, int channel_value, int locale_index,
                        std::uint32_t hour, decoded_line& out) noexcept {
  out.survey_index = rules.index;
  out.row.stage = rules.layout->stage_codes[static_cast<std::size_t>(stage_index)];
  out.row.channel = static_cast<std::uint8_t>(channel_value);
  out.row.locale = rules.layout->locale_codes[static_cast<std::size_t>(locale_index)];
  out.row.hour = hour;
}

}  // namespace otklik::analysis::detail
