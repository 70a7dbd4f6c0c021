// Series: lines and bands are drawn segment by segment so that a hidden (suppressed) period leaves a gap.
#include "charts/series.hpp"

#include <algorithm>
#include <cmath>

namespace otklik::review::charts {

void line(const plot& p, std::span<const double> xs, std::span<const double> ys, ImU32 color, float thickness) {
  for (std::size_t i = 1; i < xs.size() && i < ys.size(); ++i) {
    if (std::isnan(ys[i - 1]) || std::isnan(ys[i])) continue;
    p.draw()->AddLine(p.at(xs[i - 1], ys[i - 1]), p.at(xs[i], ys[i]), color, thickness);
  }
}

void band(const plot& p, std::span<const double> xs, std::span<const double> lows, std::span<const double> highs,
          ImU32 color) {
  const std::size_t n = std::min({xs.size(), lows.size(), highs.size()});
  for (std::size_t i = 1; i < n; ++i) {
    if (std::isnan(lows[i - 1]) || std::isnan(lows[i]) || std::isnan(highs[i - 1]) || std::isnan(highs[i])) continue;
    // Each segment is a trapezoid, so convex: one fill per segment.
    const ImVec2 quad[4] = {p.at(xs[i - 1], lows[i - 1]), p.at(xs[i - 1], highs[i - 1]), p.at(xs[i], highs[i]),
                            p.at(xs[i], lows[i])};
    p.draw()->AddConvexPolyFilled(quad, 4, color);
  }
  // A lone point between gaps gets a whisker instead.
  for (std::size_t i = 0; i < n; ++i) {
    if (std::isnan(lows[i]) || std::isnan(highs[i])) continue;
    const bool left = i > 0 && !std::isnan(lows[i - 1]) && !std::isnan(highs[i - 1]);
    const bool right = i + 1 < n && !std::isnan(lows[i + 1]) && !std::isnan(highs[i + 1]);
    if (!left && !right) p.draw()->AddLine(p.at(xs[i], lows[i]), p.at(xs[i], highs[i]), color, 4.0f);
  }
}

void points(const plot& p, std::span<const double> xs, std::span<const double> ys, ImU32 color, float radius) {
  for (std::size_t i = 0; i < xs.size() && i < ys.size(); ++i) {
    if (!std::isnan(ys[i])) p.draw()->AddCircleFilled(p.at(xs[i], ys[i]), radius, color);
  }
}

void drop_marker(const plot& p, double x, double y, ImU32 color) {
  const float s = ImGui::GetFontSize() * 0.45f;
  const ImVec2 c = p.at(x, y);
  const ImVec2 top(c.x, c.y - s * 1.6f);
  p.draw()->AddTriangleFilled(ImVec2(top.x - s, top.y - s * 1.4f), ImVec2(top.x + s, top.y - s * 1.4f), top, color);
}

int hovered_point(const plot& p, std::span<const double> xs, std::span<const double> ys, float radius) {
  if (!p.hovered()) return -1;
  const ImVec2 m = p.mouse();
  int best = -1;
  float best_distance = radius;
  for (std::size_t i = 0; i < xs.size() && i < ys.size(); ++i) {
    if (std::isnan(ys[i])) continue;
    const ImVec2 at = p.at(xs[i], ys[i]);
    const float distance = std::abs(at.x - m.x) + 0.25f * std::abs(at.y - m.y);
    if (distance < best_distance) {
      best_distance = distance;
      best = static_cast<int>(i);
    }
  }
  return best;
}

}  // namespace otklik::review::charts
