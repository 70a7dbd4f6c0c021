// Where a response decoder finds the survey that a response names.
#pragma once

#include <string_view>

#include "otklik/validate.hpp"

namespace otklik::detail {

// Either a whole set (collector, reviewer) or exactly one survey (the widget).
struct survey_lookup {
  const survey_set* set = nullptr;
  const survey* only = nullptr;
  [[nodiscard]] const survey* find(std::string_view id) const noexcept {
    if (only) return only->id == id ? only : nullptr;
    return set ? set->find(id) : nullptr;
  }
};

}  // namespace otklik::detail
