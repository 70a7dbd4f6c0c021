// native/collector/storage/flat_id_set.hpp — a set of short ids in flat memory: the writer adds one per
// stored submission and looks one up per submission, so it must not allocate per id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace otklik::collector::detail {

// Written by hand: std::unordered_set<std::string> cost the writer two allocations per id (the node and,
// past 15 bytes, the string) and a pointer chase per probe; Debian's C++ libraries offer no flat set
// whose keys stay at a fixed address. Open addressing with linear probing over slots that keep each
// id's hash, and the ids' bytes in blocks that never move: a view returned by insert() stays valid
// until the set is cleared or destroyed (moving the set keeps it valid too).
class flat_id_set {
 public:
  flat_id_set() = default;
  flat_id_set(flat_id_set&&) noexcept = default;
  flat_id_set& operator=(flat_id_set&&) noexcept = default;
  flat_id_set(const flat_id_set&) = delete;
  flat_id_set& operator=(const flat_id_set&) = delete;

  // The hash every call takes, so that a caller probing several sets hashes an id once.
  [[nodiscard]] static std::uint64_t hash(std::string_view id) noexcept;

  [[nodiscard]] bool contains(std::string_view id, std::uint64_t h) const noexcept;
  // Starts loading the slot where a later call with `h` begins, so that a batch's misses overlap.
  void prefetch(std::uint64_t h) const noexcept {
    if (!slots_.empty()) __builtin_prefetch(&slots_[h & (slots_.size() - 1)]);
  }
  // Adds `id` unless present; returns the stored copy's view and whether it was added.
  std::pair<std::string_view, bool> insert(std::string_view id, std::uint64_t h);
  // Removes `id` if present (its bytes stay in the blocks until clear()).
  void erase(std::string_view id, std::uint64_t h) noexcept;

  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  // Room for `count` ids before the table grows (growing moves every slot, a pause for the writer).
  void reserve(std::size_t count);
  // The capacity reserved, in ids: lets a set that replaces this one start as large.
  [[nodiscard]] std::size_t reserved() const noexcept { return slots_.size() / 2; }

  // Calls f(view) for every id, in no particular order.
  template <class F>
  void for_each(F&& f) const {
    for (const slot& s : slots_) {
      if (s.data != nullptr) f(std::string_view(s.data, s.size));
    }
  }

 private:
  struct slot {
    std::uint64_t hash = 0;
    const char* data = nullptr;  // null: free (size 0) or erased (size 1)
    std::uint32_t size = 0;
  };
  static constexpr std::size_t block_bytes = 64 * 1024;

  [[nodiscard]] std::size_t find(std::string_view id, std::uint64_t h) const noexcept;  // slot index or npos
  const char* store_bytes(std::string_view id);
  void rehash(std::size_t slot_count);

  std::vector<slot> slots_;  // a power of two in size; at most half full (erased slots counted)
  std::size_t size_ = 0;
  std::size_t used_ = 0;  // live and erased slots
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t block_used_ = block_bytes;  // bytes taken in blocks_.back()
};

}  // namespace otklik::collector::detail
