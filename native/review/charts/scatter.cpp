// Scatter: the quadrant is shaded first so points and labels draw over it.
#include "charts/scatter.hpp"

#include <cmath>

#include "app/style.hpp"

namespace otklik::review::charts {

void fix_first_quadrant(const plot& p, double x_split, double y_split, const char* label) {
  const palette& c = colors();
  const ImVec2 corner = p.at(x_split, y_split);
  const ImVec2 top_left = p.inner_min();
  p.draw()->AddRectFilled(top_left, corner, c.quadrant);
  const float font = ImGui::GetFontSize();
  p.draw()->AddText(ImVec2(top_left.x + font * 0.4f, top_left.y + font * 0.3f), c.drop, label);
  const ImU32 split = c.muted;
  // Dashed split lines at the averages.
  for (float y = p.inner_min().y; y < p.inner_max().y; y += font * 0.6f) {
    p.draw()->AddLine(ImVec2(corner.x, y), ImVec2(corner.x, std::min(y + font * 0.3f, p.inner_max().y)), split);
  }
  for (float x = p.inner_min().x; x < p.inner_max().x; x += font * 0.6f) {
    p.draw()->AddLine(ImVec2(x, corner.y), ImVec2(std::min(x + font * 0.3f, p.inner_max().x), corner.y), split);
  }
}

bool labelled_point(const plot& p, double x, double y, const std::string& label, ImU32 color, bool emphasised) {
  const palette& c = colors();
  const float font = ImGui::GetFontSize();
  const ImVec2 at = p.at(x, y);
  const float radius = font * (emphasised ? 0.45f : 0.35f);
  p.draw()->AddCircleFilled(at, radius, color);
  if (emphasised) p.draw()->AddCircle(at, radius + 2.0f, c.ink, 0, 1.5f);
  const ImVec2 size = ImGui::CalcTextSize(label.c_str());
  // Labels go right of the point unless that leaves the chart.
  const float x_text = at.x + radius + 4.0f + size.x <= p.inner_max().x ? at.x + radius + 4.0f : at.x - radius - 4.0f - size.x;
  p.draw()->AddText(ImVec2(x_text, at.y - size.y * 0.5f), c.ink, label.c_str());
  if (!p.hovered()) return false;
  const ImVec2 m = p.mouse();
  return std::hypot(m.x - at.x, m.y - at.y) <= radius + 4.0f;
}

}  // namespace otklik::review::charts
