// otklik/report.hpp — the report model (groups, journeys, trends, alerts, drivers, comments, terms) and its
// otklik.report/1 JSON and CSV forms, byte-identical natively and in WebAssembly.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "otklik/aggregate.hpp"
#include "otklik/drivers.hpp"
#include "otklik/journey.hpp"
#include "otklik/trends.hpp"

namespace otklik {

// What a report shows; k hides every group (and every metric) with fewer answers.
struct report_options {
  std::uint32_t k = default_k_anonymity;
  grouping by;                          // groups, comments and terms; trends use it without `period`
  double alpha = 0.05;                  // false discovery rate of the alerts
  std::size_t comments_per_group = 5;   // lowest-rated comments shown per group
  std::size_t terms_per_group = 10;
};

// What the host read, when it knows (lines, invalid lines, repeated response ids dropped).
struct input_summary {
  bool known = false;
  std::uint64_t lines = 0, invalid = 0, duplicates = 0;
};

// A stemmed term and how many comments of the group contain it; `example` is its most frequent surface form.
struct term_count {
  std::string term;
  std::string example;
  std::uint64_t comments = 0;
};

struct group_terms {
  std::array<std::uint32_t, dimension_count> key{};
  std::uint64_t comments = 0;
  std::vector<term_count> terms;
};

// A comment with the overall rating of its response (0: none given).
struct comment_item {
  std::uint8_t csat = 0;
  std::string text;
};

// The lowest-rated comments of a group, worst first, and how many the group has.
struct group_comments {
  std::array<std::uint32_t, dimension_count> key{};
  std::uint64_t total = 0;
  std::vector<comment_item> items;
};

struct report {
  report_options options;
  input_summary input;
  aggregation groups;
  std::vector<service_journey> journeys;
  trend_report trends;
  std::vector<alert> alerts;
  std::vector<driver_table> drivers;
  std::vector<group_comments> comments;
  std::vector<group_terms> terms;   // filled by hosts that can stem words (native); empty otherwise
};

// Everything but terms, for the rows passing the filter.
[[nodiscard]] report build_report(const columnar_store& store, const filter& f, const report_options& options);

// Whether the report shows the group with this key (it exists and has at least k responses).
[[nodiscard]] bool group_shown(const report& r, const std::array<std::uint32_t, dimension_count>& key);

// Calls `visit(key, csat, text)` for each stored comment passing the filter, keyed by `g` (for term counting);
// only the comments of part `part` of `parts` equal shares, so that hosts with threads can split the work.
void for_each_comment(const columnar_store& store, const filter& f, const grouping& g,
                      const std::function<void(const std::array<std::uint32_t, dimension_count>&, std::uint8_t,
                                               std::string_view)>& visit,
                      std::size_t part = 0, std::size_t parts = 1);

// The otklik.report/1 document (formats.md), one line, fixed field order.
[[nodiscard]] std::string to_json(const columnar_store& store, const report& r);

// One CSV row per group (RFC 4180, header first); hidden values are empty and n reads "<k".
[[nodiscard]] std::string to_csv(const columnar_store& store, const report& r);

// A number as the reports write it: at most 6 decimals, no exponent, no locale; "" for NaN or infinity.
[[nodiscard]] std::string format_number(double value, int decimals = 6);

}  // namespace otklik
