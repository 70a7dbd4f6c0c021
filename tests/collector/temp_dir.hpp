// tests/collector/temp_dir.hpp — a fresh directory per test, removed with everything in it.
#pragma once

#include <string>

namespace otklik::test {

class temp_dir {
 public:
  temp_dir();
  ~temp_dir();
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  // path()/name
  [[nodiscard]] std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// The whole file, or "" when it does not exist.
[[nodiscard]] std::string slurp(const std::string& path);

}  // namespace otklik::test
