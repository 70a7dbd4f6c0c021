// otklik/native/line_reader.hpp — streams NDJSON lines from a file or standard input, any line length.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace otklik::native {

// Reads lines with one large buffer; a line may be longer than the buffer (it grows), so a 100 MB
// line is read whole and the caller decides what to do with it.
class line_reader {
 public:
  // Opens `path` ("-" is standard input); check ok() and error() before reading.
  explicit line_reader(const std::string& path);
  ~line_reader();
  line_reader(const line_reader&) = delete;
  line_reader& operator=(const line_reader&) = delete;

  [[nodiscard]] bool ok() const noexcept { return file_ != nullptr; }
  [[nodiscard]] const std::string& error() const noexcept { return error_; }
  // The next line without its "\n" (and "\r"); false at the end. The view lives until the next call.
  [[nodiscard]] bool next(std::string_view& line);
  // 1-based number of the line last returned.
  [[nodiscard]] std::uint64_t line_number() const noexcept { return line_number_; }
  // Bytes consumed so far (for progress bars).
  [[nodiscard]] std::uint64_t bytes_read() const noexcept { return consumed_; }

 private:
  bool fill();
  std::FILE* file_ = nullptr;
  bool owns_ = false;
  bool eof_ = false;
  std::string error_;
  std::string buffer_;
  std::size_t begin_ = 0, end_ = 0;
  std::uint64_t line_number_ = 0, consumed_ = 0;
};

}  // namespace otklik::native
