// review_fixture.hpp — what the viewer's tests share: the generated dataset read by the analysis library,
// running the real program under Xvfb, and reading its PNG and text outputs.
#pragma once

#include <string>
#include <vector>

#include "app/dataset.hpp"

namespace otklik::review::test {

// The test dataset (tests/review's generated NDJSON with the vector surveys), read once.
[[nodiscard]] dataset_ptr test_dataset();

// Runs otklik-review under xvfb-run with Mesa's software renderer on the test dataset plus `arguments`;
// the exit status.
[[nodiscard]] int run_viewer(const std::string& arguments);

// A file's bytes ("" when missing).
[[nodiscard]] std::string file_text(const std::string& path);

// An output path inside the tests' run folder.
[[nodiscard]] std::string output_path(const std::string& name);

// RGBA pixels of a PNG (width 0 when it cannot be read).
struct png_pixels {
  int width = 0, height = 0;
  std::vector<unsigned char> rgba;
};
[[nodiscard]] png_pixels read_png(const std::string& path);

}  // namespace otklik::review::test
