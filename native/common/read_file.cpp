// Whole-file reads with errors as values.
#include "otklik/native/read_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace otklik::native {

file_contents read_file(const std::string& path) {
  const bool is_stdin = path == "-";
  std::FILE* f = is_stdin ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) return {false, path + ": " + std::strerror(errno)};
  file_contents out{true, {}};
  char chunk[1 << 16];
  std::size_t n;
  while ((n = std::fread(chunk, 1, sizeof chunk, f)) > 0) out.data.append(chunk, n);
  const bool failed = std::ferror(f) != 0;
  const int saved = errno;
  if (!is_stdin) std::fclose(f);
  if (failed) return {false, path + ": " + std::strerror(saved)};
  return out;
}

}  // namespace otklik::native
