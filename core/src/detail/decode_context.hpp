// Helpers shared by the templated decoders: issue collection with JSON Pointer paths, type checks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "detail/json_value.hpp"
#include "otklik/json_writer.hpp"
#include "otklik/result.hpp"

namespace otklik::detail {

// Collects issues while a decoder walks a document.
class decode_context {
 public:
  explicit decode_context(std::vector<issue>& issues) : issues_(issues) {}

  // Out of line: there are many call sites, and inlining each costs WebAssembly size.
  void add(std::string path, error_code code, std::string detail = {});
  [[nodiscard]] std::size_t count() const noexcept { return issues_.size(); }

  // "/parent/token" with the token escaped as RFC 6901 requires.
  [[nodiscard]] static std::string child(std::string_view parent, std::string_view token);
  [[nodiscard]] static std::string child(std::string_view parent, std::size_t index);

  // Checks a value's JSON type; reports wrong_type with the expected type as the detail.
  template <class Node>
  bool expect(const Node& node, json_kind kind, std::string_view path) {
    if (node.kind() == kind) return true;
    wrong_type(path, kind);
    return false;
  }
  void wrong_type(std::string_view path, json_kind expected);

 private:
  std::vector<issue>& issues_;
};

#if defined(OTKLIK_WASM_SIZE_FIRST)
// The widget core's one copy of field_set::index for every field list (decode_context.cpp).
[[nodiscard]] int field_index(const std::string_view* names, std::size_t count, std::string_view key) noexcept;
#endif

// Tracks which fields of an object were seen, to reject duplicates and report missing ones.
template <std::size_t N>
class field_set {
 public:
  explicit constexpr field_set(const std::string_view (&names)[N]) : names_(names) {}
  // The index of a known field, or -1 for an unknown one (length and first byte first: a hot path).
  [[nodiscard]] int index(std::string_view key) const noexcept {
#if defined(OTKLIK_WASM_SIZE_FIRST)  // the widget's core: one loop for every N (the same answer)
    return field_index(names_, N, key);
#else
    if (key.empty()) return -1;
    for (std::size_t i = 0; i < N; ++i) {
      const std::string_view name = names_[i];
      if (name.size() == key.size() && name[0] == key[0] && name == key) return static_cast<int>(i);
    }
    return -1;
#endif
  }
  // Marks a field seen; false when it was seen before (a duplicate key).
  bool mark(int i) noexcept {
    if (seen_[i]) return false;
    seen_[i] = true;
    return true;
  }
  [[nodiscard]] bool seen(int i) const noexcept { return seen_[i]; }

 private:
  const std::string_view (&names_)[N];
  bool seen_[N] = {};
};

}  // namespace otklik::detail
