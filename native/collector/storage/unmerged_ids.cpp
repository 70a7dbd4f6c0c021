// native/collector/storage/unmerged_ids.cpp — the waiting ids and the merge cycle (see the header).
#include "unmerged_ids.hpp"

#include <algorithm>
#include <chrono>

namespace otklik::collector::detail {

void unmerged_ids::add(std::string_view id) {
  const auto [where, inserted] = ids_.emplace(id);
  if (inserted) added_.emplace_back(*where);
}

std::vector<std::string_view> unmerged_ids::sorted(std::vector<sort_entry> entries) {
  std::sort(entries.begin(), entries.end(), [](const sort_entry& a, const sort_entry& b) {
    return a.prefix != b.prefix ? a.prefix < b.prefix : a.id < b.id;
  });
  std::vector<std::string_view> ids;
  ids.reserve(entries.size());
  for (const sort_entry& e : entries) ids.push_back(e.id);
  return ids;
}

void unmerged_ids::start_cycle(long long target_seq) {
  std::vector<sort_entry> entries;
  entries.reserve(ids_.size());
  for (const std::string& id : ids_) {
    std::uint64_t prefix = 0;
    for (std::size_t i = 0; i < 8; ++i) {
      prefix = prefix << 8 | (i < id.size() ? static_cast<unsigned char>(id[i]) : 0U);
    }
    entries.push_back({prefix, id});
  }
  // Key order (SQLite's BINARY collation: bytes compared unsigned): consecutive ids of a slice land on the
  // same index pages. The views stay valid while sorting: an id of the cycle leaves ids_ only once merged.
  // A small cycle is sorted at once (and deterministically, for the tests); a large one on its own thread,
  // so that commits go on meanwhile (65,536 ids take tens of milliseconds).
  cycle_.clear();
  if (entries.size() < 8192) {
    cycle_ = sorted(std::move(entries));
  } else {
    sorting_ = std::async(std::launch::async, &unmerged_ids::sorted, std::move(entries));
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
  // The slice is in the index now; its views are never read again.
  for (std::size_t i = merged_upto_; i < pending_upto_; ++i) ids_.erase(ids_.find(cycle_[i]));
  merged_upto_ = pending_upto_;
  if (!finishing_) return;
  // Every row up to target_seq() has its id in the index.
  cycle_.clear();
  cycle_.shrink_to_fit();
  merged_upto_ = pending_upto_ = 0;
  merging_ = finishing_ = false;
}

void unmerged_ids::rollback() {
  for (const std::string_view id : added_) ids_.erase(ids_.find(id));
  added_.clear();
  pending_upto_ = merged_upto_;
  finishing_ = false;
}

}  // namespace otklik::collector::detail
