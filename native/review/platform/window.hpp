// window.hpp — the platform layer: a GLFW window with an OpenGL 3.3 context, Dear ImGui's GLFW and OpenGL 3
// backends, fonts at the monitor's scale (rebuilt when it changes), dropped files, and frame capture.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/style.hpp"
#include "output/screenshot.hpp"
#include "platform/frame_memo.hpp"

struct GLFWwindow;

namespace otklik::review {

struct window_options {
  int width = 1280, height = 800;   // in screen units (scaled by the monitor where the platform does that)
  bool visible = true;
  bool vsync = true;
  float scale = 0.0f;               // interface scale; 0: the monitor's content scale
  std::string font_dir = "/usr/share/fonts/truetype/dejavu";
  std::string title = "Otklik — review";
  bool reuse_frames = true;         // skip a frame equal to the one on screen instead of drawing it again
};

class gl_window {
 public:
  // The window, or nullptr after writing why to `error`.
  [[nodiscard]] static std::unique_ptr<gl_window> create(const window_options& options, std::string& error);
  ~gl_window();
  gl_window(const gl_window&) = delete;
  gl_window& operator=(const gl_window&) = delete;

  [[nodiscard]] bool should_close() const;
  // Waits for input at most `seconds` (0: only takes what is there).
  void wait_events(double seconds);
  // Paths dropped on the window since the last call.
  [[nodiscard]] std::vector<std::string> take_dropped();
  // Starts an ImGui frame (rebuilding fonts first when the scale changed).
  void begin_frame();
  // Renders the frame into the back buffer, unless it equals the frame on screen.
  void render();
  // Whether render() drew this frame (false: it equals the one on screen, which stays).
  [[nodiscard]] bool drawn() const noexcept { return drawn_; }
  // false: draw every frame anew, changed or not (the benchmark measures both ways).
  void set_frame_reuse(bool on) noexcept { reuse_frames_ = on; }
  // The frame as pixels (after render(), before present(); a skipped frame is drawn first).
  [[nodiscard]] image capture();
  // Shows the frame, when it was drawn.
  void present();
  [[nodiscard]] float scale() const noexcept { return scale_; }
  // Asks for another interface scale (fonts are rebuilt at the next frame).
  void set_scale(float scale) noexcept { wanted_scale_ = scale; }
  [[nodiscard]] const fonts& type() const noexcept { return fonts_; }
  // Framebuffer pixels per ImGui unit.
  [[nodiscard]] float pixel_ratio() const;

 private:
  gl_window() = default;
  void rebuild_fonts();
  void draw();
  GLFWwindow* window_ = nullptr;
  std::string font_dir_;
  float scale_ = 1.0f, wanted_scale_ = 1.0f;
  fonts fonts_;
  std::vector<std::string> dropped_;
  frame_memo frames_;
  bool reuse_frames_ = true, drawn_ = false;
};

}  // namespace otklik::review
