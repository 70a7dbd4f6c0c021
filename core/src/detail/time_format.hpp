// RFC 3339 timestamps in UTC: the only time format the response carries.
#pragma once

#include <string>
#include <string_view>

namespace otklik::detail {

// Whether `text` is an RFC 3339 date-time in UTC ("Z", "z" or "+00:00"), with a real calendar date.
[[nodiscard]] bool is_rfc3339_utc(std::string_view text) noexcept;

// "YYYY-MM-DDTHH:00:00Z" for a valid RFC 3339 UTC timestamp (the hour is all the store keeps).
[[nodiscard]] std::string truncated_to_hour(std::string_view valid_timestamp);

}  // namespace otklik::detail
