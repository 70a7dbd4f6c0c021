// otklik/survey.hpp — the survey model (otklik.survey/1): services, stages, questions, criteria.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "otklik/result.hpp"

namespace otklik {

// Text per locale, in the order the survey gave them; a survey must cover each of its locales.
struct localized_text {
  std::vector<std::pair<std::string, std::string>> by_locale;
  // The text for `locale`, or nullptr where none is given.
  [[nodiscard]] const std::string* find(std::string_view locale) const noexcept;
  friend bool operator==(const localized_text&, const localized_text&) = default;
};

// What a question asks for; each kind fixes the answer's type and range (formats.md).
enum class question_kind : std::uint8_t { csat, criterion, ces, nps, goal, choice, text };

// The wire word of a kind ("csat") and back.
[[nodiscard]] std::string_view to_string(question_kind kind) noexcept;
[[nodiscard]] std::optional<question_kind> parse_question_kind(std::string_view word) noexcept;

// Where a citizen gives feedback; fixed by formats.md.
enum class channel : std::uint8_t { web, mobile, office, phone, kiosk };
[[nodiscard]] std::string_view to_string(channel where) noexcept;
[[nodiscard]] std::optional<channel> parse_channel(std::string_view word) noexcept;

// One option of a `choice` question.
struct choice_option {
  std::string id;
  localized_text label;
  friend bool operator==(const choice_option&, const choice_option&) = default;
};

// Default comment limit in Unicode characters (formats.md).
inline constexpr std::uint32_t default_text_max_length = 2000;

struct question {
  std::string id;
  question_kind kind{};
  bool required = false;
  std::string criterion;             // for kind == criterion: time, queue, staff, ... or a custom id
  std::vector<std::string> stages;   // empty: asked at every stage
  std::vector<channel> channels;     // empty: asked on every channel
  localized_text label;
  std::vector<choice_option> options;                   // for kind == choice
  std::uint32_t max_length = default_text_max_length;   // for kind == text
  // Whether the question is asked at `stage` on `where`; answers elsewhere are rejected.
  [[nodiscard]] bool applies_to(std::string_view stage, channel where) const noexcept;
  // The answer's inclusive integer range for rating kinds (csat 1..5, criterion 1..5, ces 1..7, nps 0..10).
  [[nodiscard]] std::pair<int, int> scale() const noexcept;
  friend bool operator==(const question&, const question&) = default;
};

struct stage {
  std::string id;
  localized_text title;
  friend bool operator==(const stage&, const stage&) = default;
};

struct service_ref {
  std::string id;
  localized_text title;
  friend bool operator==(const service_ref&, const service_ref&) = default;
};

// Default k for k-anonymity: smaller groups never show values.
inline constexpr std::uint32_t default_k_anonymity = 10;

struct survey {
  std::string id;
  service_ref service;
  std::string template_id;            // "" when the survey names no template
  std::vector<std::string> locales;
  std::uint32_t k_anonymity = default_k_anonymity;
  std::vector<stage> stages;          // in journey order
  std::vector<question> questions;
  // The question with this id, or nullptr.
  [[nodiscard]] const question* find_question(std::string_view id) const noexcept;
  // The index of the stage in journey order, or -1.
  [[nodiscard]] int stage_index(std::string_view id) const noexcept;
  friend bool operator==(const survey&, const survey&) = default;
};

// Reads and checks an otklik.survey/1 document; a template fills `questions` when the survey omits them.
[[nodiscard]] result<survey> parse_survey(std::string_view json);

// Writes the survey as canonical otklik.survey/1 JSON (what the collector serves to the widget).
[[nodiscard]] std::string to_json(const survey& s);

// Whether `id` matches [a-z0-9][a-z0-9_-]{0,63}, the rule for every identifier in the formats.
[[nodiscard]] bool is_valid_identifier(std::string_view id) noexcept;

}  // namespace otklik
