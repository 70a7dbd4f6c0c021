// otklik/templates.hpp — the built-in criteria sets (ru-1284, a11, basic) that a survey can start from.
#pragma once

#include <span>
#include <string_view>

#include "otklik/survey.hpp"

namespace otklik {

// A ready question set with Russian and English labels.
struct survey_template {
  std::string_view id;                      // "ru-1284", "a11", "basic"
  std::string_view description;             // one English line, for `otklik templates`
  std::vector<question> (*questions)();     // builds the questions (labels in ru and en)
};

// Every built-in template, in a stable order.
[[nodiscard]] std::span<const survey_template> builtin_templates() noexcept;

// The template with this id, or nullptr.
[[nodiscard]] const survey_template* find_template(std::string_view id) noexcept;

}  // namespace otklik
