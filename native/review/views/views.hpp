// views.hpp — the six views of the viewer, what each draws from, their per-view choices, and their CSV forms.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/comments.hpp"
#include "app/models.hpp"
#include "app/style.hpp"
#include "app/titles.hpp"

namespace otklik::review {

enum class view_id : unsigned char { overview, journey, trends, drivers, comments, alerts };
inline constexpr std::array<view_id, 6> all_views{view_id::overview, view_id::journey,  view_id::trends,
                                                  view_id::drivers,  view_id::comments, view_id::alerts};

// "overview", "journey", ... (command line, file names) and back.
[[nodiscard]] std::string_view to_string(view_id v) noexcept;
[[nodiscard]] std::optional<view_id> parse_view(std::string_view word) noexcept;
// The view's title in the interface language.
[[nodiscard]] const char* view_title(view_id v) noexcept;

// What the reviewer chose inside the views (the filters apart); the app re-queries when these change.
struct view_choices {
  int journey_service = -1;            // service code, −1: every service
  int trend_measure = 0;               // index into trend_measures()
  int trend_criterion = 0;             // criterion code for criterion measures
  bool trend_stages = false;           // a thin line per stage under the service line
  period_unit trend_unit = period_unit::month;
  int driver_service = -1;             // the drivers table shown: its service (−1: the first table) …
  int driver_stage = -1;               // … and stage (−1: all stages); kept by identity across filter changes
  std::array<char, 256> search{};      // comments: search text
  std::array<bool, 6> ratings{true, true, true, true, true, true};
  int comment_stage = -1;              // stage code, −1: every stage
  std::string term;                    // stem chosen among the top terms
  int selected_comment = -1;           // index into the comment results shown (−1: none; reset with new results)
  std::optional<view_id> go_to;        // a view asks the app to switch (an alert opens its trend)
};

// Everything a view reads; models may be null while the first computation runs.
struct view_context {
  const view_models* models = nullptr;
  const titles* names = nullptr;
  const fonts* type = nullptr;
  view_choices* choices = nullptr;
  const comment_results* comments = nullptr;   // for the comments view
  const term_results* terms = nullptr;
  bool comments_pending = false;
};

void draw_overview(view_context& c);
void draw_journey(view_context& c);
void draw_trends(view_context& c);
void draw_drivers(view_context& c);
void draw_comments(view_context& c);
void draw_alerts(view_context& c);

// The view's data as CSV (RFC 4180, header first; groups below k read "<k" and have no values).
[[nodiscard]] std::string overview_csv(const view_context& c);
[[nodiscard]] std::string journey_csv(const view_context& c);
[[nodiscard]] std::string trends_csv(const view_context& c);
[[nodiscard]] std::string drivers_csv(const view_context& c);
[[nodiscard]] std::string comments_csv(const view_context& c);
[[nodiscard]] std::string alerts_csv(const view_context& c);

// Draws and exports by id.
void draw_view(view_id v, view_context& c);
[[nodiscard]] std::string view_csv(view_id v, const view_context& c);

// The measures a trend chart can show, with their axis ranges.
struct trend_measure {
  measure what;
  const char* title;   // English, translated when shown
  double low, high;    // axis range
};
[[nodiscard]] std::span<const trend_measure> trend_measures() noexcept;

}  // namespace otklik::review
