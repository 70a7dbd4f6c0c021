// plot.hpp — a chart area drawn with ImGui's draw list: frame, grid, numeric or category axes with labels,
// and the mapping from values to pixels that every chart element uses.
#pragma once

#include <span>
#include <string>
#include <vector>

#include <imgui.h>

namespace otklik::review::charts {

// A closed value range of one axis.
struct range {
  double min = 0.0;
  double max = 1.0;
};

// Round tick values (1, 2, 5 × 10^n steps) covering [r.min, r.max], about `target` of them.
[[nodiscard]] std::vector<double> nice_ticks(range r, int target = 5);

class plot {
 public:
  // Reserves `size` pixels (a width ≤ 0 takes the available width) in the current window for values in x × y.
  plot(const char* id, ImVec2 size, range x, range y);
  // Left axis: ticks, grid lines and a label drawn above the axis.
  void y_axis(const char* label, const char* format = "%.1f") const;
  // Bottom axis for categories 0..n−1 (labels centred under x = i, shortened to fit).
  void x_categories(std::span<const std::string> labels) const;
  // Bottom axis for numbers, with a label at the right end.
  void x_axis(const char* label, const char* format = "%.1f") const;
  // Pixel position of a value pair (y grows upwards).
  [[nodiscard]] ImVec2 at(double x, double y) const noexcept;
  [[nodiscard]] ImDrawList* draw() const noexcept { return draw_; }
  [[nodiscard]] ImVec2 inner_min() const noexcept { return min_; }
  [[nodiscard]] ImVec2 inner_max() const noexcept { return max_; }
  [[nodiscard]] range x() const noexcept { return x_; }
  [[nodiscard]] range y() const noexcept { return y_; }
  // Whether any of the chart is in view; a chart scrolled out of view need not draw anything.
  [[nodiscard]] bool visible() const noexcept { return visible_; }
  // Whether the mouse is over the chart area, and where.
  [[nodiscard]] bool hovered() const noexcept { return hovered_; }
  [[nodiscard]] ImVec2 mouse() const noexcept { return ImGui::GetIO().MousePos; }
  // Pixels of one category step (for bar widths).
  [[nodiscard]] float x_step() const noexcept;

 private:
  ImDrawList* draw_ = nullptr;
  ImVec2 min_, max_;   // the inner (data) rectangle
  range x_, y_;
  bool hovered_ = false;
  bool visible_ = true;
};

// Text of at most `max_width` pixels: cut with "…" when longer.
[[nodiscard]] std::string fit_text(const std::string& text, float max_width);

}  // namespace otklik::review::charts
