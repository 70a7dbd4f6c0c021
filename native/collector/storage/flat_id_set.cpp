// native/collector/storage/flat_id_set.cpp — the flat set of ids (see the header).
#include "flat_id_set.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <utility>

namespace otklik::collector::detail {

std::uint64_t flat_id_set::hash(std::string_view id) noexcept { return std::hash<std::string_view>{}(id); }

std::size_t flat_id_set::find(std::string_view id, std::uint64_t h) const noexcept {
  if (slots_.empty()) return std::string_view::npos;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const slot& s = slots_[i];
    if (s.data == nullptr) {
      if (s.size == 0) return std::string_view::npos;  // free: the probe ends; erased ones are skipped
      continue;
    }
    if (s.hash == h && s.size == id.size() && std::memcmp(s.data, id.data(), id.size()) == 0) return i;
  }
}

bool flat_id_set::contains(std::string_view id, std::uint64_t h) const noexcept {
  return find(id, h) != std::string_view::npos;
}

const char* flat_id_set::store_bytes(std::string_view id) {
  if (id.size() > block_bytes - block_used_) {
    const std::size_t size = std::max(block_bytes, id.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    block_used_ = id.size() > block_bytes ? block_bytes : 0;  // an oversized id takes a block of its own
    if (id.size() > block_bytes) {
      std::memcpy(blocks_.back().get(), id.data(), id.size());
      return blocks_.back().get();
    }
  }
  char* at = blocks_.back().get() + block_used_;
  std::memcpy(at, id.data(), id.size());
  block_used_ += id.size();
  return at;
}

std::pair<std::string_view, bool> flat_id_set::insert(std::string_view id, std::uint64_t h) {
  if (const std::size_t at = find(id, h); at != std::string_view::npos) {
    return {std::string_view(slots_[at].data, slots_[at].size), false};
  }
  if (2 * (used_ + 1) > slots_.size()) rehash(std::max<std::size_t>(16, 4 * (size_ + 1)));
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  while (slots_[i].data != nullptr || slots_[i].size != 0) i = (i + 1) & mask;  // free slots only
  const char* bytes = store_bytes(id);
  slots_[i] = {h, bytes, static_cast<std::uint32_t>(id.size())};
  ++size_;
  ++used_;
  return {std::string_view(bytes, id.size()), true};
}

void flat_id_set::erase(std::string_view id, std::uint64_t h) noexcept {
  const std::size_t at = find(id, h);
  if (at == std::string_view::npos) return;
  slots_[at] = {0, nullptr, 1};  // erased: later probes go past it
  --size_;
}

void flat_id_set::reserve(std::size_t count) {
  std::size_t slot_count = 16;
  while (slot_count < 2 * count) slot_count *= 2;
  if (slot_count > slots_.size()) rehash(slot_count);
}

// Moves the live slots into a table of `slot_count` (rounded up to a power of two); erased ones go.
void flat_id_set::rehash(std::size_t slot_count) {
  std::size_t size = 16;
  while (size < slot_count) size *= 2;
  std::vector<slot> old = std::exchange(slots_, std::vector<slot>(size));
  const std::size_t mask = size - 1;
  for (const slot& s : old) {
    if (s.data == nullptr) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].data != nullptr) i = (i + 1) & mask;
    slots_[i] = s;
  }
  used_ = size_;
}

}  // namespace otklik::collector::detail
