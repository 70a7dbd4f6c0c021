// The cube: the core's aggregate() by all six dimensions once; filter changes merge its groups with the core's
// group_counts::merge(). Cells are counted first with a bitmap per segment, so an oversized cube is never built.
#include "app/count_cube.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <unordered_set>
#include <vector>

#include "app/models.hpp"
#include "otklik/period.hpp"

namespace otklik::review {

namespace {

const grouping cube_grouping{{dimension::service, dimension::stage, dimension::channel, dimension::region,
                              dimension::locale, dimension::period},
                             period_unit::month};

// Allowed codes of one dimension as a lookup table (empty filter list: all allowed).
std::vector<bool> allowed_table(const std::vector<std::uint32_t>& codes, std::uint32_t largest) {
  std::vector<bool> table(largest + 1, codes.empty());
  for (const std::uint32_t code : codes) {
    if (code <= largest) table[code] = true;
  }
  return table;
}

}  // namespace

std::size_t bytes_per_cell(const columnar_store& store) noexcept {
  return sizeof(group) + store.criteria.size() * (sizeof(rating_counts) + sizeof(joint_counts)) + 64;
}

std::size_t cube_cells(const columnar_store& store) {
  // A service's rows may lie in several segments (one per survey and ingest part): cells are counted per service.
  std::map<std::uint16_t, std::vector<const store_segment*>> by_service;
  for (const store_segment& s : store.segments) {
    if (s.size() > 0) by_service[s.service].push_back(&s);
  }
  std::size_t cells = 0;
  const std::uint64_t stages = store.stages.size(), regions = store.regions.size(), locales = store.locales.size();
  for (const auto& [service, segments] : by_service) {
    std::uint32_t low = std::numeric_limits<std::uint32_t>::max(), high = 0;
    for (const store_segment* s : segments) {
      const auto [a, b] = std::minmax_element(s->hour.begin(), s->hour.end());
      low = std::min(low, *a);
      high = std::max(high, *b);
    }
    const std::uint64_t first = period_of(low, period_unit::month);
    const std::uint64_t months = period_of(high, period_unit::month) - first + 1;
    const std::uint64_t space = stages * 5 * regions * locales * months;
    const auto key = [&](const store_segment& s, std::size_t row) {
      return (((s.stage[row] * 5ull + s.channel[row]) * regions + s.region[row]) * locales + s.locale[row]) * months +
             (period_of(s.hour[row], period_unit::month) - first);
    };
    if (space <= (std::uint64_t{1} << 27)) {
      // A bit per possible cell: at most 16 MB, one pass.
      std::vector<bool> seen(space, false);
      for (const store_segment* s : segments) {
        for (std::size_t row = 0; row < s->size(); ++row) {
          const std::uint64_t k = key(*s, row);
          if (!seen[k]) {
            seen[k] = true;
            ++cells;
          }
        }
      }
    } else {
      std::unordered_set<std::uint64_t> seen;
      for (const store_segment* s : segments) {
        for (std::size_t row = 0; row < s->size(); ++row) seen.insert(key(*s, row));
      }
      cells += seen.size();
    }
  }
  return cells;
}

std::optional<count_cube> build_cube(const columnar_store& store, std::size_t max_bytes, unsigned threads) {
  if (store.size() == 0 || cube_cells(store) * bytes_per_cell(store) > max_bytes) return std::nullopt;
  count_cube cube;
  cube.cells = count_in_parallel(store, filter{}, cube_grouping, threads);
  if (cube.cells.key_space_overflow) return std::nullopt;
  return cube;
}

bool cube_answers(const filter& rows, period_unit unit) noexcept {
  if (unit != period_unit::month) return false;
  const auto on_month_boundary = [](std::uint32_t hour) {
    const std::uint32_t month = period_of(hour, period_unit::month);
    return period_start_hour(month, period_unit::month) == hour;
  };
  const bool first_ok = rows.first_hour == 0 || on_month_boundary(rows.first_hour);
  const bool end_ok = rows.end_hour == std::numeric_limits<std::uint32_t>::max() || on_month_boundary(rows.end_hour);
  return first_ok && end_ok;
}

aggregation count_from_cube(const count_cube& cube, const filter& rows) {
  // Key positions follow cube_grouping.
  std::uint32_t largest[5] = {0, 0, 0, 0, 0};
  for (const group& g : cube.cells.groups) {
    for (std::size_t d = 0; d < 5; ++d) largest[d] = std::max(largest[d], g.key[d]);
  }
  const std::vector<bool> services = allowed_table(rows.services, largest[0]);
  const std::vector<bool> stages = allowed_table(rows.stages, largest[1]);
  const std::vector<bool> channels = allowed_table(rows.channels, largest[2]);
  const std::vector<bool> regions = allowed_table(rows.regions, largest[3]);
  const std::vector<bool> locales = allowed_table(rows.locales, largest[4]);
  std::map<std::array<std::uint32_t, dimension_count>, group_counts> merged;
  aggregation out;
  out.by = grouping{{dimension::service, dimension::stage, dimension::period}, period_unit::month};
  for (const group& g : cube.cells.groups) {
    const std::uint32_t month = g.key[5];
    if (!services[g.key[0]] || !stages[g.key[1]] || !channels[g.key[2]] || !regions[g.key[3]] || !locales[g.key[4]] ||
        period_start_hour(month, period_unit::month) < rows.first_hour ||
        period_start_hour(month + 1, period_unit::month) > rows.end_hour) {
      continue;
    }
    out.responses += g.counts.responses;
    const std::array<std::uint32_t, dimension_count> key{g.key[0], g.key[1], month, 0, 0, 0};
    auto [it, added] = merged.try_emplace(key, g.counts);
    if (!added) it->second.merge(g.counts);
  }
  for (auto& [key, counts] : merged) out.groups.push_back({key, std::move(counts)});
  return out;
}

}  // namespace otklik::review
