// Buffered NDJSON line reading: one read buffer that grows only for lines longer than itself.
#include "otklik/native/line_reader.hpp"

#include <cerrno>
#include <cstring>

namespace otklik::native {

namespace {
constexpr std::size_t initial_buffer = std::size_t{1} << 20;
}

line_reader::line_reader(const std::string& path) {
  if (path == "-") {
    file_ = stdin;
  } else {
    file_ = std::fopen(path.c_str(), "rb");
    owns_ = file_ != nullptr;
    if (!file_) error_ = path + ": " + std::strerror(errno);
  }
  buffer_.resize(initial_buffer);
}

line_reader::~line_reader() {
  if (owns_) std::fclose(file_);
}

bool line_reader::fill() {
  if (eof_) return false;
  if (begin_ > 0) {  // move the unread tail to the front
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
  const std::size_t n = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, file_);
  if (n == 0) {
    if (std::ferror(file_)) error_ = std::strerror(errno);
    eof_ = true;
    return false;
  }
  end_ += n;
  return true;
}

bool line_reader::next(std::string_view& line) {
  if (!file_) return false;
  std::size_t scanned = begin_;
  for (;;) {
    const void* nl = std::memchr(buffer_.data() + scanned, '\n', end_ - scanned);
    if (nl) {
      const std::size_t pos = static_cast<std::size_t>(static_cast<const char*>(nl) - buffer_.data());
      std::size_t stop = pos;
      if (stop > begin_ && buffer_[stop - 1] == '\r') --stop;
      line = std::string_view(buffer_.data() + begin_, stop - begin_);
      consumed_ += pos + 1 - begin_;
      begin_ = pos + 1;
      ++line_number_;
      return true;
    }
    const std::size_t offset = end_ - begin_;  // everything read so far holds no newline
    if (!fill()) {
      if (end_ == begin_) return false;
      line = std::string_view(buffer_.data() + begin_, end_ - begin_);  // last line without "\n"
      consumed_ += end_ - begin_;
      begin_ = end_;
      ++line_number_;
      return true;
    }
    scanned = begin_ + offset;  // search only the newly read bytes
  }
}

}  // namespace otklik::native
