// Plot area: margins for the axis labels are fixed in font heights, so charts scale with the HiDPI font size.
#include "charts/plot.hpp"

#include <cmath>
#include <cstdio>

#include "app/style.hpp"

namespace otklik::review::charts {

std::vector<double> nice_ticks(range r, int target) {
  std::vector<double> ticks;
  const double span = r.max - r.min;
  if (!(span > 0.0) || target < 1) return {r.min};
  const double raw = span / target;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (const double m : {1.0, 2.0, 5.0, 10.0}) {
    step = m * magnitude;
    if (span / step <= target + 0.5) break;
  }
  for (double t = std::ceil(r.min / step - 1e-9) * step; t <= r.max + step * 1e-9; t += step) {
    ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
  }
  return ticks;
}

std::string fit_text(const std::string& text, float max_width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= max_width) return text;
  std::string cut = text;
  while (!cut.empty()) {
    // Drop one whole UTF-8 character: continuation bytes, then the byte that starts it.
    while (!cut.empty()) {
      const auto last = static_cast<unsigned char>(cut.back());
      cut.pop_back();
      if ((last & 0xC0) != 0x80) break;
    }
    if (ImGui::CalcTextSize((cut + "…").c_str()).x <= max_width) return cut + "…";
  }
  return "…";
}

plot::plot(const char* id, ImVec2 size, range x, range y) : x_(x), y_(y) {
  const float font = ImGui::GetFontSize();
  if (size.x <= 0.0f) size.x = ImGui::GetContentRegionAvail().x;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, size);
  hovered_ = ImGui::IsItemHovered();
  visible_ = ImGui::IsItemVisible();
  draw_ = ImGui::GetWindowDrawList();
  min_ = ImVec2(origin.x + font * 3.2f, origin.y + font * 1.4f);
  max_ = ImVec2(origin.x + size.x - font * 0.8f, origin.y + size.y - font * 1.6f);
  if (x_.max <= x_.min) x_.max = x_.min + 1.0;
  if (y_.max <= y_.min) y_.max = y_.min + 1.0;
  draw_->AddRect(min_, max_, colors().frame);
}

ImVec2 plot::at(double x, double y) const noexcept {
  const double fx = (x - x_.min) / (x_.max - x_.min);
  const double fy = (y - y_.min) / (y_.max - y_.min);
  return ImVec2(min_.x + static_cast<float>(fx) * (max_.x - min_.x), max_.y - static_cast<float>(fy) * (max_.y - min_.y));
}

float plot::x_step() const noexcept { return at(x_.min + 1.0, 0.0).x - at(x_.min, 0.0).x; }

void plot::y_axis(const char* label, const char* format) const {
  const palette& c = colors();
  const float font = ImGui::GetFontSize();
  for (const double t : nice_ticks(y_, 5)) {
    const float py = at(x_.min, t).y;
    draw_->AddLine(ImVec2(min_.x, py), ImVec2(max_.x, py), c.grid);
    char text[32];
    std::snprintf(text, sizeof text, format, t);
    const ImVec2 size = ImGui::CalcTextSize(text);
    draw_->AddText(ImVec2(min_.x - size.x - font * 0.3f, py - size.y * 0.5f), c.muted, text);
  }
  if (label != nullptr && *label != '\0') draw_->AddText(ImVec2(min_.x, min_.y - font * 1.25f), c.muted, label);
}

void plot::x_categories(std::span<const std::string> labels) const {
  const palette& c = colors();
  const float width = std::abs(x_step()) * 0.95f;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const std::string text = fit_text(labels[i], width);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const float px = at(static_cast<double>(i), y_.min).x;
    draw_->AddText(ImVec2(px - size.x * 0.5f, max_.y + 2.0f), c.muted, text.c_str());
  }
}

void plot::x_axis(const char* label, const char* format) const {
  const palette& c = colors();
  const float font = ImGui::GetFontSize();
  for (const double t : nice_ticks(x_, 6)) {
    const float px = at(t, y_.min).x;
    draw_->AddLine(ImVec2(px, min_.y), ImVec2(px, max_.y), c.grid);
    char text[32];
    std::snprintf(text, sizeof text, format, t);
    const ImVec2 size = ImGui::CalcTextSize(text);
    draw_->AddText(ImVec2(px - size.x * 0.5f, max_.y + 2.0f), c.muted, text);
  }
  if (label != nullptr && *label != '\0') {
    const ImVec2 size = ImGui::CalcTextSize(label);
    draw_->AddText(ImVec2(max_.x - size.x, max_.y + font * 0.05f + size.y), c.muted, label);
  }
}

}  // namespace otklik::review::charts
