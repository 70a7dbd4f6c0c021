// bench_review: the viewer with 10 million generated responses. Loads them (NDJSON through the analysis library),
// times filter changes (the viewer's one counting pass and every table derived from it) beside a naive row-by-row
// std::string-keyed count of the same rows, and times idle frames of every view in an OpenGL window (run it under
// xvfb-run; frames are skipped without a display). Prints the load average beside the figures: timings are noisy
// on a shared machine.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <GL/gl.h>
#include <imgui.h>

#include "app/app.hpp"
#include "app/count_cube.hpp"
#include "app/loader.hpp"
#include "app/models.hpp"
#include "dataset.hpp"
#include "naive_count.hpp"
#include "otklik/analysis/ingest.hpp"
#include "otklik/native/survey_dir.hpp"
#include "platform/window.hpp"

namespace {

using namespace otklik;
using namespace otklik::review;
using clock_type = std::chrono::steady_clock;

double ms_since(clock_type::time_point start) {
  return std::chrono::duration<double, std::milli>(clock_type::now() - start).count();
}

// CPU seconds of the whole process (all threads), so that a loaded machine shows as wall time above CPU time.
double process_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  return v.size() % 2 == 1 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2.0;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

double resident_mb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0.0;
}

// Writes `count` generated responses as NDJSON (the dataset the tests and generate_dataset make, seed 1).
void generate(const survey_set& surveys, std::uint64_t count, const std::string& path) {
  std::FILE* out = std::fopen(path.c_str(), "wb");
  if (out == nullptr) throw std::runtime_error("cannot write " + path);
  test::dataset_options options;
  options.count = count;
  options.months = 12;   // a year of national feedback
  std::string line;
  test::generate_responses(surveys, options, [&](const response& r) {
    line = to_json(r);
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), out);
  });
  std::fclose(out);
}

// The filter changes a reviewer makes, as the viewer's filter panel produces them.
std::vector<std::pair<std::string, filter_state>> filter_changes(const columnar_store& store) {
  std::vector<std::pair<std::string, filter_state>> out;
  out.push_back({"none", {}});
  filter_state stage;
  stage.stages = {*store.stages.find("application"), *store.stages.find("exam"), *store.stages.find("decision")};
  out.push_back({"stage: 3 of 7", stage});
  filter_state channels;
  channels.channels = {static_cast<std::uint32_t>(channel::office), static_cast<std::uint32_t>(channel::web)};
  out.push_back({"channel: office, web", channels});
  filter_state regions;
  for (std::uint32_t code = 1; code < store.regions.size() && code <= 10; ++code) regions.regions.push_back(code);
  out.push_back({"region: 10 regions", regions});
  filter_state months;
  months.first_month = static_cast<std::uint32_t>(2026 * 12 + 8);   // 2026-09 .. 2026-11
  months.last_month = static_cast<std::uint32_t>(2026 * 12 + 10);
  out.push_back({"period: 3 months", months});
  filter_state service;
  service.services = {*store.services.find("passport-renewal")};
  service.locales = {*store.locales.find("ru")};
  out.push_back({"service + locale", service});
  return out;
}

bench::naive_filter naive_of(const columnar_store& store, const filter& f) {
  bench::naive_filter n;
  for (const auto code : f.services) n.services.insert(store.services.word(code));
  for (const auto code : f.stages) n.stages.insert(store.stages.word(code));
  for (const auto code : f.channels) n.channels.insert(std::string(to_string(static_cast<channel>(code))));
  for (const auto code : f.regions) n.regions.insert(store.regions.word(code));
  for (const auto code : f.locales) n.locales.insert(store.locales.word(code));
  n.first_hour = f.first_hour;
  n.end_hour = f.end_hour;
  return n;
}

// The naive count must find the groups the viewer counts, or the comparison means nothing.
bool same_counts(const columnar_store& store, const aggregation& fast, const bench::naive_result& naive) {
  if (fast.responses != naive.responses || fast.groups.size() != naive.groups.size()) return false;
  for (const group& g : fast.groups) {
    const std::string key = store.services.word(g.key[0]) + "|" + store.stages.word(g.key[1]) + "|" +
                            period_label(g.key[2], fast.by.period);
    const auto it = naive.groups.find(key);
    if (it == naive.groups.end() || !(it->second == g.counts)) return false;
  }
  return true;
}

// What the rasterizer must do for a frame, independent of the machine's load: triangles, and pixels they cover
// (each triangle's area within its clip rectangle's bounds; overlapping triangles count twice, as they are
// shaded twice).
struct raster_work {
  int vertices = 0, triangles = 0, draws = 0;
  double pixels = 0.0;
};

raster_work raster_work_of(const ImDrawData& d) {
  raster_work w;
  w.vertices = d.TotalVtxCount;
  for (int l = 0; l < d.CmdListsCount; ++l) {
    const ImDrawList& list = *d.CmdLists[l];
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      if (cmd.UserCallback != nullptr || cmd.ElemCount == 0) continue;
      const ImVec4 clip = cmd.ClipRect;
      if (clip.z <= clip.x || clip.w <= clip.y) continue;
      ++w.draws;
      for (unsigned e = 0; e + 2 < cmd.ElemCount; e += 3) {
        ImVec2 p[3];
        for (int v = 0; v < 3; ++v) {
          p[v] = list.VtxBuffer[static_cast<int>(cmd.VtxOffset + list.IdxBuffer[static_cast<int>(cmd.IdxOffset + e + v)])].pos;
        }
        const float min_x = std::max(clip.x, std::min({p[0].x, p[1].x, p[2].x}));
        const float max_x = std::min(clip.z, std::max({p[0].x, p[1].x, p[2].x}));
        const float min_y = std::max(clip.y, std::min({p[0].y, p[1].y, p[2].y}));
        const float max_y = std::min(clip.w, std::max({p[0].y, p[1].y, p[2].y}));
        if (max_x <= min_x || max_y <= min_y) continue;   // scissored away before rasterizing
        ++w.triangles;
        const double area = std::abs((p[1].x - p[0].x) * (p[2].y - p[0].y) - (p[2].x - p[0].x) * (p[1].y - p[0].y)) * 0.5;
        w.pixels += std::min(area, static_cast<double>((max_x - min_x) * (max_y - min_y)));
      }
    }
  }
  return w;
}

struct frame_times {
  std::vector<double> ui_cpu, wall, cpu;
  int drawn = 0;   // frames rasterized (the rest were copied from the kept frame)
};

// Times `frames` frames built by `build` (between NewFrame and Render): the interface's own work (building the
// frame and ImGui's tessellation) as CPU time, and the whole frame to glFinish (the software rasterizer's work
// belongs to it) as wall time and as CPU time of the process (every thread: llvmpipe rasterizes on its own
// threads). With `reuse`, a frame equal to the previous one is copied (what the viewer does when idle); without,
// every frame is rasterized again (what a frame costs when something on it changed, say a hovered row).
template <typename Build>
frame_times time_frames(gl_window& window, int frames, bool reuse, Build build, raster_work& work) {
  frame_times t;
  window.set_frame_reuse(reuse);
  for (int i = 0; i < frames; ++i) {
    const auto start = clock_type::now();
    const double cpu_start = process_cpu_ms();
    window.wait_events(0.0);
    window.begin_frame();
    build();
    ImGui::Render();   // what render() starts with; timed apart as the interface's own work
    t.ui_cpu.push_back(process_cpu_ms() - cpu_start);
    work = raster_work_of(*ImGui::GetDrawData());
    window.render();
    glFinish();
    t.wall.push_back(ms_since(start));
    t.cpu.push_back(process_cpu_ms() - cpu_start);
    t.drawn += window.drawn() ? 1 : 0;
    window.present();
  }
  window.set_frame_reuse(true);
  return t;
}

void print_times(const char* name, const frame_times& idle, const frame_times& redrawn, const raster_work& w,
                 double baseline_cpu, double settle) {
  std::printf("  %-9s %6.2f %6.2f %7.2f %7.2f %6.2f %6.2f %4d %7.2f %7.2f %6.2f %6.2f %6.1fx %6.1f %8d %6.2f %5d\n",
              name, median(idle.ui_cpu), percentile(idle.ui_cpu, 0.95), median(idle.wall), percentile(idle.wall, 0.95),
              median(idle.cpu), percentile(idle.cpu, 0.95), idle.drawn, median(redrawn.wall),
              percentile(redrawn.wall, 0.95), median(redrawn.cpu), percentile(redrawn.cpu, 0.95),
              median(redrawn.cpu) / std::max(baseline_cpu, 1e-9), settle, w.triangles, w.pixels / 1e6,
              w.draws);
}

void bench_frames(const dataset_ptr& data, int frames, unsigned threads, int width, int height,
                  const std::vector<std::string>& only) {
  std::string error;
  window_options options;
  options.width = width;
  options.height = height;
  options.vsync = false;
  options.scale = 1.0f;
  auto window = gl_window::create(options, error);
  if (window == nullptr) {
    std::printf("\nframes: skipped (%s)\n", error.c_str());
    return;
  }
  std::printf("\nframes with the data loaded, %dx%d window, %s, %d frames per view and way after the view settled;\n"
              "ms per frame, median and p95. ui = CPU time building the frame (widgets, charts, ImGui's tessellation);\n"
              "idle = what the viewer does when nothing changed (the frame equals the one on screen: neither rasterized\n"
              "nor presented; drawn = frames rasterized all the same);\n"
              "redrawn = every frame rasterized again (a frame where something changed, e.g. a hovered row);\n"
              "wall to glFinish; cpu = CPU time of all threads (llvmpipe rasterizes on its own), the figure to trust on\n"
              "a loaded machine; x empty = redrawn cpu over the empty frame's; triangles and Mpixels (covered,\n"
              "overlaps counted) are the rasterizer's work, the same on any machine\n",
              width, height, reinterpret_cast<const char*>(glGetString(GL_RENDERER)), frames);
  std::printf("  %-9s %13s %15s %13s %4s %15s %13s %7s %6s %8s %6s %5s\n", "", "ui cpu", "idle wall", "idle cpu",
              "", "redrawn wall", "redrawn cpu", "", "", "", "", "");
  std::printf("  %-9s %6s %6s %7s %7s %6s %6s %4s %7s %7s %6s %6s %7s %6s %8s %6s %5s\n", "view", "med", "p95", "med",
              "p95", "med", "p95", "drawn", "med", "p95", "med", "p95", "xempty", "settle", "triangles", "Mpix", "draws");
  // Baseline in the same window: a frame with nothing in it (clear, an empty ImGui frame, the same copy to the
  // window and glFinish), the floor the software rasterizer sets before the viewer draws anything.
  raster_work work;
  const frame_times empty_idle = time_frames(*window, frames, true, [] {}, work);
  const frame_times empty = time_frames(*window, frames, false, [] {}, work);
  const double baseline_cpu = median(empty.cpu);
  print_times("(empty)", empty_idle, empty, work, baseline_cpu, 0.0);
  app_options app_opts;
  app_opts.threads = threads;
  review_app app(app_opts, window->type(), window->scale());
  app.adopt(data);
  for (const view_id v : all_views) {
    if (!only.empty() && std::find(only.begin(), only.end(), to_string(v)) == only.end()) continue;
    app.show(v);
    const auto settle_start = clock_type::now();
    int settled = 0;
    while (settled < 3 && ms_since(settle_start) < 600'000.0) {
      window->wait_events(0.0);
      window->begin_frame();
      app.frame();
      window->render();
      window->present();
      settled = app.settled() ? settled + 1 : 0;
      if (!app.settled()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const double settle = ms_since(settle_start) / 1000.0;
    const frame_times idle = time_frames(*window, frames, true, [&] { app.frame(); }, work);
    const frame_times redrawn = time_frames(*window, frames, false, [&] { app.frame(); }, work);
    print_times(std::string(to_string(v)).c_str(), idle, redrawn, work, baseline_cpu, settle);
  }
}

// Filter changes timed through the viewer's compute_models, the counting pass beside its baselines; false when
// the cube and the rows disagree.
bool bench_filter_changes(const dataset_ptr& data, int repeats, int naive_repeats, unsigned threads) {
  const columnar_store& store = data->store;
  // Filter changes: the viewer's compute_models (the counts, then every view's tables), from the cube as the viewer
  // does, and by one pass over the rows on `threads` threads (week and day trends, or a cube over budget).
  std::printf("\nfilter change -> every view's tables (median of %d; cpu = CPU time of all threads, what the change\n"
              "costs without other users of the cores)\n", repeats);
  std::printf("  %-22s %11s %14s %16s %12s\n", "filter", "responses", "viewer (cube)", "rows, pass", "rows, cpu");
  std::vector<double> all_cube, all_rows, all_cpu;
  const auto changes = filter_changes(store);
  for (const auto& [name, state] : changes) {
    std::vector<double> cube_totals, row_totals, cpu;
    std::uint64_t responses = 0;
    for (int r = 0; r < repeats; ++r) {
      const filter rows = state.to_filter();
      auto start = clock_type::now();
      const view_models a = compute_models({data, rows, store.strictest_k(), period_unit::month, 0.05, threads, true});
      cube_totals.push_back(ms_since(start));
      const double cpu_start = process_cpu_ms();
      start = clock_type::now();
      const view_models b = compute_models({data, rows, store.strictest_k(), period_unit::month, 0.05, threads, false});
      row_totals.push_back(ms_since(start));
      cpu.push_back(process_cpu_ms() - cpu_start);
      if (a.responses != b.responses || !a.from_cube) {
        std::fprintf(stderr, "bench_review: the cube and the rows disagree on %s\n", name.c_str());
        return false;
      }
      responses = a.responses;
    }
    all_cube.insert(all_cube.end(), cube_totals.begin(), cube_totals.end());
    all_rows.insert(all_rows.end(), row_totals.begin(), row_totals.end());
    all_cpu.insert(all_cpu.end(), cpu.begin(), cpu.end());
    std::printf("  %-22s %11llu %11.2f ms %13.1f ms %9.1f ms\n", name.c_str(), static_cast<unsigned long long>(responses),
                median(cube_totals), median(row_totals), median(cpu));
  }
  std::printf("  %-22s %11s %11.2f ms %13.1f ms %9.1f ms   (max %.2f ms / %.1f ms)\n", "all changes", "",
              median(all_cube), median(all_rows), median(all_cpu), *std::max_element(all_cube.begin(), all_cube.end()),
              *std::max_element(all_rows.begin(), all_rows.end()));

  // Baselines on the same rows in the same run: the core's pass on one thread, and the naive string-keyed loop.
  const filter probe = changes[1].second.to_filter();
  const grouping finest{{dimension::service, dimension::stage, dimension::period}, period_unit::month};
  std::vector<double> one_thread, naive;
  aggregation fast;
  for (int r = 0; r < repeats; ++r) {
    const auto start = clock_type::now();
    fast = aggregate(store, probe, finest);
    one_thread.push_back(ms_since(start));
  }
  bench::naive_result slow;
  for (int r = 0; r < naive_repeats; ++r) {
    const auto start = clock_type::now();
    slow = bench::naive_count(store, naive_of(store, probe), period_unit::month);
    naive.push_back(ms_since(start));
  }
  std::vector<double> parallel;
  for (int r = 0; r < repeats; ++r) {
    const auto start = clock_type::now();
    const aggregation a = count_in_parallel(store, probe, finest, threads);
    parallel.push_back(ms_since(start));
  }
  std::printf("\ncounting pass for \"%s\" (service x stage x month):\n", changes[1].first.c_str());
  std::printf("  viewer, %u threads          %9.1f ms\n", threads, median(parallel));
  std::printf("  core aggregate(), 1 thread  %9.1f ms\n", median(one_thread));
  std::printf("  naive std::string-keyed     %9.1f ms  (%.0fx the viewer; same counts: %s)\n", median(naive),
              median(naive) / std::max(median(parallel), 1e-9), same_counts(store, fast, slow) ? "yes" : "NO");

  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"bench_review: the viewer with millions of responses (load, filter changes, idle frames)"};
  std::uint64_t count = 10'000'000;
  std::string data_path, surveys_dir = std::string(OTKLIK_VECTORS_DIR) + "/surveys";
  int repeats = 7, naive_repeats = 3, frames = 60, width = 1280, height = 800;
  unsigned threads = 2;
  bool no_frames = false, frames_only = false;
  std::vector<std::string> view_names;
  cli.add_option("--count", count, "responses to generate");
  cli.add_option("--data", data_path, "NDJSON file (generated when missing; default bench/data/review-COUNT.ndjson)");
  cli.add_option("--surveys", surveys_dir, "surveys the responses answer");
  cli.add_option("--repeats", repeats, "timed runs of each filter change");
  cli.add_option("--naive-repeats", naive_repeats, "timed runs of the naive count");
  cli.add_option("--frames", frames, "timed frames per view");
  cli.add_option("--width", width, "window width");
  cli.add_option("--height", height, "window height");
  cli.add_option("--threads", threads, "threads reading and counting");
  cli.add_flag("--no-frames", no_frames, "skip the frames (no display)");
  cli.add_flag("--frames-only", frames_only, "skip the filter changes and counting passes (load, then frames)");
  cli.add_option("--views", view_names, "views to time (default: all)");
  CLI11_PARSE(cli, argc, argv);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);   // figures appear as they are measured, also in a log file
  if (data_path.empty()) data_path = std::string(OTKLIK_BENCH_DATA_DIR) + "/review-" + std::to_string(count) + ".ndjson";

  std::printf("bench_review: %llu responses, %u threads, load average at start %s\n",
              static_cast<unsigned long long>(count), threads, load_average().c_str());
  auto dir = native::load_survey_dir(surveys_dir);
  if (dir.surveys.all().empty()) {
    std::fprintf(stderr, "bench_review: no surveys in %s\n", surveys_dir.c_str());
    return 2;
  }
  if (!std::filesystem::exists(data_path)) {
    std::filesystem::create_directories(std::filesystem::path(data_path).parent_path());
    const auto start = clock_type::now();
    generate(dir.surveys, count, data_path);
    std::printf("generated %s in %.1f s (not a figure of the viewer)\n", data_path.c_str(), ms_since(start) / 1000.0);
  }

  // Load: what File > Open does (the loader's ingest on `threads` threads).
  const double rss_before = resident_mb();
  const auto load_start = clock_type::now();
  analysis::ingest_options ingest_options;
  ingest_options.threads = threads;
  auto ingested = analysis::ingest(dir.surveys, {data_path}, ingest_options);
  const double load_s = ms_since(load_start) / 1000.0;
  if (!ingested.ok) {
    std::fprintf(stderr, "bench_review: %s\n", ingested.error.c_str());
    return 2;
  }
  auto data = std::make_shared<dataset>();
  data->surveys = dir.surveys;
  data->store = std::move(ingested.store);
  data->summary = ingested.summary;
  const columnar_store& store = data->store;
  const double bytes = static_cast<double>(std::filesystem::file_size(data_path));
  std::printf("\nload: %zu responses (%llu invalid) from %.2f GB in %.2f s = %.2f GB/s; rows %.0f MB (%.1f B/response), "
              "comments %.0f MB, process grew %.0f MB\n",
              store.size(), static_cast<unsigned long long>(ingested.summary.invalid), bytes / 1e9, load_s,
              bytes / 1e9 / load_s, static_cast<double>(store.row_bytes()) / 1e6,
              static_cast<double>(store.row_bytes()) / static_cast<double>(std::max<std::size_t>(store.size(), 1)),
              static_cast<double>(store.comment_bytes()) / 1e6, resident_mb() - rss_before);

  // The count cube the loader builds (one more pass, at load).
  const auto cube_start = clock_type::now();
  data->cube = build_cube(store, std::size_t{128} << 20, threads);
  const double cube_ms = ms_since(cube_start);
  if (data->cube) {
    std::printf("count cube: %zu cells, %.0f MB, built in %.0f ms at load\n", data->cube->cells.groups.size(),
                static_cast<double>(data->cube->cells.groups.size() * bytes_per_cell(store)) / 1e6, cube_ms);
  } else {
    std::printf("count cube: over its 128 MB budget, not built (%zu cells)\n", cube_cells(store));
  }

  if (!frames_only && !bench_filter_changes(data, repeats, naive_repeats, threads)) return 2;
  if (!no_frames) bench_frames(data, frames, threads, width, height, view_names);
  std::printf("\nload average at end %s; process %.0f MB resident\n", load_average().c_str(), resident_mb());
  return 0;
}
