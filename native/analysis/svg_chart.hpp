// svg_chart.hpp — small inline SVG charts for the HTML report (no scripts, no fonts to fetch).
#pragma once

#include <string>
#include <vector>

namespace otklik::analysis::detail {

// Escapes text for HTML and SVG (&, <, >, ", ').
[[nodiscard]] std::string escape_html(std::string_view text);

// A value with its 95 % interval (NaN ends: no whisker); `shown` false draws a hatched "<k" placeholder.
struct chart_point {
  std::string label;
  double value = 0.0, low = 0.0, high = 0.0;
  bool shown = true;
  bool highlight = false;
};

// Bars with interval whiskers on a fixed value axis (e.g. CSAT 1..5).
[[nodiscard]] std::string bar_chart(const std::vector<chart_point>& points, double axis_low, double axis_high,
                                    const std::string& title);

// A line with its interval band over periods (e.g. top-2 share 0..1); hidden points break the line.
[[nodiscard]] std::string line_chart(const std::vector<chart_point>& points, double axis_low, double axis_high,
                                     const std::string& title);

// Importance (x, correlation) against performance (y, mean 1..5) with the two average lines.
struct scatter_point {
  std::string label;
  double x = 0.0, y = 0.0;
  bool highlight = false;
};
[[nodiscard]] std::string scatter_chart(const std::vector<scatter_point>& points, const std::string& title,
                                        const std::string& x_label, const std::string& y_label);

}  // namespace otklik::analysis::detail
