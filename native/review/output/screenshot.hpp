// screenshot.hpp — the rendered frame as pixels (glReadPixels) and as a PNG file (stb_image_write from libstb).
#pragma once

#include <string>
#include <vector>

namespace otklik::review {

// RGBA pixels, rows top to bottom.
struct image {
  int width = 0, height = 0;
  std::vector<unsigned char> rgba;
};

// The back buffer of the current OpenGL context (call after rendering, before swapping buffers).
[[nodiscard]] image read_framebuffer(int width, int height);

// The rectangle [x, x+w) × [y, y+h) of `from`, clamped to it.
[[nodiscard]] image crop(const image& from, int x, int y, int w, int h);

// Writes `img` as PNG; an error sentence, or "" on success.
[[nodiscard]] std::string write_png(const std::string& path, const image& img);

}  // namespace otklik::review
