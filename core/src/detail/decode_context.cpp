// The out-of-line parts of decode_context (kept out of the templates to keep WebAssembly small).
#include "detail/decode_context.hpp"

#include "detail/decimal.hpp"

namespace otklik::detail {

void decode_context::add(std::string path, error_code code, std::string detail) {
  issues_.push_back({std::move(path), code, std::move(detail)});
}

std::string decode_context::child(std::string_view parent, std::string_view token) {
  std::string path(parent);
  append_pointer_token(path, token);
  return path;
}

std::string decode_context::child(std::string_view parent, std::size_t index) {
  return child(parent, decimal(index));
}

void decode_context::wrong_type(std::string_view path, json_kind expected) {
  static constexpr std::string_view names[] = {"null", "boolean", "integer", "number", "string", "array", "object"};
  add(std::string(path), error_code::wrong_type, std::string(names[static_cast<int>(expected)]));
}

#if defined(OTKLIK_WASM_SIZE_FIRST)
int field_index(const std::string_view* names, std::size_t count, std::string_view key) noexcept {
  for (std::size_t i = 0; i < count; ++i) {
    if (names[i] == key) return static_cast<int>(i);
  }
  return -1;
}
#endif

}  // namespace otklik::detail
