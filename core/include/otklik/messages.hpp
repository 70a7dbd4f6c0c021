// otklik/messages.hpp — human sentences for issues, in Russian and English.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "otklik/json_writer.hpp"
#include "otklik/result.hpp"

namespace otklik {

// The sentence for an issue in `locale` ("ru" or "en"; anything else falls back to English).
[[nodiscard]] std::string message(const issue& problem, std::string_view locale);

// Writes issues as the formats' error list [{"path","code","message"}]: one writer for every host.
void write_issues(json_writer& out, const std::vector<issue>& issues, std::string_view locale);

}  // namespace otklik
