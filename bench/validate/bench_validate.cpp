// Benchmark: `otklik validate`'s work (parse + decode + check every line against its survey) on a
// generated NDJSON file of at least 100 MB, beside simdjson's bare DOM parse of the same lines.
// Usage: bench_validate [MEGABYTES=100] [SURVEYS_DIR] [RUNS=3] [WRITE_TO.ndjson]. Prints MB/s for both and their ratio.
// RUNS=1 with a small size suits `valgrind --tool=callgrind`, whose instruction counts do not depend
// on what else the machine is doing.
#include <simdjson.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "otklik/native/survey_dir.hpp"
#include "otklik/validate.hpp"

namespace {

// Deterministic realistic responses: 3 surveys' worth of answers, comments of varied length, 5 % invalid.
std::string generate(std::size_t bytes) {
  std::string out;
  out.reserve(bytes + 4096);
  std::uint64_t x = 88172645463325252ull;
  auto next = [&] { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x; };
  static const char* stages[] = {"info", "application", "result"};
  static const char* channels[] = {"web", "mobile", "office", "phone", "kiosk"};
  static const char* comments[] = {"Всё прошло быстро, спасибо сотрудникам МФЦ.",
                                   "Долго ждал в очереди, электронная очередь не работала, окно 5 закрыто.",
                                   "The online form kept timing out at the payment step.", "Нормально",
                                   "Не смог записаться через портал, пришлось звонить три раза, никто не отвечал."};
  std::size_t n = 0;
  while (out.size() < bytes) {
    const auto r = next();
    const char* stage = stages[r % 3];
    const char* ch = channels[(r >> 8) % 5];
    char line[1024];
    const bool queue = std::string_view(ch) == "office" && std::string_view(stage) != "info";
    const int overall = static_cast<int>((r >> 16) % 5) + 1 + ((r >> 40) % 20 == 0 ? 5 : 0);  // 5 % out of range
    int len = std::snprintf(
        line, sizeof line,
        R"({"format":"otklik.response/1","id":"r%015zu-%08x","survey":"passport-renewal","service":"passport-renewal",)"
        R"("stage":"%s","channel":"%s","locale":"%s","submitted_at":"2026-%02d-%02dT%02d:%02d:00Z","answers":{"overall":%d,)"
        R"("time":%d,%s"effort":%d,"recommend":%d,"goal":"%s","comment":"%s"},"region":"RU-MOW"})",
        n, static_cast<unsigned>(r >> 32), stage, ch, (r >> 20) % 2 ? "ru" : "en", static_cast<int>((r >> 24) % 12) + 1,
        static_cast<int>((r >> 28) % 28) + 1, static_cast<int>((r >> 33) % 24), static_cast<int>((r >> 38) % 60), overall,
        static_cast<int>((r >> 44) % 5) + 1, queue ? "\"queue\":3," : "", static_cast<int>((r >> 47) % 7) + 1,
        static_cast<int>((r >> 50) % 11), (r >> 54) % 3 == 0 ? "partly" : "yes", comments[(r >> 57) % 5]);
    out.append(line, static_cast<std::size_t>(len));
    out.push_back('\n');
    ++n;
  }
  return out;
}

std::vector<std::string_view> split_lines(const std::string& text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t nl = text.find('\n', start);
    const std::size_t end = nl == std::string::npos ? text.size() : nl;
    lines.emplace_back(text.data() + start, end - start);
    start = end + 1;
  }
  return lines;
}

template <class F>
double best_seconds(int runs, F&& f) {
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t megabytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100;
  const std::string surveys_dir = argc > 2 && argv[2][0] ? argv[2] : std::string(OTKLIK_VECTORS_DIR) + "/surveys";
  const int runs = argc > 3 ? std::atoi(argv[3]) : 3;
  const auto loaded = otklik::native::load_survey_dir(surveys_dir);
  if (!loaded.errors.empty()) {
    std::fprintf(stderr, "bench_validate: %s\n", loaded.errors.front().c_str());
    return 2;
  }
  const std::string data = generate(megabytes << 20);
  const auto lines = split_lines(data);
  const double mb = static_cast<double>(data.size()) / 1e6;
  std::printf("input: %.1f MB, %zu lines (generated, about 5 %% invalid)\n", mb, lines.size());

  simdjson::dom::parser parser;
  std::size_t parsed = 0;
  const double bare = best_seconds(runs, [&] {
    parsed = 0;
    for (const auto line : lines) parsed += !parser.parse(line.data(), line.size(), true).error();
  });

  otklik::validator checker;
  std::size_t valid = 0;
  const double full = best_seconds(runs, [&] {
    valid = 0;
    for (const auto line : lines) valid += checker.check(loaded.surveys, line).ok();
  });

  // As `otklik validate` runs it: the lines split between one validator per core.
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::atomic<std::size_t> valid_parallel{0};
  const double parallel = best_seconds(runs, [&] {
    valid_parallel = 0;
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < cores; ++t) {
      workers.emplace_back([&, t] {
        otklik::validator own;
        std::size_t ok = 0;
        for (std::size_t i = t; i < lines.size(); i += cores) ok += own.check(loaded.surveys, lines[i]).ok();
        valid_parallel += ok;
      });
    }
    for (auto& w : workers) w.join();
  });

  std::printf("baseline  simdjson DOM parse only : %8.1f MB/s  (%zu parsed)\n", mb / bare, parsed);
  std::printf("otklik    validate (parse+check)  : %8.1f MB/s  (%zu valid, %zu invalid)\n", mb / full, valid,
              lines.size() - valid);
  std::printf("otklik    validate on %u cores     : %8.1f MB/s  (%zu valid)\n", cores, mb / parallel,
              valid_parallel.load());
  std::printf("ratio     validate / bare parse   : %8.2f (one core)\n", bare / full);
  if (argc > 4) {  // keep the file, to time `otklik validate` itself
    std::FILE* f = std::fopen(argv[4], "wb");
    if (!f || std::fwrite(data.data(), 1, data.size(), f) != data.size()) return 2;
    std::fclose(f);
  }
  return 0;
}
