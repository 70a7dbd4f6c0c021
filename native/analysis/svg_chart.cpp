// Inline SVG with fixed geometry; numbers go through format_number so that the output is deterministic.
#include "svg_chart.hpp"

#include <algorithm>
#include <cmath>

#include "otklik/report.hpp"

// GCC 12 reports false -Wrestrict warnings on chains of std::string operator+ (GCC bug 105651).
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

namespace otklik::analysis::detail {

namespace {

std::string num(double v) {
  const std::string s = format_number(v, 1);
  return s.empty() ? "0" : s;
}

std::string text_at(double x, double y, const std::string& text, const char* anchor = "middle",
                    const char* cls = "lbl") {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" class=\"" + cls + "\">" +
         escape_html(text) + "</text>";
}

std::string open_svg(double width, double height, const std::string& title) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(width) + " " + num(height) +
         "\" width=\"" + num(width) + "\" height=\"" + num(height) + "\" role=\"img\" aria-label=\"" +
         escape_html(title) + "\"><title>" + escape_html(title) + "</title>";
}

// Value axis with gridlines at `ticks` steps between low and high.
std::string value_axis(double left, double right, double top, double bottom, double low, double high, int ticks,
                       int decimals) {
  std::string out;
  for (int i = 0; i <= ticks; ++i) {
    const double v = low + (high - low) * i / ticks;
    const double y = bottom - (bottom - top) * i / ticks;
    out += "<line x1=\"" + num(left) + "\" x2=\"" + num(right) + "\" y1=\"" + num(y) + "\" y2=\"" + num(y) +
           "\" class=\"grid\"/>";
    out += text_at(left - 6, y + 4, format_number(v, decimals), "end");
  }
  return out;
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string bar_chart(const std::vector<chart_point>& points, double axis_low, double axis_high,
                      const std::string& title) {
  const double left = 44, top = 16, slot = 110, bottom = 196;
  const double width = left + slot * static_cast<double>(std::max<std::size_t>(points.size(), 1)) + 16;
  const double height = 236;
  const auto y_of = [&](double v) { return bottom - (bottom - top) * (v - axis_low) / (axis_high - axis_low); };
  std::string out = open_svg(width, height, title);
  out += value_axis(left, width - 8, top, bottom, axis_low, axis_high, 4, 0);
  for (std::size_t i = 0; i < points.size(); ++i) {
    const chart_point& p = points[i];
    const double x = left + slot * static_cast<double>(i) + 20;
    const double w = slot - 40;
    if (!p.shown) {
      out += "<rect x=\"" + num(x) + "\" y=\"" + num(top) + "\" width=\"" + num(w) + "\" height=\"" +
             num(bottom - top) + "\" class=\"hidden\"/>";
      out += text_at(x + w / 2, (top + bottom) / 2, "<k");
    } else {
      const double y = y_of(std::clamp(p.value, axis_low, axis_high));
      out += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(bottom - y) +
             "\" class=\"" + (p.highlight ? "bar drop" : "bar") + "\"/>";
      if (std::isfinite(p.low) && std::isfinite(p.high)) {
        const double cx = x + w / 2, y1 = y_of(std::clamp(p.low, axis_low, axis_high)),
                     y2 = y_of(std::clamp(p.high, axis_low, axis_high));
        out += "<path d=\"M" + num(cx) + " " + num(y1) + "V" + num(y2) + "M" + num(cx - 8) + " " + num(y1) + "H" +
               num(cx + 8) + "M" + num(cx - 8) + " " + num(y2) + "H" + num(cx + 8) + "\" class=\"ci\"/>";
      }
      out += text_at(x + w / 2, y - 6, format_number(p.value, 2), "middle", "val");
    }
    out += text_at(x + w / 2, bottom + 18, p.label);
  }
  return out + "</svg>";
}

std::string line_chart(const std::vector<chart_point>& points, double axis_low, double axis_high,
                       const std::string& title) {
  const double left = 44, top = 16, bottom = 176, step = 64;
  const double width = left + step * static_cast<double>(std::max<std::size_t>(points.size(), 2)) + 16;
  const double height = 214;
  const auto y_of = [&](double v) {
    return bottom - (bottom - top) * (std::clamp(v, axis_low, axis_high) - axis_low) / (axis_high - axis_low);
  };
  const auto x_of = [&](std::size_t i) { return left + 24 + step * static_cast<double>(i); };
  std::string out = open_svg(width, height, title);
  out += value_axis(left, width - 8, top, bottom, axis_low, axis_high, 4, 2);
  // Interval band and line, one run per stretch of shown points.
  std::size_t i = 0;
  while (i < points.size()) {
    if (!points[i].shown) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < points.size() && points[end].shown) ++end;
    std::string band = "M", line = "M";
    for (std::size_t j = i; j < end; ++j) {
      band += (j == i ? "" : "L") + num(x_of(j)) + " " + num(y_of(points[j].high));
      line += (j == i ? "" : "L") + num(x_of(j)) + " " + num(y_of(points[j].value));
    }
    for (std::size_t j = end; j-- > i;) band += "L" + num(x_of(j)) + " " + num(y_of(points[j].low));
    out += "<path d=\"" + band + "Z\" class=\"band\"/><path d=\"" + line + "\" class=\"line\"/>";
    i = end;
  }
  for (std::size_t j = 0; j < points.size(); ++j) {
    const chart_point& p = points[j];
    if (p.shown) {
      out += "<circle cx=\"" + num(x_of(j)) + "\" cy=\"" + num(y_of(p.value)) + "\" r=\"" + (p.highlight ? "6" : "3.5") +
             "\" class=\"" + (p.highlight ? "dot drop" : "dot") + "\"/>";
    } else {
      out += text_at(x_of(j), (top + bottom) / 2, "<k");
    }
    out += text_at(x_of(j), bottom + 18, p.label);
  }
  return out + "</svg>";
}

std::string scatter_chart(const std::vector<scatter_point>& points, const std::string& title,
                          const std::string& x_label, const std::string& y_label) {
  const double left = 52, top = 16, right = 452, bottom = 276, width = 470, height = 316;
  double x_low = 0.0, x_high = 1.0, y_low = 1.0, y_high = 5.0;
  const auto x_of = [&](double v) { return left + (right - left) * (std::clamp(v, x_low, x_high) - x_low) / (x_high - x_low); };
  const auto y_of = [&](double v) { return bottom - (bottom - top) * (std::clamp(v, y_low, y_high) - y_low) / (y_high - y_low); };
  std::string out = open_svg(width, height, title);
  out += value_axis(left, right, top, bottom, y_low, y_high, 4, 0);
  for (int i = 0; i <= 4; ++i) {
    const double v = x_low + (x_high - x_low) * i / 4;
    out += text_at(x_of(v), bottom + 16, format_number(v, 2));
  }
  double mean_x = 0, mean_y = 0;
  for (const scatter_point& p : points) {
    mean_x += p.x;
    mean_y += p.y;
  }
  if (!points.empty()) {
    mean_x /= static_cast<double>(points.size());
    mean_y /= static_cast<double>(points.size());
    out += "<line x1=\"" + num(x_of(mean_x)) + "\" x2=\"" + num(x_of(mean_x)) + "\" y1=\"" + num(top) + "\" y2=\"" +
           num(bottom) + "\" class=\"avg\"/>";
    out += "<line x1=\"" + num(left) + "\" x2=\"" + num(right) + "\" y1=\"" + num(y_of(mean_y)) + "\" y2=\"" +
           num(y_of(mean_y)) + "\" class=\"avg\"/>";
    out += text_at(right - 4, bottom - 6, "fix first →", "end", "quad");
  }
  for (const scatter_point& p : points) {
    out += "<circle cx=\"" + num(x_of(p.x)) + "\" cy=\"" + num(y_of(p.y)) + "\" r=\"5\" class=\"" +
           (p.highlight ? "dot drop" : "dot") + "\"/>";
    out += text_at(x_of(p.x) + 8, y_of(p.y) - 6, p.label, "start");
  }
  out += text_at((left + right) / 2, height - 4, x_label);
  out += "<text x=\"14\" y=\"" + num((top + bottom) / 2) + "\" transform=\"rotate(-90 14 " + num((top + bottom) / 2) +
         ")\" text-anchor=\"middle\" class=\"lbl\">" + escape_html(y_label) + "</text>";
  return out + "</svg>";
}

}  // namespace otklik::analysis::detail
