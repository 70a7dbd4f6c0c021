// Style: ImGui's dark and light colour sets with a few adjustments, one palette per theme for the charts.
#include "app/style.hpp"

#include <filesystem>

namespace otklik::review {

namespace {

palette dark_palette() {
  palette p{};
  p.ink = IM_COL32(230, 235, 242, 255);
  p.muted = IM_COL32(150, 160, 175, 255);
  p.grid = IM_COL32(70, 78, 90, 255);
  p.frame = IM_COL32(110, 120, 135, 255);
  p.bar = IM_COL32(86, 145, 220, 255);
  p.bar_hidden = IM_COL32(70, 78, 90, 120);
  p.drop = IM_COL32(235, 95, 75, 255);
  p.band = IM_COL32(86, 145, 220, 60);
  p.good = IM_COL32(90, 190, 120, 255);
  p.warn = IM_COL32(235, 180, 70, 255);
  p.quadrant = IM_COL32(235, 95, 75, 40);
  const ImU32 series[6] = {IM_COL32(86, 145, 220, 255), IM_COL32(235, 160, 70, 255), IM_COL32(110, 200, 140, 255),
                           IM_COL32(200, 120, 220, 255), IM_COL32(230, 210, 90, 255), IM_COL32(120, 210, 220, 255)};
  std::copy(std::begin(series), std::end(series), p.series);
  return p;
}

palette light_palette() {
  palette p{};
  p.ink = IM_COL32(29, 39, 51, 255);
  p.muted = IM_COL32(91, 107, 124, 255);
  p.grid = IM_COL32(213, 221, 230, 255);
  p.frame = IM_COL32(150, 160, 172, 255);
  p.bar = IM_COL32(63, 124, 196, 255);
  p.bar_hidden = IM_COL32(200, 208, 218, 160);
  p.drop = IM_COL32(194, 65, 45, 255);
  p.band = IM_COL32(63, 124, 196, 55);
  p.good = IM_COL32(40, 140, 80, 255);
  p.warn = IM_COL32(190, 130, 20, 255);
  p.quadrant = IM_COL32(194, 65, 45, 30);
  const ImU32 series[6] = {IM_COL32(63, 124, 196, 255), IM_COL32(214, 120, 30, 255), IM_COL32(40, 150, 90, 255),
                           IM_COL32(150, 70, 180, 255), IM_COL32(170, 140, 10, 255), IM_COL32(20, 150, 170, 255)};
  std::copy(std::begin(series), std::end(series), p.series);
  return p;
}

palette current = dark_palette();

}  // namespace

std::string_view to_string(theme t) noexcept { return t == theme::dark ? "dark" : "light"; }

std::optional<theme> parse_theme(std::string_view word) noexcept {
  if (word == "dark") return theme::dark;
  if (word == "light") return theme::light;
  return std::nullopt;
}

fonts load_fonts(float scale, const std::string& font_dir) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  fonts out;
  const std::string regular = font_dir + "/DejaVuSans.ttf";
  const std::string bold = font_dir + "/DejaVuSans-Bold.ttf";
  if (!std::filesystem::exists(regular) || !std::filesystem::exists(bold)) {
    ImFontConfig config;
    config.SizePixels = 13.0f * scale;
    out.regular = io.Fonts->AddFontDefault(&config);
    out.bold = out.regular;
    out.large = out.regular;
    return out;
  }
  // Latin, Cyrillic and the symbols the charts and numbers use (minus, ±, dashes, arrows, ≤ ≥, bullets).
  static ImVector<ImWchar> ranges;
  if (ranges.empty()) {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesCyrillic());
    builder.AddText("−±–—…«»≤≥→←↑↓▲▼●•·№✓×");
    builder.BuildRanges(&ranges);
  }
  ImFontConfig config;
  config.OversampleH = 2;
  out.regular = io.Fonts->AddFontFromFileTTF(regular.c_str(), 15.0f * scale, &config, ranges.Data);
  out.bold = io.Fonts->AddFontFromFileTTF(bold.c_str(), 15.0f * scale, &config, ranges.Data);
  out.large = io.Fonts->AddFontFromFileTTF(bold.c_str(), 24.0f * scale, &config, ranges.Data);
  out.cyrillic = out.regular != nullptr && out.bold != nullptr && out.large != nullptr;
  if (!out.cyrillic) {
    io.Fonts->Clear();
    out.regular = out.bold = out.large = io.Fonts->AddFontDefault();
  }
  return out;
}

void apply_theme(theme t, float scale) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  if (t == theme::dark) {
    ImGui::StyleColorsDark(&style);
    current = dark_palette();
  } else {
    ImGui::StyleColorsLight(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.975f, 0.98f, 1.0f);
    current = light_palette();
  }
  style.WindowRounding = 4.0f;
  style.FrameRounding = 3.0f;
  style.ChildRounding = 4.0f;
  style.GrabRounding = 3.0f;
  style.ItemSpacing = ImVec2(8.0f, 6.0f);
  style.FramePadding = ImVec2(6.0f, 4.0f);
  style.ScaleAllSizes(scale);
}

const palette& colors() noexcept { return current; }

}  // namespace otklik::review
