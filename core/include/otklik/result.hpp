// otklik/result.hpp — the value-or-issues type that every fallible core call returns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace otklik {

// Stable machine-readable codes: their words (to_string) are part of the wire format, never renumber.
enum class error_code : std::uint16_t {
  invalid_json = 1,      // not RFC 8259 JSON
  invalid_utf8,          // bytes that are not UTF-8
  too_large,             // document larger than the configured limit
  too_deep,              // nesting deeper than the configured limit
  wrong_type,            // a value of the wrong JSON type
  unknown_field,         // a field the format does not define (typos never drop data silently)
  missing_field,         // a field the format requires
  duplicate_field,       // the same key twice in one object
  unsupported_format,    // `format` tag absent or of another format/version
  invalid_id,            // not [a-z0-9][a-z0-9_-]{0,63} (or the response id rule)
  duplicate_id,          // an id used twice where ids must be unique
  out_of_range,          // a number outside its allowed range
  not_an_integer,        // a number with a fraction or exponent where an integer is required
  invalid_value,         // a string outside its allowed set (goal, choice option, channel, kind...)
  too_long,              // text longer than its limit, in Unicode characters
  too_many,              // an array or object with more items than allowed
  empty,                 // an empty string, array or object where content is required
  invalid_time,          // not an RFC 3339 UTC timestamp
  invalid_region,        // not an ISO 3166-2 subdivision code
  unknown_survey,        // the response names a survey the host does not know
  survey_mismatch,       // the response's service does not match its survey
  unknown_stage,         // a stage the survey does not define
  unsupported_locale,    // a locale the survey does not offer
  unknown_question,      // an answer to a question the survey does not have
  not_applicable,        // an answer to a question not asked at this stage or channel
  required,              // a required question without an answer
  missing_label,         // a label or title without text for one of the survey's locales
  unknown_template,      // a survey template that does not exist
  invalid_survey,        // a survey-level rule (e.g. two csat questions)
};

// The stable word of a code, as sent on the wire ("out_of_range").
[[nodiscard]] std::string_view to_string(error_code code) noexcept;

// One problem found in a document: where (JSON Pointer), what (code), and a detail for the message.
struct issue {
  std::string path;    // RFC 6901 JSON Pointer into the submitted document ("" is the whole document)
  error_code code{};
  std::string detail;  // a parameter for the message, e.g. "1..5" or the allowed words; may be empty
  friend bool operator==(const issue&, const issue&) = default;
};

// A value, or the non-empty list of issues that prevented it (like simdjson_result, with many issues).
template <class T>
class [[nodiscard]] result {
 public:
  result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design, as with simdjson_result
  result(std::vector<issue> issues) : state_(std::move(issues)) {}  // NOLINT
  result(issue one) : state_(std::vector<issue>{std::move(one)}) {}  // NOLINT

  [[nodiscard]] bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }
  [[nodiscard]] T& value() & { return std::get<0>(state_); }
  [[nodiscard]] const T& value() const& { return std::get<0>(state_); }
  [[nodiscard]] T&& value() && { return std::get<0>(std::move(state_)); }
  // The issues; empty when ok().
  [[nodiscard]] const std::vector<issue>& issues() const noexcept {
    static const std::vector<issue> none;
    return ok() ? none : std::get<1>(state_);
  }
  // The first issue's code, for callers that only branch on the kind of failure.
  [[nodiscard]] error_code error() const noexcept { return ok() ? error_code{} : std::get<1>(state_).front().code; }

 private:
  std::variant<T, std::vector<issue>> state_;
};

}  // namespace otklik
