// style.hpp — fonts with Cyrillic glyphs (DejaVu from fonts-dejavu-core), HiDPI scaling, the dark and light
// themes, and the colours charts draw with.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <imgui.h>

namespace otklik::review {

enum class theme : unsigned char { dark, light };
[[nodiscard]] std::string_view to_string(theme t) noexcept;
[[nodiscard]] std::optional<theme> parse_theme(std::string_view word) noexcept;

// The fonts views pick from; all cover Latin, Cyrillic and the few symbols charts use.
struct fonts {
  ImFont* regular = nullptr;
  ImFont* bold = nullptr;
  ImFont* large = nullptr;   // headline numbers
  bool cyrillic = false;     // false when no DejaVu font was found (ImGui's own font then, Latin only)
};

// Loads the fonts at `scale` (1 = 96 dpi) into ImGui's atlas from `font_dir`; call before the first frame.
[[nodiscard]] fonts load_fonts(float scale, const std::string& font_dir);

// Colours of the chart elements, per theme.
struct palette {
  ImU32 ink, muted, grid, frame, bar, bar_hidden, drop, band, good, warn, quadrant, series[6];
};

// Sets ImGui's colours and sizes for the theme at `scale`, and the palette charts read.
void apply_theme(theme t, float scale);
[[nodiscard]] const palette& colors() noexcept;

}  // namespace otklik::review
