// Whole numbers written in decimal for issue details and JSON pointer paths. Natively std::to_string;
// the widget's size-first WebAssembly core uses one short digit loop instead of libc++'s to_chars (its
// code and digit tables cost the download more than the loop's speed is worth; the same text either way).
#pragma once

#include <string>

namespace otklik::detail {

#if defined(OTKLIK_WASM_SIZE_FIRST)  // the widget's WebAssembly core (cmake/OtklikEmscripten.cmake)
// Hand-written: one loop shared by every call site, in place of libc++'s per-type to_chars code.
[[gnu::noinline]] inline std::string decimal(long long value) {
  char digits[24];
  char* start = digits + sizeof digits;
  unsigned long long rest = value < 0 ? 0ull - static_cast<unsigned long long>(value) : static_cast<unsigned long long>(value);
  do {
    *--start = static_cast<char>('0' + rest % 10);
    rest /= 10;
  } while (rest != 0);
  if (value < 0) *--start = '-';
  return std::string(start, static_cast<std::size_t>(digits + sizeof digits - start));
}
#else
// The decimal text of `value` (std::to_string's).
template <class Integer>
[[nodiscard]] std::string decimal(Integer value) {
  return std::to_string(value);
}
#endif

}  // namespace otklik::detail
