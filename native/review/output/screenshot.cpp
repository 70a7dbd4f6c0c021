// Screenshots: OpenGL reads rows bottom to top, so they are flipped while copying.
#include "output/screenshot.hpp"

#include <algorithm>
#include <cstring>

#include <GL/gl.h>
#include <stb_image_write.h>

namespace otklik::review {

image read_framebuffer(int width, int height) {
  image out;
  out.width = std::max(width, 0);
  out.height = std::max(height, 0);
  const auto row = static_cast<std::size_t>(out.width) * 4;
  std::vector<unsigned char> bottom_up(row * static_cast<std::size_t>(out.height));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, out.width, out.height, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
  out.rgba.resize(bottom_up.size());
  for (int y = 0; y < out.height; ++y) {
    std::memcpy(out.rgba.data() + static_cast<std::size_t>(y) * row,
                bottom_up.data() + static_cast<std::size_t>(out.height - 1 - y) * row, row);
  }
  // The window is opaque: alpha from the framebuffer may be anything.
  for (std::size_t i = 3; i < out.rgba.size(); i += 4) out.rgba[i] = 255;
  return out;
}

image crop(const image& from, int x, int y, int w, int h) {
  x = std::clamp(x, 0, from.width);
  y = std::clamp(y, 0, from.height);
  w = std::clamp(w, 0, from.width - x);
  h = std::clamp(h, 0, from.height - y);
  image out;
  out.width = w;
  out.height = h;
  out.rgba.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  for (int row = 0; row < h; ++row) {
    std::memcpy(out.rgba.data() + static_cast<std::size_t>(row) * static_cast<std::size_t>(w) * 4,
                from.rgba.data() + (static_cast<std::size_t>(y + row) * static_cast<std::size_t>(from.width) +
                                    static_cast<std::size_t>(x)) * 4,
                static_cast<std::size_t>(w) * 4);
  }
  return out;
}

std::string write_png(const std::string& path, const image& img) {
  if (img.width <= 0 || img.height <= 0) return path + ": the image is empty";
  // Written as RGB: the frame is opaque, and a constant alpha channel only makes the file larger.
  std::vector<unsigned char> rgb;
  rgb.reserve(img.rgba.size() / 4 * 3);
  for (std::size_t i = 0; i < img.rgba.size(); i += 4) rgb.insert(rgb.end(), img.rgba.begin() + static_cast<std::ptrdiff_t>(i),
                                                                  img.rgba.begin() + static_cast<std::ptrdiff_t>(i + 3));
  stbi_write_png_compression_level = 9;
  if (stbi_write_png(path.c_str(), img.width, img.height, 3, rgb.data(), img.width * 3) == 0) {
    return "cannot write " + path;
  }
  return {};
}

}  // namespace otklik::review
