// filter_state.hpp — the reviewer's choices of service, stage, channel, region, locale and months, turned into
// the core's filter; also parsed from `--filter dimension=value,...` for scripted runs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otklik/aggregate.hpp"

namespace otklik::review {

struct filter_state {
  // Allowed codes per dimension (empty: all); indexed like otklik::dimension up to locale.
  std::vector<std::uint32_t> services, stages, channels, regions, locales;
  // Inclusive month range (period_of(hour, month) values); nothing: open.
  std::optional<std::uint32_t> first_month, last_month;

  // The core filter these choices mean.
  [[nodiscard]] filter to_filter() const;
  // The code list of a dimension other than period.
  [[nodiscard]] std::vector<std::uint32_t>& codes(dimension d);
  [[nodiscard]] const std::vector<std::uint32_t>& codes(dimension d) const;
  // Whether nothing is filtered.
  [[nodiscard]] bool empty() const noexcept;
  friend bool operator==(const filter_state&, const filter_state&) = default;
};

// Applies one "dimension=value[,value...]" (service, stage, channel, region, locale by id; from/to as YYYY-MM);
// an error sentence when the dimension or a value is unknown, "" on success.
[[nodiscard]] std::string apply_filter_argument(filter_state& state, const columnar_store& store,
                                                std::string_view argument);

// "YYYY-MM" as a month period, or nothing.
[[nodiscard]] std::optional<std::uint32_t> parse_month(std::string_view text) noexcept;

}  // namespace otklik::review
