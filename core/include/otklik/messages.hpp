// otklik/messages.hpp — human sentences for issues, in Russian and English.
#pragma once

#include <string>
#include <string_view>

#include "otklik/result.hpp"

namespace otklik {

// The sentence for an issue in `locale` ("ru" or "en"; anything else falls back to English).
[[nodiscard]] std::string message(const issue& problem, std::string_view locale);

}  // namespace otklik
