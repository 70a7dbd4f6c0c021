// naive_count.hpp — the benchmark's baseline: the viewer's counting done the obvious way, row by row, each row's
// filter checked on its id strings and its group found in a hash map keyed by "service|stage|period" strings.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>

#include "otklik/metrics.hpp"
#include "otklik/period.hpp"
#include "otklik/store.hpp"

namespace otklik::bench {

// A filter as sets of id strings (what a naive implementation would compare against).
struct naive_filter {
  std::set<std::string> services, stages, channels, regions, locales;
  std::uint32_t first_hour = 0, end_hour = UINT32_MAX;
};

struct naive_result {
  std::unordered_map<std::string, group_counts> groups;   // "service|stage|period label"
  std::uint64_t responses = 0;
};

// Counts what passes `f` by service, stage and period, the same counts the core's aggregate() makes.
[[nodiscard]] naive_result naive_count(const columnar_store& store, const naive_filter& f, period_unit unit);

}  // namespace otklik::bench
