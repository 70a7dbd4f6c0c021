// series.hpp — values over a numeric x axis: lines, interval bands, point markers, and which point the mouse is on.
#pragma once

#include <span>

#include "charts/plot.hpp"

namespace otklik::review::charts {

// A line through (xs[i], ys[i]); NaN values break it.
void line(const plot& p, std::span<const double> xs, std::span<const double> ys, ImU32 color, float thickness);

// A filled band between lows and highs (e.g. 95 % intervals); NaN values break it.
void band(const plot& p, std::span<const double> xs, std::span<const double> lows, std::span<const double> highs,
          ImU32 color);

// Round markers at the points.
void points(const plot& p, std::span<const double> xs, std::span<const double> ys, ImU32 color, float radius);

// A downward triangle marking a significant drop at (x, y).
void drop_marker(const plot& p, double x, double y, ImU32 color);

// Index of the point nearest the mouse within `radius` pixels (x distance weighs most), or −1.
[[nodiscard]] int hovered_point(const plot& p, std::span<const double> xs, std::span<const double> ys, float radius);

}  // namespace otklik::review::charts
