// View names and dispatch by id.
#include "views/views.hpp"

#include "app/i18n.hpp"

namespace otklik::review {

std::string_view to_string(view_id v) noexcept {
  switch (v) {
    case view_id::overview: return "overview";
    case view_id::journey: return "journey";
    case view_id::trends: return "trends";
    case view_id::drivers: return "drivers";
    case view_id::comments: return "comments";
    case view_id::alerts: return "alerts";
  }
  return "overview";
}

std::optional<view_id> parse_view(std::string_view word) noexcept {
  for (const view_id v : all_views) {
    if (to_string(v) == word) return v;
  }
  return std::nullopt;
}

const char* view_title(view_id v) noexcept {
  switch (v) {
    case view_id::overview: return tr("Overview");
    case view_id::journey: return tr("Journey");
    case view_id::trends: return tr("Trends");
    case view_id::drivers: return tr("Drivers");
    case view_id::comments: return tr("Comments");
    case view_id::alerts: return tr("Alerts");
  }
  return "";
}

void draw_view(view_id v, view_context& c) {
  switch (v) {
    case view_id::overview: draw_overview(c); break;
    case view_id::journey: draw_journey(c); break;
    case view_id::trends: draw_trends(c); break;
    case view_id::drivers: draw_drivers(c); break;
    case view_id::comments: draw_comments(c); break;
    case view_id::alerts: draw_alerts(c); break;
  }
}

std::string view_csv(view_id v, const view_context& c) {
  switch (v) {
    case view_id::overview: return overview_csv(c);
    case view_id::journey: return journey_csv(c);
    case view_id::trends: return trends_csv(c);
    case view_id::drivers: return drivers_csv(c);
    case view_id::comments: return comments_csv(c);
    case view_id::alerts: return alerts_csv(c);
  }
  return {};
}

}  // namespace otklik::review
