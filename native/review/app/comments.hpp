// comments.hpp — finding comments to read: the filter's rows, only groups with at least k responses, then rating,
// search text and term; and the most frequent terms of those comments. Texts are the store's, already redacted.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/dataset.hpp"
#include "otklik/aggregate.hpp"
#include "otklik/report.hpp"

namespace otklik::review {

using group_key = std::array<std::uint32_t, dimension_count>;

// Which comments may be read at all: the reviewer's filter (narrowed to the chosen stage), and the counts by
// (service, stage) under it, since comments of groups below k stay hidden.
struct comment_scope {
  dataset_ptr data;
  filter rows;
  aggregation shown_groups;
  std::uint32_t k = 10;
};

struct comment_query {
  comment_scope scope;
  std::string search{};               // words to find, any case
  std::array<bool, 6> ratings{true, true, true, true, true, true};  // overall rating 1..5, [0] for none given
  std::string term{};                 // a stem: only comments with a word of this stem ("" for any)
  std::size_t limit = 5000;           // items kept (the count covers all)
};

// One comment: where it was given, its response's overall rating (0: none) and its redacted text.
struct comment_item_ref {
  std::uint32_t service = 0, stage = 0;
  std::uint8_t csat = 0;
  std::string_view text;   // into data->store
};

struct comment_results {
  dataset_ptr data;                       // keeps the texts alive
  std::vector<comment_item_ref> items;    // lowest rating first, at most query.limit
  std::uint64_t matching = 0;             // all comments that match
  bool some_hidden = false;               // comments of groups below k exist (never shown, never counted)
  bool stopped = false;                   // a newer query replaced this one before it finished
};

// The comments the query asks for.
[[nodiscard]] comment_results find_comments(const comment_query& query, const std::atomic<bool>& superseded);

// The terms of the shown groups' comments, all groups together, most frequent first.
struct term_query {
  comment_scope scope;
  std::size_t count = 16;
};
struct term_results {
  std::vector<term_count> terms;
};
[[nodiscard]] term_results find_terms(const term_query& query);

}  // namespace otklik::review
