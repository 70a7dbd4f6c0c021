// frame_memo.hpp — remembers the last frame's draw data, so that an idle frame (nothing moved, nothing hovered,
// nothing recomputed: the same vertices as the frame on screen) is neither rasterized nor presented again.
// With a software rasterizer, rasterizing every glyph is most of a frame.
#pragma once

#include <vector>

#include <imgui.h>

namespace otklik::review {

class frame_memo {
 public:
  // Whether the frame `d` (drawn at width × height after clearing to `clear`) looks different from the
  // remembered one; remembers it either way. Always true after forget().
  [[nodiscard]] bool changed(const ImDrawData& d, int width, int height, const ImVec4& clear);
  // The next frame counts as changed (the window was exposed, or textures changed under the same vertices).
  void forget() noexcept { kept_.clear(); }

 private:
  std::vector<unsigned char> kept_, next_;   // the draw data, byte for byte, of the remembered frame and of this one
};

}  // namespace otklik::review
