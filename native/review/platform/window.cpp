// Window: GLFW and the ImGui backends that Debian's libimgui.a ships; the content-scale callback keeps text
// sharp when the window moves to a HiDPI monitor.
#include "platform/window.hpp"

#include <cmath>
#include <cstdio>
#include <utility>

#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

namespace otklik::review {

namespace {

gl_window* owner_of(GLFWwindow* w) { return static_cast<gl_window*>(glfwGetWindowUserPointer(w)); }

}  // namespace

std::unique_ptr<gl_window> gl_window::create(const window_options& options, std::string& error) {
  glfwSetErrorCallback([](int code, const char* text) { std::fprintf(stderr, "otklik-review: GLFW %d: %s\n", code, text); });
  if (glfwInit() == GLFW_FALSE) {
    error = "cannot start GLFW (is there a display? under CI use xvfb-run)";
    return nullptr;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
  std::unique_ptr<gl_window> out(new gl_window());
  out->window_ = glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
  if (out->window_ == nullptr) {
    error = "cannot open an OpenGL 3.3 window";
    glfwTerminate();
    return nullptr;
  }
  glfwSetWindowUserPointer(out->window_, out.get());
  glfwMakeContextCurrent(out->window_);
  glfwSwapInterval(options.vsync ? 1 : 0);
  glfwSetDropCallback(out->window_, [](GLFWwindow* w, int count, const char** paths) {
    for (int i = 0; i < count; ++i) owner_of(w)->dropped_.emplace_back(paths[i]);
  });
  // An exposed window needs its pixels again, though the next frame may equal the last one.
  glfwSetWindowRefreshCallback(out->window_, [](GLFWwindow* w) { owner_of(w)->frames_.forget(); });
  glfwSetWindowContentScaleCallback(out->window_, [](GLFWwindow* w, float x, float) {
    gl_window* self = owner_of(w);
    self->wanted_scale_ = self->wanted_scale_ / self->scale_ * x;  // keep the reviewer's zoom on the new monitor
  });

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;   // nothing written into the working directory
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplGlfw_InitForOpenGL(out->window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  float x_scale = 1.0f, y_scale = 1.0f;
  glfwGetWindowContentScale(out->window_, &x_scale, &y_scale);
  out->font_dir_ = options.font_dir;
  out->scale_ = options.scale > 0.0f ? options.scale : x_scale;
  out->wanted_scale_ = out->scale_;
  out->fonts_ = load_fonts(out->scale_, out->font_dir_);
  out->reuse_frames_ = options.reuse_frames;
  return out;
}

gl_window::~gl_window() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

bool gl_window::should_close() const { return glfwWindowShouldClose(window_) != 0; }

void gl_window::wait_events(double seconds) {
  if (seconds > 0.0) {
    glfwWaitEventsTimeout(seconds);
  } else {
    glfwPollEvents();
  }
}

std::vector<std::string> gl_window::take_dropped() { return std::exchange(dropped_, {}); }

void gl_window::rebuild_fonts() {
  scale_ = wanted_scale_;
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  fonts_ = load_fonts(scale_, font_dir_);
  ImGui_ImplOpenGL3_CreateFontsTexture();
  frames_.forget();   // the same vertices may now sample other glyphs
}

void gl_window::begin_frame() {
  if (std::abs(wanted_scale_ - scale_) > 0.01f) rebuild_fonts();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
}

void gl_window::render() {
  ImGui::Render();
  int width = 0, height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  // An idle frame equals the one on screen: nothing to rasterize, nothing to present.
  drawn_ = false;
  if (frames_.changed(*ImGui::GetDrawData(), width, height, background) || !reuse_frames_) draw();
}

void gl_window::draw() {
  int width = 0, height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  glViewport(0, 0, width, height);
  const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(background.x, background.y, background.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  drawn_ = true;
}

image gl_window::capture() {
  if (!drawn_) draw();   // the back buffer of a skipped frame holds anything
  int width = 0, height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  return read_framebuffer(width, height);
}

void gl_window::present() {
  if (drawn_) glfwSwapBuffers(window_);
}

float gl_window::pixel_ratio() const { return ImGui::GetIO().DisplayFramebufferScale.x; }

}  // namespace otklik::review
