// simdjson_parse_baseline FILE [THREADS]: simdjson's bare parse of every NDJSON line (On Demand, visiting every
// field and value once, no validation, no store), split at newlines over THREADS threads like `otklik report`.
// Prints bytes, lines, seconds and GB/s. The floor that the end-to-end figure is compared against.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <simdjson.h>

namespace {

namespace od = simdjson::ondemand;

// Visits every value of a document so that On Demand cannot skip work; returns a checksum.
std::uint64_t visit(od::value v) {
  od::json_type type;
  if (v.type().get(type)) return 1;
  switch (type) {
    case od::json_type::object: {
      std::uint64_t sum = 0;
      for (auto field : v.get_object()) {
        std::string_view key;
        if (field.unescaped_key().get(key)) return sum + 1;
        sum += key.size() + visit(field.value());
      }
      return sum;
    }
    case od::json_type::array: {
      std::uint64_t sum = 0;
      for (auto item : v.get_array()) sum += visit(item.value());
      return sum;
    }
    case od::json_type::string: {
      std::string_view s;
      return v.get_string().get(s) ? 1 : s.size();
    }
    case od::json_type::number: {
      double d;
      return v.get_double().get(d) ? 1 : static_cast<std::uint64_t>(d);
    }
    default: return 1;
  }
}

// The same over a whole part with iterate_many (batched stage 1); only valid input parses this way.
std::uint64_t parse_part_many(std::string_view data, std::size_t begin, std::size_t end, std::uint64_t& lines) {
  od::parser parser;
  std::string copy(data.substr(begin, end - begin));
  copy.reserve(copy.size() + simdjson::SIMDJSON_PADDING);
  od::document_stream stream;
  if (parser.iterate_many(copy.data(), copy.size(), std::size_t{1} << 20).get(stream)) return 0;
  std::uint64_t sum = 0;
  for (auto doc : stream) {
    od::value root;
    if (doc.get_value().get(root)) continue;
    ++lines;
    sum += visit(root);
  }
  return sum;
}

std::uint64_t parse_part(std::string_view data, std::size_t begin, std::size_t end, std::uint64_t& lines) {
  od::parser parser;
  std::string padded;
  std::uint64_t sum = 0;
  for (std::size_t at = begin; at < end;) {
    const char* nl = static_cast<const char*>(std::memchr(data.data() + at, '\n', end - at));
    const std::size_t stop = nl ? static_cast<std::size_t>(nl - data.data()) : end;
    const std::string_view line = data.substr(at, stop - at);
    at = stop + 1;
    if (line.empty()) continue;
    ++lines;
    const std::size_t capacity = data.size() - static_cast<std::size_t>(line.data() - data.data());
    od::document doc;
    simdjson::error_code error;
    if (capacity >= line.size() + simdjson::SIMDJSON_PADDING) {
      error = parser.iterate(line.data(), line.size(), capacity).get(doc);
    } else {
      padded.assign(line);
      padded.resize(line.size() + simdjson::SIMDJSON_PADDING, ' ');
      error = parser.iterate(padded.data(), line.size(), padded.size()).get(doc);
    }
    if (error) continue;
    od::value root;
    if (doc.get_value().get(root)) continue;
    sum += visit(root);
  }
  return sum;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: simdjson_parse_baseline FILE [THREADS]\n");
    return 2;
  }
  const unsigned threads = argc > 2 ? static_cast<unsigned>(std::stoul(argv[2])) : 2;
  const bool many = argc > 3 && std::string(argv[3]) == "many";
  const auto start = std::chrono::steady_clock::now();
  const int fd = ::open(argv[1], O_RDONLY);
  struct stat info {};
  if (fd < 0 || ::fstat(fd, &info) != 0) {
    std::perror(argv[1]);
    return 2;
  }
  const auto size = static_cast<std::size_t>(info.st_size);
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  if (map == MAP_FAILED) {
    std::perror("mmap");
    return 2;
  }
  const std::string_view data(static_cast<const char*>(map), size);
  std::vector<std::size_t> bounds{0};
  for (unsigned t = 1; t < threads; ++t) {
    const std::size_t cut = std::max(bounds.back(), size * t / threads);
    const char* nl = cut < size ? static_cast<const char*>(std::memchr(data.data() + cut, '\n', size - cut)) : nullptr;
    bounds.push_back(nl ? static_cast<std::size_t>(nl - data.data()) + 1 : size);
  }
  bounds.push_back(size);
  std::vector<std::uint64_t> sums(threads), lines(threads);
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      sums[t] = many ? parse_part_many(data, bounds[t], bounds[t + 1], lines[t])
                     : parse_part(data, bounds[t], bounds[t + 1], lines[t]);
    });
  }
  for (auto& w : workers) w.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::uint64_t total_lines = 0, checksum = 0;
  for (unsigned t = 0; t < threads; ++t) {
    total_lines += lines[t];
    checksum += sums[t];
  }
  std::printf("simdjson bare parse (%s kernel, %u threads): %zu bytes, %llu lines, %.3f s, %.2f GB/s (checksum %llu)\n",
              SIMDJSON_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION), threads, size,
              static_cast<unsigned long long>(total_lines), seconds, static_cast<double>(size) / seconds / 1e9,
              static_cast<unsigned long long>(checksum));
  ::munmap(map, size);
  ::close(fd);
  return 0;
}
