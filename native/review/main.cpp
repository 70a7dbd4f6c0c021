// otklik-review [INPUT...]: the reviewer's desktop viewer. With --screenshot, --dump-json or --dump-csv it loads,
// renders the chosen view, writes the files and exits (tests and documentation use it under Xvfb).
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <imgui.h>

#include "app/app.hpp"
#include "output/displayed_json.hpp"
#include "output/export.hpp"
#include "platform/window.hpp"

namespace {

using namespace otklik::review;

struct command_line {
  app_options app;
  window_options window;
  std::string screenshot, dump_json, dump_csv;
  double timeout = 300.0;
  std::string size = "1280x800";
  [[nodiscard]] bool scripted() const { return !screenshot.empty() || !dump_json.empty() || !dump_csv.empty(); }
};

// Writes what a scripted run asked for; the exit status.
int write_outputs(const command_line& args, review_app& app, gl_window& window) {
  int status = 0;
  if (!args.screenshot.empty()) {
    const std::string problem = write_png(args.screenshot, window.capture());
    if (!problem.empty()) {
      std::fprintf(stderr, "otklik-review: %s\n", problem.c_str());
      status = 2;
    }
  }
  if (!args.dump_json.empty()) {
    const std::string problem = write_text_file(args.dump_json, displayed_json(*app.models()));
    if (!problem.empty()) {
      std::fprintf(stderr, "otklik-review: %s\n", problem.c_str());
      status = 2;
    }
  }
  if (!args.dump_csv.empty()) {
    const std::string problem = write_text_file(args.dump_csv, app.current_csv());
    if (!problem.empty()) {
      std::fprintf(stderr, "otklik-review: %s\n", problem.c_str());
      status = 2;
    }
  }
  return status;
}

int run(command_line& args) {
  std::string error;
  auto window = gl_window::create(args.window, error);
  if (window == nullptr) {
    std::fprintf(stderr, "otklik-review: %s\n", error.c_str());
    return 2;
  }
  // Scripted runs ignore the pointer, so a screenshot never shows a tooltip of wherever the cursor happens to be.
  if (args.scripted()) ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NoMouse;
  review_app app(args.app, window->type(), window->scale());
  const auto start = std::chrono::steady_clock::now();
  int settled_frames = 0, extra_frames = 2;
  float applied_scale = window->scale();
  while (!window->should_close() && !app.quit_requested()) {
    // Idle: sleep until input; while something loads or counts, keep drawing so progress shows. After waking,
    // one more frame settles hover and focus.
    const bool eager = args.scripted() || app.busy() || extra_frames > 0;
    // An unchanged frame is not presented, so no buffer swap paces the loop: wait up to a display refresh for
    // input instead of spinning while a background job runs.
    const double pace = window->drawn() ? 0.0 : 1.0 / 60.0;
    window->wait_events(eager ? pace : 1.0);
    extra_frames = eager ? std::max(extra_frames - 1, 0) : 1;
    const std::vector<std::string> dropped = window->take_dropped();
    if (!dropped.empty()) app.drop(dropped);
    // The reviewer's zoom asks the window for new fonts; a monitor change gives new fonts on its own. Either way
    // the app gets the rebuilt fonts before it draws with them.
    if (std::abs(app.scale() - applied_scale) > 0.01f) window->set_scale(app.scale());
    window->begin_frame();
    if (std::abs(window->scale() - applied_scale) > 0.01f) {
      applied_scale = window->scale();
      app.set_fonts(window->type(), applied_scale);
    }
    app.frame();
    window->render();
    if (const auto request = app.take_png_request()) {
      const image frame = window->capture();
      const float ratio = window->pixel_ratio();
      const image part = request->whole_window
                             ? frame
                             : crop(frame, static_cast<int>(request->x * ratio), static_cast<int>(request->y * ratio),
                                    static_cast<int>(request->width * ratio), static_cast<int>(request->height * ratio));
      app.png_written(request->path, write_png(request->path, part));
    }
    if (args.scripted()) {
      if (app.failed()) {
        std::fprintf(stderr, "otklik-review: %s\n", app.error().c_str());
        return 2;
      }
      // A few settled frames first: ImGui sizes some windows from the previous frame.
      settled_frames = app.settled() ? settled_frames + 1 : 0;
      if (settled_frames >= 4) return write_outputs(args, app, *window);
      if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > args.timeout) {
        std::fprintf(stderr, "otklik-review: gave up after %.0f s without the view ready\n", args.timeout);
        return 3;
      }
    }
    window->present();
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"otklik-review: the reviewer's viewer of Otklik feedback (NDJSON, collector databases, snapshots)"};
  command_line args;
  std::string lang = "en", look = "dark", view = "overview", period = "month";
  cli.add_option("inputs", args.app.inputs, "NDJSON files, collector databases (.db) or snapshots");
  cli.add_option("--surveys", args.app.surveys_dir, "directory of the *.json surveys the responses answer");
  cli.add_option("--lang", lang, "interface language: en or ru")->check(CLI::IsMember({"en", "ru"}));
  cli.add_option("--theme", look, "dark or light")->check(CLI::IsMember({"dark", "light"}));
  cli.add_option("--scale", args.window.scale, "interface scale (default: the monitor's)")->check(CLI::Range(0.5f, 4.0f));
  cli.add_option("--k", args.app.k, "hide groups with fewer responses (default: the surveys' strictest k)")
      ->check(CLI::Range(1u, 1000000u));
  cli.add_option("--view", view, "overview, journey, trends, drivers, comments or alerts")
      ->check(CLI::IsMember({"overview", "journey", "trends", "drivers", "comments", "alerts"}));
  // One value per --filter, so that inputs after it stay inputs.
  cli.add_option("--filter", args.app.filters,
                 "dimension=value[,value] with service, stage, channel, region, locale, from=YYYY-MM, to=YYYY-MM")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cli.add_option("--period", period, "trend period: day, week or month")->check(CLI::IsMember({"day", "week", "month"}));
  cli.add_option("--search", args.app.search, "comments view: search text");
  cli.add_option("--size", args.size, "window size WIDTHxHEIGHT");
  cli.add_option("--threads", args.app.threads, "threads reading and counting")->check(CLI::Range(1u, 64u));
  std::size_t cube_mb = 128;
  cli.add_option("--cube-mb", cube_mb, "memory for the count cube that makes filter changes instant (0: none)");
  cli.add_option("--font-dir", args.window.font_dir, "folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf");
  cli.add_option("--screenshot", args.screenshot, "load, render the view, write this PNG and exit");
  cli.add_option("--dump-json", args.dump_json, "load, write the numbers shown as JSON and exit");
  cli.add_option("--dump-csv", args.dump_csv, "load, write the view's CSV export and exit");
  cli.add_option("--timeout", args.timeout, "scripted runs give up after this many seconds");
  CLI11_PARSE(cli, argc, argv);

  args.app.cube_bytes = cube_mb << 20;
  args.app.lang = *parse_language(lang);
  args.app.look = *parse_theme(look);
  args.app.view = *parse_view(view);
  args.app.unit = *otklik::parse_period_unit(period);
  if (std::sscanf(args.size.c_str(), "%dx%d", &args.window.width, &args.window.height) != 2 || args.window.width < 320 ||
      args.window.height < 240) {
    std::fprintf(stderr, "otklik-review: --size reads WIDTHxHEIGHT, at least 320x240\n");
    return 2;
  }
  if (args.scripted()) {
    args.window.vsync = false;
    if (args.app.inputs.empty()) {
      std::fprintf(stderr, "otklik-review: --screenshot, --dump-json and --dump-csv need inputs\n");
      return 2;
    }
  }
  return run(args);
}
