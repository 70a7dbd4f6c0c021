// scatter.hpp — importance-by-performance charts: labelled points and the shaded "fix first" quadrant.
#pragma once

#include <span>
#include <string>

#include "charts/plot.hpp"

namespace otklik::review::charts {

// Shades the quadrant left of x_split (low performance) and above y_split (high importance), writes `label` in
// it, and draws both split lines.
void fix_first_quadrant(const plot& p, double x_split, double y_split, const char* label);

// A point with its label beside it; returns whether the mouse is on it.
bool labelled_point(const plot& p, double x, double y, const std::string& label, ImU32 color, bool emphasised);

}  // namespace otklik::review::charts
