// analysis_bench --surveys DIR FILE.ndjson: what the store costs and how fast it answers, beside its baselines
// measured in the same run: bytes per response (comments apart), NDJSON ingest against snapshot reload, and
// re-aggregation on one and two threads (the viewer's filter change).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>

#include <CLI/CLI.hpp>

#include "otklik/aggregate.hpp"
#include "otklik/analysis/ingest.hpp"
#include "otklik/analysis/snapshot.hpp"
#include "otklik/native/survey_dir.hpp"

namespace {

double seconds_of(const std::function<void()>& run, int repeats = 1) {
  double best = 1e300;
  for (int i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    run();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"analysis_bench: store size, snapshot reload and aggregation speed"};
  std::string surveys_dir, input, snapshot = "";
  unsigned threads = 2;
  app.add_option("--surveys", surveys_dir)->required();
  app.add_option("--threads", threads);
  app.add_option("--snapshot", snapshot, "where to write the snapshot (default: beside the input)");
  app.add_option("input", input)->required();
  CLI11_PARSE(app, argc, argv);
  if (snapshot.empty()) snapshot = input + ".snapshot";

  const auto dir = otklik::native::load_survey_dir(surveys_dir);
  otklik::analysis::ingest_options options;
  options.threads = threads;
  otklik::analysis::ingest_result ingested;
  const double ingest_seconds = seconds_of([&] { ingested = otklik::analysis::ingest(dir.surveys, {input}, options); });
  if (!ingested.ok) {
    std::fprintf(stderr, "analysis_bench: %s\n", ingested.error.c_str());
    return 2;
  }
  const otklik::columnar_store& store = ingested.store;
  const double rows = static_cast<double>(store.size());
  std::printf("store: %zu responses, %.1f bytes per response in columns (target <= 50), %.1f MB of comments apart\n",
              store.size(), static_cast<double>(store.row_bytes()) / rows, static_cast<double>(store.comment_bytes()) / 1e6);

  if (const std::string error = otklik::analysis::save_snapshot(snapshot, store, ingested.summary); !error.empty()) {
    std::fprintf(stderr, "analysis_bench: %s\n", error.c_str());
    return 2;
  }
  otklik::analysis::snapshot_result loaded;
  const double reload_seconds = seconds_of([&] { loaded = otklik::analysis::load_snapshot(snapshot); }, 3);
  if (!loaded.ok || loaded.store.size() != store.size()) {
    std::fprintf(stderr, "analysis_bench: snapshot reload failed: %s\n", loaded.error.c_str());
    return 2;
  }
  std::printf("snapshot: %.1f MB; reload %.3f s against NDJSON ingest %.3f s (%u threads): %.1fx faster (target >= 10x)\n",
              static_cast<double>(std::filesystem::file_size(snapshot)) / 1e6, reload_seconds, ingest_seconds, threads,
              ingest_seconds / reload_seconds);
  std::filesystem::remove(snapshot);

  const otklik::grouping by_stage{{otklik::dimension::service, otklik::dimension::stage}, otklik::period_unit::month};
  otklik::filter office;
  office.channels = {static_cast<std::uint32_t>(otklik::channel::office)};
  for (const auto& [name, f, g] :
       {std::tuple{"service x stage, no filter", otklik::filter{}, by_stage},
        std::tuple{"service x stage, office only", office, by_stage},
        std::tuple{"service x week", otklik::filter{},
                   otklik::grouping{{otklik::dimension::service, otklik::dimension::period}, otklik::period_unit::week}}}) {
    std::size_t groups = 0;
    const double one = seconds_of([&] { groups = otklik::aggregate(store, f, g).groups.size(); }, 5);
    const double two = seconds_of(
        [&] {
          otklik::aggregation second;
          std::thread helper([&] { second = otklik::aggregate_part(store, f, g, 1, 2); });
          otklik::aggregation first = otklik::aggregate_part(store, f, g, 0, 2);
          helper.join();
          otklik::merge(first, second);
        },
        5);
    std::printf("aggregate %-28s %zu groups: %.1f ms on 1 thread, %.1f ms on 2 (%.0f M responses/s; scaled to 10 M: %.0f ms)\n",
                name, groups, one * 1e3, two * 1e3, rows / two / 1e6, two * 1e3 * 1e7 / rows);
  }
  return 0;
}
