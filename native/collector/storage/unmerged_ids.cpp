// native/collector/storage/unmerged_ids.cpp — the waiting ids and the merge cycle (see the header).
#include "unmerged_ids.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

namespace otklik::collector::detail {

void unmerged_ids::add(std::string_view id, std::uint64_t h) {
  if (!cycle_ids_.empty() && cycle_ids_.contains(id, h)) return;
  const auto [stored, inserted] = ids_.insert(id, h);
  if (inserted) added_.push_back(stored);
}

std::vector<std::string_view> unmerged_ids::sorted(const set_type& ids) {
  std::vector<sort_entry> entries;
  entries.reserve(ids.size());
  ids.for_each([&entries](std::string_view id) {
    std::uint64_t prefix = 0;
    for (std::size_t i = 0; i < 8; ++i) {
      prefix = prefix << 8 | (i < id.size() ? static_cast<unsigned char>(id[i]) : 0U);
    }
    entries.push_back({prefix, id});
  });
  // Key order (SQLite's BINARY collation: bytes compared unsigned): consecutive ids of a slice land on the
  // same index pages.
  std::sort(entries.begin(), entries.end(), [](const sort_entry& a, const sort_entry& b) {
    return a.prefix != b.prefix ? a.prefix < b.prefix : a.id < b.id;
  });
  std::vector<std::string_view> in_order;
  in_order.reserve(entries.size());
  for (const sort_entry& e : entries) in_order.push_back(e.id);
  return in_order;
}

void unmerged_ids::start_cycle(long long target_seq) {
  if (releasing_.valid()) releasing_.wait();  // the last cycle's set, long freed by now
  cycle_ids_ = std::exchange(ids_, set_type{});
  ids_.reserve(cycle_ids_.reserved());
  // A small cycle is sorted at once (and deterministically, for the tests); a large one on its own thread,
  // so that commits go on meanwhile (65,536 ids take tens of milliseconds).
  cycle_.clear();
  if (cycle_ids_.size() < 8192) {
    cycle_ = sorted(cycle_ids_);
  } else {
    sorting_ = std::async(std::launch::async, &unmerged_ids::sorted, std::cref(cycle_ids_));
  }
  merged_upto_ = pending_upto_ = 0;
  merging_ = true;
  finishing_ = false;
  target_seq_ = target_seq;
}

std::span<const std::string_view> unmerged_ids::next_slice(std::size_t limit) {
  if (!merging_) return {};
  if (sorting_.valid()) {
    if (sorting_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return {};
    cycle_ = sorting_.get();
  }
  const std::size_t from = pending_upto_;
  pending_upto_ = std::min(cycle_.size(), from + limit);
  if (from == pending_upto_) finishing_ = true;
  return std::span<const std::string_view>(cycle_).subspan(from, pending_upto_ - from);
}

void unmerged_ids::commit() {
  added_.clear();
  merged_upto_ = pending_upto_;
  if (!finishing_) return;
  // Every id of the cycle, and every row up to target_seq(), is in the index now.
  cycle_ = {};
  // Freeing the blocks and table of a million ids would hold the writer for a moment.
  releasing_ = std::async(std::launch::async, [ids = std::exchange(cycle_ids_, set_type{})]() mutable { ids = {}; });
  merged_upto_ = pending_upto_ = 0;
  merging_ = finishing_ = false;
}

void unmerged_ids::rollback() {
  for (const std::string_view id : added_) ids_.erase(id, flat_id_set::hash(id));
  added_.clear();
  pending_upto_ = merged_upto_;
  finishing_ = false;
}

}  // namespace otklik::collector::detail
