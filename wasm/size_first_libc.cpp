// memcpy and strlen for the size-first WebAssembly core (the widget's): one byte at a time. Written by
// hand because Emscripten's libc versions copy and scan a word at a time, for speed, at about 240 B gzip
// more of the widget's 40 KB budget; the core copies and measures short texts (a survey, a comment), so
// the byte loops cost nothing a citizen notices. The full core (built for speed) keeps libc's.
#include <cstddef>

extern "C" {

// no_builtin: the compiler must not turn these loops back into calls to memcpy and strlen.
__attribute__((no_builtin)) void* memcpy(void* __restrict destination, const void* __restrict source, std::size_t size) {
  auto* to = static_cast<unsigned char*>(destination);
  const auto* from = static_cast<const unsigned char*>(source);
  while (size--) *to++ = *from++;
  return destination;
}

__attribute__((no_builtin)) std::size_t strlen(const char* text) {
  const char* end = text;
  while (*end) ++end;
  return static_cast<std::size_t>(end - text);
}

}  // extern "C"
