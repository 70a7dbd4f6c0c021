// otklik/templates.hpp — the built-in criteria sets (ru-1284, a11, basic) that a survey can start from.
#pragma once

#include <span>
#include <string_view>

#include "otklik/survey.hpp"

namespace otklik {

// One question of a template as data: a table costs far less WebAssembly than code building each question.
struct template_question {
  std::string_view id;      // also the criterion for kind == criterion
  question_kind kind{};
  bool required = false;
  bool on_site = false;     // asked only on the office and kiosk channels
  std::string_view ru;
  std::string_view en;
};

// A ready question set with Russian and English labels.
struct survey_template {
  std::string_view id;                      // "ru-1284", "a11", "basic"
  std::string_view description;             // one English line, for `otklik templates`
  std::span<const template_question> items;
  // Builds the questions (labels in ru and en).
  [[nodiscard]] std::vector<question> questions() const;
};

// Every built-in template, in a stable order.
[[nodiscard]] std::span<const survey_template> builtin_templates() noexcept;

// The template with this id, or nullptr.
[[nodiscard]] const survey_template* find_template(std::string_view id) noexcept;

}  // namespace otklik
