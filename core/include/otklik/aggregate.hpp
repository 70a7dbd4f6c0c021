// otklik/aggregate.hpp — filters and groupings over the columnar store, and the aggregation that counts answers
// per group in one tight pass (the viewer re-runs it on every filter change).
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otklik/metrics.hpp"
#include "otklik/period.hpp"
#include "otklik/store.hpp"

namespace otklik {

// What responses can be grouped and filtered by.
enum class dimension : std::uint8_t { service, stage, channel, region, locale, period };
inline constexpr std::size_t dimension_count = 6;

// "service", "stage", "channel", "region", "locale", "period" and back.
[[nodiscard]] std::string_view to_string(dimension d) noexcept;
[[nodiscard]] std::optional<dimension> parse_dimension(std::string_view word) noexcept;

// The dimensions of a group key, in order (a repeated one counts once), and the period length when `period` is one.
struct grouping {
  std::vector<dimension> by{dimension::service, dimension::stage};
  period_unit period = period_unit::month;
};

// Which responses count: allowed codes per dimension (empty: all) and a half-open hour range.
struct filter {
  std::vector<std::uint32_t> services, stages, channels, regions, locales;
  std::uint32_t first_hour = 0;
  std::uint32_t end_hour = std::numeric_limits<std::uint32_t>::max();
};

// One group: key[i] is the code of grouping.by[i] (dictionary code; channel value; period index).
struct group {
  std::array<std::uint32_t, dimension_count> key{};
  group_counts counts;
};

// The non-empty groups in key order, and how many responses passed the filter.
struct aggregation {
  grouping by;
  std::vector<group> groups;
  std::uint64_t responses = 0;
  bool key_space_overflow = false;  // the grouped dictionaries are too large to combine (no groups then)
};

// Counts every response of the store that passes the filter into its group.
[[nodiscard]] aggregation aggregate(const columnar_store& store, const filter& f, const grouping& g);

// The same over part `part` of `parts` equal row shares, so that hosts with threads can split the work and merge().
[[nodiscard]] aggregation aggregate_part(const columnar_store& store, const filter& f, const grouping& g,
                                         std::size_t part, std::size_t parts);

// Adds the groups of `other` (same grouping) into `into`, keeping key order.
void merge(aggregation& into, const aggregation& other);

// The display word of a key code: the id, channel word, region code (or "" for none), or period label.
[[nodiscard]] std::string key_label(const columnar_store& store, dimension d, std::uint32_t code, period_unit unit);

}  // namespace otklik
