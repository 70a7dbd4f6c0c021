// ISO 3166-2 subdivision codes ("RU-MOW"): the country part must be an assigned ISO 3166-1 alpha-2 code.
#pragma once

#include <string_view>

namespace otklik::detail {

// Whether `code` is CC-XXX with CC an assigned alpha-2 country code and 1..3 upper-case letters or digits.
[[nodiscard]] bool is_iso3166_2(std::string_view code) noexcept;

}  // namespace otklik::detail
