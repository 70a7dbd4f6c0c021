// Ingest: inputs are mapped or read whole, split at newlines into one part per thread; each thread decodes
// lines with the fast path (the core validator decides whatever the fast path does not accept) into its own
// store builder; parts are merged, and responses with a repeated id are dropped.
#include "otklik/analysis/ingest.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <fstream>
#include <thread>
#include <unordered_set>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "canonical_line.hpp"
#include "duplicates.hpp"
#include "line_decoder.hpp"
#include "otklik/analysis/progress.hpp"
#include "otklik/analysis/snapshot.hpp"
#include "otklik/native/read_file.hpp"
#ifdef OTKLIK_ANALYSIS_WITH_SQLITE
#include "otklik/collector/storage/sqlite_store.hpp"
#endif

namespace otklik::analysis {

namespace {

// What one thread produced from its part of an input.
struct part_output {
  columnar_store store;
  std::vector<std::vector<std::uint64_t>> id_hashes;  // by survey index: one per row of that survey's segment
  std::vector<std::uint64_t> sorted_hashes;           // all of them, sorted on the part's own thread
  std::uint64_t physical_lines = 0;                   // newline-terminated lines, empty ones included
  std::uint64_t lines = 0;                            // non-empty lines
  std::uint64_t invalid = 0;
  std::vector<invalid_line> examples;                 // line numbers local to the part until fixed up
};

// A read-only view of a whole file: mapped when possible.
class mapped_file {
 public:
  explicit mapped_file(const std::string& path) {
    if (path == "-") {
      auto contents = native::read_file(path);
      ok_ = contents.ok;
      (ok_ ? owned_ : error_) = std::move(contents.data);
      view_ = owned_;
      return;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      error_ = path + ": " + std::strerror(errno);
      return;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
      error_ = path + ": " + std::strerror(errno);
      ::close(fd);
      return;
    }
    size_ = static_cast<std::size_t>(info.st_size);
    if (size_ > 0) {
      void* at = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (at == MAP_FAILED) {
        error_ = path + ": " + std::strerror(errno);
        ::close(fd);
        return;
      }
      map_ = at;
      ::madvise(map_, size_, MADV_SEQUENTIAL);
      view_ = std::string_view(static_cast<const char*>(map_), size_);
    }
    ::close(fd);
    ok_ = true;
  }
  ~mapped_file() {
    if (map_ != nullptr) ::munmap(map_, size_);
  }
  mapped_file(const mapped_file&) = delete;
  mapped_file& operator=(const mapped_file&) = delete;
  [[nodiscard]] bool ok() const noexcept { return ok_; }
  [[nodiscard]] const std::string& error() const noexcept { return error_; }
  [[nodiscard]] std::string_view data() const noexcept { return view_; }

 private:
  bool ok_ = false;
  std::string error_, owned_;
  void* map_ = nullptr;
  std::size_t size_ = 0;
  std::string_view view_;
};

// Decodes the lines of data[begin, end) (begin at a line start) into `out`.
void decode_part(const survey_set& surveys, std::string_view data, std::size_t begin, std::size_t end,
                 const std::string& name, const ingest_options& options, std::atomic<std::uint64_t>& progress,
                 part_output& out) {
  store_builder builder(surveys);
  const std::unique_ptr<detail::line_decoder> decoder = detail::make_line_decoder(surveys, builder.layouts());
  const std::vector<detail::survey_rules> rules = detail::make_survey_rules(surveys, builder.layouts());
  detail::canonical_decoder canonical(rules);
  validator slow;
  detail::decoded_line line;
  out.id_hashes.assign(surveys.all().size(), {});
  {
    // Lines take 150 bytes or more; a few surveys each get room for every line of the part (untouched room
    // costs address space only), many surveys a share.
    const std::size_t lines = (end - begin) / 150 + 64;
    const std::size_t count = std::max<std::size_t>(surveys.all().size(), 1);
    const std::size_t rows = count <= 8 ? lines : lines * 8 / count;
    builder.reserve(rows);
    for (auto& hashes : out.id_hashes) hashes.reserve(rows);
  }
  std::string padded;
  std::size_t reported = begin;
  const auto reject = [&](std::vector<issue> issues) {
    ++out.invalid;
    if (out.examples.size() < options.keep_invalid) out.examples.push_back({name, out.physical_lines, std::move(issues)});
  };
  const auto accept = [&] {
    builder.append(line.survey_index, line.row, line.region, line.comments);
    out.id_hashes[line.survey_index].push_back(line.id_hash);
  };
  for (std::size_t at = begin; at < end;) {
    if (at - reported >= (1u << 20)) {
      progress.fetch_add(at - reported, std::memory_order_relaxed);
      reported = at;
    }
    // Most lines are in the canonical form that the collector and the exporters write: one pass reads them
    // and finds their end (a line over the size limit is left to the validator, which says so).
    if (const std::size_t taken = canonical.decode_line(data.data() + at, data.data() + end, data.size() - at, line);
        taken > 0 && taken <= limits{}.max_bytes) {
      at += taken;
      ++out.physical_lines;
      ++out.lines;
      accept();
      continue;
    }
    const char* newline = static_cast<const char*>(std::memchr(data.data() + at, '\n', end - at));
    const std::size_t stop = newline != nullptr ? static_cast<std::size_t>(newline - data.data()) : end;
    std::string_view text = data.substr(at, stop - at);
    at = stop + 1;
    ++out.physical_lines;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty()) continue;
    ++out.lines;
    const std::size_t capacity = data.size() - static_cast<std::size_t>(text.data() - data.data());
    bool accepted = false;
    if (text.size() <= limits{}.max_bytes) {
      if (capacity >= text.size() + detail::line_padding) {
        accepted = decoder->decode(text, capacity, line);
      } else {
        padded.assign(text);
        padded.resize(text.size() + detail::line_padding, ' ');
        accepted = decoder->decode(std::string_view(padded.data(), text.size()), padded.size(), line);
      }
    }
    if (accepted) {
      accept();
      continue;
    }
    // The core validator has the final word (and says why).
    auto checked = slow.check(surveys, text);
    if (!checked) {
      reject(checked.issues());
      continue;
    }
    const response& r = checked.value();
    const survey* s = surveys.find(r.survey);
    if (!builder.append(r)) {
      reject({issue{"/submitted_at", error_code::invalid_time, "1970-01-01 or later"}});
      continue;
    }
    out.id_hashes[static_cast<std::size_t>(s - surveys.all().data())].push_back(detail::hash_id(r.id));
  }
  progress.fetch_add(end - reported, std::memory_order_relaxed);
  out.store = builder.finish();
  if (options.drop_duplicates) {
    std::size_t total = 0;
    for (const auto& hashes : out.id_hashes) total += hashes.size();
    out.sorted_hashes.reserve(total);
    for (const auto& hashes : out.id_hashes) out.sorted_hashes.insert(out.sorted_hashes.end(), hashes.begin(), hashes.end());
    detail::sort_by_high_bits(out.sorted_hashes);
  }
}

// Splits data into parts at newlines and decodes them on threads.
std::vector<part_output> decode_parallel(const survey_set& surveys, std::string_view data, const std::string& name,
                                         const ingest_options& options) {
  const unsigned threads = std::max(1u, options.threads);
  std::vector<std::size_t> bounds{0};
  for (unsigned t = 1; t < threads; ++t) {
    std::size_t cut = std::max(bounds.back(), data.size() * t / threads);
    const char* newline = cut < data.size() ? static_cast<const char*>(std::memchr(data.data() + cut, '\n', data.size() - cut))
                                            : nullptr;
    cut = newline != nullptr ? static_cast<std::size_t>(newline - data.data()) + 1 : data.size();
    bounds.push_back(cut);
  }
  bounds.push_back(data.size());
  std::vector<part_output> parts(threads);
  std::atomic<std::uint64_t> progress{0};
  std::atomic<unsigned> running{threads};
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) {
    workers.emplace_back([&, t] {
      decode_part(surveys, data, bounds[t], bounds[t + 1], name, options, progress, parts[t]);
      running.fetch_sub(1);
    });
  }
  const bool draw = options.progress && data.size() >= (64u << 20);
  if (draw || options.on_progress) {
    // The main thread draws while the others work, then takes its own part.
    progress_bar bar("reading " + name, data.size(), draw);
    std::thread first([&] {
      decode_part(surveys, data, bounds[0], bounds[1], name, options, progress, parts[0]);
      running.fetch_sub(1);
    });
    while (running.load() > 0) {
      bar.update(progress.load(std::memory_order_relaxed));
      if (options.on_progress) options.on_progress(name, progress.load(std::memory_order_relaxed), data.size());
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    first.join();
  } else {
    decode_part(surveys, data, bounds[0], bounds[1], name, options, progress, parts[0]);
  }
  for (std::thread& w : workers) w.join();
  // Line numbers: each part counted from 1; shift by the lines of the parts before it.
  std::uint64_t before = 0;
  for (part_output& p : parts) {
    for (invalid_line& line : p.examples) line.line += before;
    before += p.physical_lines;
  }
  return parts;
}

// Drops every response whose id hash was seen before (in input order), returning how many.
std::uint64_t drop_duplicates(std::vector<part_output>& parts) {
  std::vector<std::vector<std::uint64_t>> sorted;
  for (part_output& p : parts) sorted.push_back(std::move(p.sorted_hashes));
  const std::vector<std::uint64_t> repeated = detail::repeated_in_sorted(std::move(sorted));
  if (repeated.empty()) return 0;
  const std::unordered_set<std::uint64_t> suspects(repeated.begin(), repeated.end());
  std::unordered_set<std::uint64_t> seen;
  std::uint64_t dropped = 0;
  for (part_output& p : parts) {
    for (store_segment& s : p.store.segments) {
      const auto& hashes = p.id_hashes[s.survey];
      std::vector<std::uint32_t> rows;
      for (std::uint32_t row = 0; row < hashes.size(); ++row) {
        if (suspects.count(hashes[row]) != 0 && !seen.insert(hashes[row]).second) rows.push_back(row);
      }
      dropped += rows.size();
      remove_rows(s, rows);
    }
  }
  return dropped;
}

#ifdef OTKLIK_ANALYSIS_WITH_SQLITE
// The collector's stored bodies as NDJSON (one body per line, in arrival order).
bool read_collector_database(const std::string& path, std::string& ndjson, std::string& error) {
  collector::sqlite_options options;
  options.read_only = true;
  auto opened = collector::open_sqlite_store(path, options);
  if (!opened.opened) {
    error = path + ": " + opened.error;
    return false;
  }
  auto cursor = opened.opened->scan();
  std::string_view body;
  while (cursor->next(body)) {
    ndjson += body;
    ndjson.push_back('\n');
  }
  if (!cursor->error().empty()) {
    error = path + ": " + cursor->error();
    return false;
  }
  return true;
}
#endif

void add_parts(ingest_result& result, std::vector<part_output>& parts, const ingest_options& options) {
  for (part_output& p : parts) {
    result.summary.lines += p.lines;
    result.summary.invalid += p.invalid;
    for (invalid_line& line : p.examples) {
      if (result.invalid_examples.size() < options.keep_invalid) result.invalid_examples.push_back(std::move(line));
    }
  }
}

void merge_parts(columnar_store& into, std::vector<part_output>& parts) {
  for (part_output& p : parts) merge_into(into, std::move(p.store));
}

}  // namespace

input_kind detect_input(const std::string& path) {
  if (path == "-") return input_kind::ndjson;
  std::ifstream in(path, std::ios::binary);
  char head[16] = {};
  in.read(head, sizeof head);
  const std::string_view start(head, static_cast<std::size_t>(in.gcount()));
  if (start == std::string_view("SQLite format 3\0", 16)) return input_kind::sqlite;
  if (start.substr(0, snapshot_magic.size()) == snapshot_magic) return input_kind::snapshot;
  return input_kind::ndjson;
}

ingest_result ingest_ndjson(const survey_set& surveys, std::string_view data, const std::string& name,
                            const ingest_options& options) {
  ingest_result result;
  std::vector<part_output> parts = decode_parallel(surveys, data, name, options);
  add_parts(result, parts, options);
  if (options.drop_duplicates) result.summary.duplicates = drop_duplicates(parts);
  result.store = store_builder(surveys).finish();
  merge_parts(result.store, parts);
  result.summary.known = true;
  result.ok = true;
  return result;
}

ingest_result ingest(const survey_set& surveys, const std::vector<std::string>& inputs, const ingest_options& options) {
  ingest_result result;
  result.summary.known = true;
  std::vector<part_output> parts;
  std::vector<columnar_store> snapshots;
  for (const std::string& path : inputs) {
    switch (detect_input(path)) {
      case input_kind::snapshot: {
        auto loaded = load_snapshot(path);
        if (!loaded.ok) {
          result.error = loaded.error;
          return result;
        }
        result.summary.lines += loaded.summary.lines;
        result.summary.invalid += loaded.summary.invalid;
        result.summary.duplicates += loaded.summary.duplicates;
        snapshots.push_back(std::move(loaded.store));
        break;
      }
      case input_kind::sqlite: {
#ifdef OTKLIK_ANALYSIS_WITH_SQLITE
        std::string ndjson;
        if (!read_collector_database(path, ndjson, result.error)) return result;
        auto more = decode_parallel(surveys, ndjson, path, options);
        add_parts(result, more, options);
        for (part_output& p : more) parts.push_back(std::move(p));
#else
        result.error = path + ": this build reads no collector databases";
        return result;
#endif
        break;
      }
      case input_kind::ndjson: {
        const mapped_file file(path);
        if (!file.ok()) {
          result.error = file.error();
          return result;
        }
        auto more = decode_parallel(surveys, file.data(), path, options);
        add_parts(result, more, options);
        for (part_output& p : more) parts.push_back(std::move(p));
        break;
      }
    }
  }
  if (options.drop_duplicates) result.summary.duplicates += drop_duplicates(parts);
  // Start from a store seeded with every survey, so codes follow the survey directory even without rows.
  result.store = store_builder(surveys).finish();
  merge_parts(result.store, parts);
  for (columnar_store& s : snapshots) merge_into(result.store, std::move(s));
  result.ok = true;
  return result;
}

}  // namespace otklik::analysis
