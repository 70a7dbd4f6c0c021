// Bars: drawn as rectangles and lines on the plot's draw list; widths follow the category step.
#include "charts/bars.hpp"

#include <algorithm>
#include <cmath>

#include "app/style.hpp"

namespace otklik::review::charts {

void bar(const plot& p, double x, double value, double low, double high, ImU32 fill, ImU32 whisker) {
  const float half = std::abs(p.x_step()) * 0.3f;
  const ImVec2 top = p.at(x, value);
  const ImVec2 floor = p.at(x, p.y().min);
  p.draw()->AddRectFilled(ImVec2(top.x - half, top.y), ImVec2(top.x + half, floor.y), fill, 2.0f);
  if (std::isnan(low) || std::isnan(high)) return;
  const ImVec2 a = p.at(x, low), b = p.at(x, high);
  const float cap = half * 0.4f;
  p.draw()->AddLine(a, b, whisker, 2.0f);
  p.draw()->AddLine(ImVec2(a.x - cap, a.y), ImVec2(a.x + cap, a.y), whisker, 2.0f);
  p.draw()->AddLine(ImVec2(b.x - cap, b.y), ImVec2(b.x + cap, b.y), whisker, 2.0f);
}

void hidden_bar(const plot& p, double x, const char* text) {
  const palette& c = colors();
  const float half = std::abs(p.x_step()) * 0.3f;
  const ImVec2 top = p.at(x, p.y().min + (p.y().max - p.y().min) * 0.5);
  const ImVec2 floor = p.at(x, p.y().min);
  // Dashed outline: short segments along the rectangle's sides.
  const float dash = ImGui::GetFontSize() * 0.3f;
  const ImVec2 corners[5] = {ImVec2(top.x - half, floor.y), ImVec2(top.x - half, top.y), ImVec2(top.x + half, top.y),
                             ImVec2(top.x + half, floor.y), ImVec2(top.x - half, floor.y)};
  for (int side = 0; side < 4; ++side) {
    const ImVec2 a = corners[side], b = corners[side + 1];
    const float length = std::hypot(b.x - a.x, b.y - a.y);
    for (float t = 0.0f; t < length; t += dash * 2.0f) {
      const float u = t / length, v = std::min(t + dash, length) / length;
      p.draw()->AddLine(ImVec2(a.x + (b.x - a.x) * u, a.y + (b.y - a.y) * u),
                        ImVec2(a.x + (b.x - a.x) * v, a.y + (b.y - a.y) * v), c.muted);
    }
  }
  const ImVec2 size = ImGui::CalcTextSize(text);
  p.draw()->AddText(ImVec2(top.x - size.x * 0.5f, (top.y + floor.y) * 0.5f - size.y * 0.5f), c.muted, text);
}

bool column_hovered(const plot& p, double x) {
  if (!p.hovered()) return false;
  const float half = std::abs(p.x_step()) * 0.5f;
  return std::abs(p.mouse().x - p.at(x, 0.0).x) <= half;
}

bool interval_strip(ImVec2 from, ImVec2 to, range scale, double value, double low, double high, ImU32 color) {
  const palette& c = colors();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float mid = (from.y + to.y) * 0.5f;
  const auto px = [&](double v) {
    const double f = std::clamp((v - scale.min) / (scale.max - scale.min), 0.0, 1.0);
    return from.x + static_cast<float>(f) * (to.x - from.x);
  };
  draw->AddLine(ImVec2(from.x, mid), ImVec2(to.x, mid), c.grid, 2.0f);
  for (int i = 0; i <= 4; ++i) {
    const float x = from.x + (to.x - from.x) * static_cast<float>(i) / 4.0f;
    draw->AddLine(ImVec2(x, mid - 3.0f), ImVec2(x, mid + 3.0f), c.grid);
  }
  if (!std::isnan(low) && !std::isnan(high)) {
    draw->AddRectFilled(ImVec2(px(low), mid - 4.0f), ImVec2(px(high), mid + 4.0f), c.band, 3.0f);
  }
  if (!std::isnan(value)) draw->AddCircleFilled(ImVec2(px(value), mid), (to.y - from.y) * 0.3f, color);
  return ImGui::IsMouseHoveringRect(from, to);
}

}  // namespace otklik::review::charts
