// otklik/native/read_file.hpp — whole-file reads for the native hosts (the core does no I/O).
#pragma once

#include <string>
#include <string_view>

namespace otklik::native {

// Contents of a file, or an error sentence naming the file and the system's reason.
struct file_contents {
  bool ok = false;
  std::string data;   // the bytes when ok, the error sentence otherwise
};

// Reads all of `path` ("-" is standard input).
[[nodiscard]] file_contents read_file(const std::string& path);

}  // namespace otklik::native
