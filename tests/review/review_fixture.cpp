// Fixture: the dataset is ingested with the same library the viewer uses; the program runs through std::system
// so that xvfb-run gives it a display of its own.
#include "review_fixture.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

#include <stb_image.h>

#include "otklik/analysis/ingest.hpp"
#include "otklik/native/read_file.hpp"
#include "otklik/native/survey_dir.hpp"

namespace otklik::review::test {

dataset_ptr test_dataset() {
  static const dataset_ptr data = [] {
    auto out = std::make_shared<dataset>();
    auto dir = native::load_survey_dir(std::string(OTKLIK_VECTORS_DIR) + "/surveys");
    if (!dir.errors.empty()) throw std::runtime_error(dir.errors.front());
    out->surveys = std::move(dir.surveys);
    analysis::ingest_options options;
    auto ingested = analysis::ingest(out->surveys, {OTKLIK_REVIEW_DATA}, options);
    if (!ingested.ok) throw std::runtime_error(ingested.error + " (run the review.dataset test first)");
    out->store = std::move(ingested.store);
    out->summary = ingested.summary;
    out->inputs = {OTKLIK_REVIEW_DATA};
    out->cube = build_cube(out->store, std::size_t{64} << 20, 2);   // as the loader does
    return dataset_ptr(std::move(out));
  }();
  return data;
}

int run_viewer(const std::string& arguments) {
  // The viewer's own exit status is written to a file by the shell xvfb-run starts: xvfb-run's status is the
  // viewer's only when xvfb-run's own clean-up succeeds, and that clean-up sometimes fails (status 5) when the
  // program exits at once. A missing file means the viewer never ran (Xvfb did not start).
  static int runs = 0;
  const std::string status_file = output_path("viewer-status-" + std::to_string(::getpid()) + "-" +
                                              std::to_string(++runs));
  std::remove(status_file.c_str());
  // Leak detection is off for the program only: Mesa's drivers leak at exit, outside the viewer's code.
  const std::string command = std::string("LIBGL_ALWAYS_SOFTWARE=1 ASAN_OPTIONS=detect_leaks=0 ") + OTKLIK_XVFB_RUN +
                              " -a -s '-screen 0 1280x800x24' sh -c \"'" + OTKLIK_REVIEW_EXE + "' --surveys '" +
                              OTKLIK_VECTORS_DIR + "/surveys' --timeout 60 " + arguments + " '" + OTKLIK_REVIEW_DATA +
                              "'; echo \\$? > '" + status_file + "'\"";
  const int status = std::system(command.c_str());
  const std::string written = file_text(status_file);
  std::remove(status_file.c_str());
  if (!written.empty()) return std::atoi(written.c_str());
  return WIFEXITED(status) ? -1000 - WEXITSTATUS(status) : -1;
}

std::string file_text(const std::string& path) {
  auto contents = native::read_file(path);
  return contents.ok ? contents.data : std::string();
}

std::string output_path(const std::string& name) { return std::string(OTKLIK_REVIEW_TEST_DIR) + "/" + name; }

png_pixels read_png(const std::string& path) {
  png_pixels out;
  int channels = 0;
  unsigned char* data = stbi_load(path.c_str(), &out.width, &out.height, &channels, 4);
  if (data == nullptr) {
    out.width = out.height = 0;
    return out;
  }
  out.rgba.assign(data, data + static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 4);
  stbi_image_free(data);
  return out;
}

}  // namespace otklik::review::test
