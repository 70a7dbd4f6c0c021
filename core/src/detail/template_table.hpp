// The templates a build links: template_sets.cpp (every host) or template_names.cpp (the widget's
// WebAssembly core, which receives surveys with their questions already listed by the collector).
#pragma once

#include <span>

#include "otklik/templates.hpp"

namespace otklik::detail {

// Every template of this build, in a stable order.
[[nodiscard]] std::span<const survey_template> template_table() noexcept;

}  // namespace otklik::detail
