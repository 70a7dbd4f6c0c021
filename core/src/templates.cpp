// Lookup of templates by id among those this build links (template_sets.cpp or template_names.cpp).
#include "otklik/templates.hpp"

#include "detail/template_table.hpp"

namespace otklik {

std::span<const survey_template> builtin_templates() noexcept { return detail::template_table(); }

const survey_template* find_template(std::string_view id) noexcept {
  for (const auto& t : builtin_templates()) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

}  // namespace otklik
