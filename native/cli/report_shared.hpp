// report_shared.hpp — what `otklik report` and `otklik ingest` both do with ingest results and output files.
#pragma once

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "otklik/analysis/ingest.hpp"
#include "otklik/analysis/progress.hpp"
#include "otklik/messages.hpp"

namespace otklik::cli {

// Tells standard error how many lines were invalid and why the first ones were (never fatal).
inline void print_invalid_summary(const char* who, const analysis::ingest_result& ingested) {
  if (ingested.summary.invalid > 0) {
    std::fprintf(stderr, "%s: %llu of %llu lines are invalid and were skipped\n", who,
                 static_cast<unsigned long long>(ingested.summary.invalid),
                 static_cast<unsigned long long>(ingested.summary.lines));
    for (const analysis::invalid_line& line : ingested.invalid_examples) {
      const issue& first = line.issues.front();
      std::fprintf(stderr, "  %s:%llu: %s: %s\n", line.source.c_str(), static_cast<unsigned long long>(line.line),
                   first.path.empty() ? "/" : first.path.c_str(), message(first, "en").c_str());
    }
  }
  if (ingested.summary.duplicates > 0) {
    std::fprintf(stderr, "%s: %llu responses repeat an earlier id and were dropped\n", who,
                 static_cast<unsigned long long>(ingested.summary.duplicates));
  }
}

// Reads every input into one store (a progress bar on a terminal), telling standard error what was invalid;
// false after saying why an input could not be read at all.
inline bool read_inputs(const char* who, const survey_set& surveys, const std::vector<std::string>& inputs,
                        unsigned threads, analysis::ingest_result& out) {
  analysis::ingest_options options;
  options.threads = threads;
  options.progress = analysis::stderr_is_terminal();
  out = analysis::ingest(surveys, inputs, options);
  if (!out.ok) {
    std::fprintf(stderr, "%s: %s\n", who, out.error.c_str());
    return false;
  }
  print_invalid_summary(who, out);
  return true;
}

// `--timings`: wall and CPU seconds (all threads) of each phase since the previous one, on standard error.
class phase_clock {
 public:
  explicit phase_clock(bool enabled) : enabled_(enabled) { now(wall_, cpu_); }
  void lap(const char* phase) {
    if (!enabled_) return;
    double wall, cpu;
    now(wall, cpu);
    std::fprintf(stderr, "%-40s %7.3f s wall %7.3f s CPU\n", phase, wall - wall_, cpu - cpu_);
    wall_ = wall;
    cpu_ = cpu;
  }

 private:
  static void now(double& wall, double& cpu) {
    wall = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    timespec t{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    cpu = static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  }
  bool enabled_;
  double wall_ = 0, cpu_ = 0;
};

// Writes `text` to `path` ("-": standard output); false after telling standard error why.
inline bool write_output(const std::string& path, const std::string& text, const char* who) {
  std::FILE* out = path == "-" ? stdout : std::fopen(path.c_str(), "wb");
  if (out == nullptr) {
    std::fprintf(stderr, "%s: cannot write %s\n", who, path.c_str());
    return false;
  }
  const bool ok = std::fwrite(text.data(), 1, text.size(), out) == text.size() && std::fflush(out) == 0;
  if (out != stdout) std::fclose(out);
  if (!ok) std::fprintf(stderr, "%s: cannot write %s\n", who, path.c_str());
  return ok;
}

}  // namespace otklik::cli
