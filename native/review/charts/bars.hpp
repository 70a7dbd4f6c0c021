// bars.hpp — bars with 95 % interval whiskers on a category axis, hidden (suppressed) placeholders, and the small
// horizontal interval scale of the overview tiles.
#pragma once

#include "charts/plot.hpp"

namespace otklik::review::charts {

// A bar at category x from the axis floor up to `value`, with a whisker from low to high (NaN ends: none).
void bar(const plot& p, double x, double value, double low, double high, ImU32 fill, ImU32 whisker);

// A dashed empty bar for a suppressed group (fewer than k responses), with "<k" written on it.
void hidden_bar(const plot& p, double x, const char* text);

// Whether the mouse is over category x's column.
[[nodiscard]] bool column_hovered(const plot& p, double x);

// A scale from `scale.min` to `scale.max` in [from, to] pixels on the current line with a dot at `value` and a
// whisker from low to high; returns whether the mouse is on it.
bool interval_strip(ImVec2 from, ImVec2 to, range scale, double value, double low, double high, ImU32 color);

}  // namespace otklik::review::charts
