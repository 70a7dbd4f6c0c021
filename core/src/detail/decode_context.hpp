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

  void add(std::string path, error_code code, std::string detail = {}) {
    issues_.push_back({std::move(path), code, std::move(detail)});
  }
  [[nodiscard]] std::size_t count() const noexcept { return issues_.size(); }

  // "/parent/token" with the token escaped as RFC 6901 requires.
  [[nodiscard]] static std::string child(std::string_view parent, std::string_view token) {
    std::string path(parent);
    append_pointer_token(path, token);
    return path;
  }
  [[nodiscard]] static std::string child(std::string_view parent, std::size_t index) {
    return child(parent, std::to_string(index));
  }

  // Checks a value's JSON type; reports wrong_type with the expected type as the detail.
  template <class Node>
  bool expect(const Node& node, json_kind kind, std::string_view path) {
    if (node.kind() == kind) return true;
    add(std::string(path), error_code::wrong_type, std::string(kind_name(kind)));
    return false;
  }

  [[nodiscard]] static std::string_view kind_name(json_kind kind) noexcept {
    switch (kind) {
      case json_kind::null_value: return "null";
      case json_kind::boolean: return "boolean";
      case json_kind::integer: return "integer";
      case json_kind::real: return "number";
      case json_kind::string: return "string";
      case json_kind::array: return "array";
      case json_kind::object: return "object";
    }
    return "value";
  }

 private:
  std::vector<issue>& issues_;
};

// Tracks which fields of an object were seen, to reject duplicates and report missing ones.
template <std::size_t N>
class field_set {
 public:
  explicit constexpr field_set(const std::string_view (&names)[N]) : names_(names) {}
  // The index of a known field, or -1 for an unknown one.
  [[nodiscard]] int index(std::string_view key) const noexcept {
    for (std::size_t i = 0; i < N; ++i) {
      if (names_[i] == key) return static_cast<int>(i);
    }
    return -1;
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
