// native/collector/storage/unmerged_ids.hpp — the ids of stored responses not yet merged into the store's
// id index, and the merge cycle that moves them into the index in key order, a slice per batch.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "flat_id_set.hpp"

namespace otklik::collector::detail {

// The writer's view of recently stored ids. A response's row is appended in arrival order without
// touching the id index (a random id dirties a random index page per insert, about one 4 KB WAL frame per
// submission); its id waits here, and merge cycles insert the waiting ids into the index in key order, a
// slice per transaction, so that many ids share each index page written. Changes made while a
// transaction is open are pending until commit() or rollback().
class unmerged_ids {
 public:
  unmerged_ids() { ids_.reserve(1 << 17); }  // grows by rehashing, which stalls the writer for a moment
  // Whether `id`, whose flat_id_set::hash is `h`, waits here (stored, not yet known to be in the index).
  [[nodiscard]] bool contains(std::string_view id, std::uint64_t h) const {
    return ids_.contains(id, h) || (!cycle_ids_.empty() && cycle_ids_.contains(id, h));
  }
  [[nodiscard]] bool contains(std::string_view id) const { return contains(id, flat_id_set::hash(id)); }
  // Starts loading what contains() and add() with `h` will read (see flat_id_set::prefetch).
  void prefetch(std::uint64_t h) const {
    ids_.prefetch(h);
    if (!cycle_ids_.empty()) cycle_ids_.prefetch(h);
  }
  // Adds an id stored in the open transaction (or loaded at open from rows past the merge mark).
  void add(std::string_view id, std::uint64_t h);
  void add(std::string_view id) { add(id, flat_id_set::hash(id)); }
  [[nodiscard]] std::size_t size() const { return ids_.size() + cycle_ids_.size(); }

  // Whether a merge cycle runs: started by start_cycle, finished by the commit after its last slice.
  [[nodiscard]] bool merging() const { return merging_; }
  // Starts a cycle that merges every id waiting now (their rows are those up to `target_seq`); call it
  // before the open transaction adds any id. The ids are sorted on a thread of their own meanwhile (they
  // move to a set of their own that nothing changes until the cycle ends).
  void start_cycle(long long target_seq);
  // The cycle's next ids in key order, at most `limit`, taken by the open transaction; empty while the
  // sort runs, and once every id of the cycle is merged (then finishing() is true).
  [[nodiscard]] std::span<const std::string_view> next_slice(std::size_t limit);
  // The open transaction took the cycle's end: it should record target_seq() as the merge mark.
  [[nodiscard]] bool finishing() const { return finishing_; }
  // The arrival position up to which every row is in the index once the running cycle completes.
  [[nodiscard]] long long target_seq() const { return target_seq_; }

  // The open transaction committed: its added ids stay; a finished cycle ends and its ids leave.
  void commit();
  // The open transaction rolled back: its added ids leave, its slice waits again.
  void rollback();

 private:
  using set_type = flat_id_set;
  // An id with its first 8 bytes as a big-endian integer: most comparisons of the sort stop there.
  struct sort_entry {
    std::uint64_t prefix;
    std::string_view id;
  };
  static std::vector<std::string_view> sorted(const set_type& ids);

  set_type ids_;        // stored since the running cycle started (or since the last one ended)
  set_type cycle_ids_;  // the running cycle's, unchanged until it ends: read by the sorting thread
  std::vector<std::string_view> added_;  // by the open transaction, in ids_
  // The running cycle's ids, sorted: views of keys in cycle_ids_.
  std::vector<std::string_view> cycle_;
  std::future<std::vector<std::string_view>> sorting_;
  std::future<void> releasing_;  // a finished cycle's set, freed on a thread of its own
  std::size_t merged_upto_ = 0;          // committed position in cycle_
  std::size_t pending_upto_ = 0;         // after the open transaction's slice
  bool merging_ = false;
  bool finishing_ = false;               // the open transaction found the cycle complete
  long long target_seq_ = 0;
};

}  // namespace otklik::collector::detail
