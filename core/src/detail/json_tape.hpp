// A small strict RFC 8259 JSON parser into a flat tape. It is the JSON parser of the WebAssembly build
// (simdjson's amalgamation would cost about 23 KB gzip of the widget's 40 KB budget, this costs about 3 KB),
// and natively it classifies the documents simdjson rejects, so that both builds report the same error.
// It accepts exactly the language simdjson 3 accepts (checked by a differential test).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "detail/callback_ref.hpp"
#include "detail/json_value.hpp"
#include "otklik/result.hpp"

namespace otklik::detail {

class json_tape;

// A read-only view of one value on a tape; the same interface as simdjson_node (json_value.hpp).
class tape_node {
 public:
  tape_node(const json_tape* tape, std::uint32_t index) : tape_(tape), index_(index) {}
  [[nodiscard]] json_kind kind() const noexcept;
  [[nodiscard]] bool get_bool() const noexcept;
  [[nodiscard]] std::int64_t get_int() const noexcept;
  [[nodiscard]] std::string_view get_string() const noexcept;
  // Calls f(key, value) for each field of an object, in document order.
  template <class F> void for_each_field(F&& f) const;
  // Calls f(index, value) for each element of an array.
  template <class F> void for_each_element(F&& f) const;

 private:
  const json_tape* tape_;
  std::uint32_t index_;
};

// Why a document did not parse, and where (byte offset), for the message.
struct json_parse_error {
  error_code code = error_code::invalid_json;  // invalid_json, invalid_utf8 or too_deep
  std::size_t offset = 0;
};

class json_tape {
 public:
  // Parses `text`; on success root() is valid until the next parse. Buffers are reused between calls.
  [[nodiscard]] bool parse(std::string_view text, std::size_t max_depth, json_parse_error& error);
  [[nodiscard]] tape_node root() const noexcept { return {this, 0}; }

 private:
  friend class tape_node;
  friend class tape_builder;
  struct entry {
    json_kind kind;
    std::uint32_t a;   // string: offset in strings_; bool: value; container: index one past its last entry
    std::uint32_t b;   // string: length; container: number of children (object: fields)
    std::int64_t integer;
  };
  std::vector<entry> entries_;
  std::string strings_;
};

inline json_kind tape_node::kind() const noexcept { return tape_->entries_[index_].kind; }
inline bool tape_node::get_bool() const noexcept { return tape_->entries_[index_].a != 0; }
inline std::int64_t tape_node::get_int() const noexcept { return tape_->entries_[index_].integer; }
inline std::string_view tape_node::get_string() const noexcept {
  const auto& e = tape_->entries_[index_];
  return std::string_view(tape_->strings_).substr(e.a, e.b);
}

template <class F>
void tape_node::for_each_field(F&& f) const {
#if defined(OTKLIK_WASM_SIZE_FIRST)  // the widget's core: one copy of the walk for every caller
  if constexpr (!std::is_same_v<std::decay_t<F>, callback_ref<void(std::string_view, const tape_node&)>>) {
    return for_each_field(callback_ref<void(std::string_view, const tape_node&)>(f));
  }
#endif
  const auto& e = tape_->entries_[index_];
  std::uint32_t i = index_ + 1;
  while (i < e.a) {
    const tape_node key{tape_, i};
    const std::uint32_t value = i + 1;
    const auto& v = tape_->entries_[value];
    const bool container = v.kind == json_kind::array || v.kind == json_kind::object;
    f(key.get_string(), tape_node{tape_, value});
    i = container ? v.a : value + 1;
  }
}

template <class F>
void tape_node::for_each_element(F&& f) const {
#if defined(OTKLIK_WASM_SIZE_FIRST)  // the widget's core: one copy of the walk for every caller
  if constexpr (!std::is_same_v<std::decay_t<F>, callback_ref<void(std::size_t, const tape_node&)>>) {
    return for_each_element(callback_ref<void(std::size_t, const tape_node&)>(f));
  }
#endif
  const auto& e = tape_->entries_[index_];
  std::uint32_t i = index_ + 1;
  std::size_t n = 0;
  while (i < e.a) {
    const auto& v = tape_->entries_[i];
    const bool container = v.kind == json_kind::array || v.kind == json_kind::object;
    f(n++, tape_node{tape_, i});
    i = container ? v.a : i + 1;
  }
}

}  // namespace otklik::detail
