// Overview: a tile per service (and one for everything selected) with CSAT, NPS, CES and goal, each with its
// 95 % interval drawn on a small scale; tiles of groups below k show "<k" and nothing else.
#include <cmath>

#include "app/i18n.hpp"
#include "charts/bars.hpp"
#include "views/format.hpp"
#include "views/views.hpp"

namespace otklik::review {

namespace {

// One metric line of a tile: label, value, interval text, and the interval drawn on the metric's scale.
void metric_row(const char* label, const std::string& value, const std::string& ci, charts::range scale, double point,
                const stats::interval& interval, std::uint64_t n, const char* explanation) {
  const float font = ImGui::GetFontSize();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(font * 4.2f);
  ImGui::TextUnformatted(value.c_str());
  ImGui::SameLine(font * 8.0f);
  ImGui::TextDisabled("%s", ci.c_str());
  ImGui::SameLine(font * 15.5f);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeight()));
  const bool hovered = charts::interval_strip(at, ImVec2(at.x + width - font * 0.3f, at.y + ImGui::GetTextLineHeight()),
                                              scale, point, interval.low, interval.high, colors().bar);
  if (hovered || ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::Text("%s: %s %s", label, value.c_str(), ci.c_str());
    ImGui::Text("%s: %s", tr("answers"), count_text(n, false, 0).c_str());
    ImGui::TextDisabled("%s", tr(explanation));
    ImGui::EndTooltip();
  }
}

void hidden_row(const char* label, std::uint64_t n, std::uint32_t k) {
  ImGui::TextUnformatted(label);
  ImGui::SameLine(ImGui::GetFontSize() * 4.2f);
  ImGui::TextDisabled("%s", n == 0 ? tr("no answers") : (tr("hidden: fewer than k answers") + std::string(" (") +
                                                           count_text(n, true, k) + ")").c_str());
}

void tile(const char* id, const std::string& title, const group_metrics& m, std::uint32_t k, const fonts& type,
          ImVec2 size) {
  ImGui::BeginChild(id, size, true, ImGuiWindowFlags_NoScrollbar);
  ImGui::PushFont(type.bold);
  ImGui::TextUnformatted(title.c_str());
  ImGui::PopFont();
  if (m.suppressed) {
    ImGui::TextDisabled("%s %s", tr("responses:"), count_text(m.responses, true, k).c_str());
    ImGui::Spacing();
    ImGui::TextWrapped("%s", tr("Fewer than k responses: no values are shown, so that nobody can be recognised."));
    ImGui::EndChild();
    return;
  }
  ImGui::TextDisabled("%s %s", tr("responses:"), count_text(m.responses, false, k).c_str());
  ImGui::PushFont(type.large);
  ImGui::TextUnformatted(m.csat.suppressed || m.csat.n == 0 ? "—" : fixed(m.csat.mean, 2).c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", tr("CSAT, mean of 1–5"));
  ImGui::Separator();
  if (m.csat.n > 0 && !m.csat.suppressed) {
    metric_row(tr("CSAT"), fixed(m.csat.mean, 2), interval_text(m.csat.mean_ci95, 2), {1.0, 5.0}, m.csat.mean,
               m.csat.mean_ci95, m.csat.n, "Mean overall rating 1–5 with its 95 % interval.");
    metric_row(tr("Top-2"), percent(m.csat.top2), interval_text({m.csat.top2_ci95.low * 100, m.csat.top2_ci95.high * 100}, 1),
               {0.0, 1.0}, m.csat.top2, m.csat.top2_ci95, m.csat.n,
               "Share answering 4 or 5, with its 95 % Wilson interval.");
  } else {
    hidden_row(tr("CSAT"), m.csat.n, k);
  }
  if (m.nps.n > 0 && !m.nps.suppressed) {
    metric_row(tr("NPS"), signed_fixed(m.nps.score, 1), interval_text(m.nps.ci95, 1), {-100.0, 100.0}, m.nps.score,
               m.nps.ci95, m.nps.n, "Promoters (9–10) minus detractors (0–6), −100..100, with its 95 % interval.");
  } else {
    hidden_row(tr("NPS"), m.nps.n, k);
  }
  if (m.ces.n > 0 && !m.ces.suppressed) {
    metric_row(tr("CES"), fixed(m.ces.mean, 2), interval_text(m.ces.ci95, 2), {1.0, 7.0}, m.ces.mean, m.ces.ci95,
               m.ces.n, "Mean effort 1–7 (lower is less effort) with its 95 % interval.");
  } else {
    hidden_row(tr("CES"), m.ces.n, k);
  }
  if (m.goal.n > 0 && !m.goal.suppressed) {
    ImGui::TextUnformatted(tr("Goal"));
    ImGui::SameLine(ImGui::GetFontSize() * 4.2f);
    ImGui::Text("%s %s · %s %s · %s %s", tr("yes"), percent(m.goal.yes).c_str(), tr("partly"),
                percent(m.goal.partly).c_str(), tr("no"), percent(m.goal.no).c_str());
  } else {
    hidden_row(tr("Goal"), m.goal.n, k);
  }
  ImGui::EndChild();
}

}  // namespace

void draw_overview(view_context& c) {
  const view_models& m = *c.models;
  const float font = ImGui::GetFontSize();
  ImGui::Text("%s %s", tr("Responses passing the filter:"), count_text(m.responses, false, m.k).c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("(k = %u)", m.k);
  const ImVec2 size(font * 26.0f, ImGui::GetTextLineHeightWithSpacing() * 9.0f + font * 2.4f);
  const float available = ImGui::GetContentRegionAvail().x;
  const int columns = std::max(1, static_cast<int>((available + ImGui::GetStyle().ItemSpacing.x) /
                                                   (size.x + ImGui::GetStyle().ItemSpacing.x)));
  int column = 0;
  const auto next = [&] {
    if (++column < columns) {
      ImGui::SameLine();
    } else {
      column = 0;
    }
  };
  tile("##all", tr("All selected services"), m.total, m.k, *c.type, size);
  next();
  for (const service_summary& s : m.services) {
    const std::string id = std::string("##service").append(std::to_string(s.service));
    tile(id.c_str(), c.names->service(s.service), s.metrics, m.k, *c.type, size);
    next();
  }
}

std::string overview_csv(const view_context& c) {
  const view_models& m = *c.models;
  csv_table table({"service", "responses", "csat_n", "csat_mean", "csat_mean_low", "csat_mean_high", "csat_top2",
                   "csat_top2_low", "csat_top2_high", "nps_n", "nps", "nps_low", "nps_high", "ces_n", "ces_mean",
                   "ces_low", "ces_high", "goal_n", "goal_yes", "goal_partly", "goal_no"});
  const auto add = [&](const std::string& name, const group_metrics& g) {
    const bool hidden = g.suppressed;
    const auto n = [&](std::uint64_t value, bool metric_hidden) {
      return hidden || metric_hidden ? below_k(m.k) : std::to_string(value);
    };
    const bool cs = hidden || g.csat.suppressed, np = hidden || g.nps.suppressed, ce = hidden || g.ces.suppressed,
               go = hidden || g.goal.suppressed;
    table.row({name, n(g.responses, false), n(g.csat.n, g.csat.suppressed), csv_number(g.csat.mean, cs || g.csat.n == 0),
               csv_number(g.csat.mean_ci95.low, cs || g.csat.n == 0), csv_number(g.csat.mean_ci95.high, cs || g.csat.n == 0),
               csv_number(g.csat.top2, cs || g.csat.n == 0), csv_number(g.csat.top2_ci95.low, cs || g.csat.n == 0),
               csv_number(g.csat.top2_ci95.high, cs || g.csat.n == 0), n(g.nps.n, g.nps.suppressed),
               csv_number(g.nps.score, np || g.nps.n == 0), csv_number(g.nps.ci95.low, np || g.nps.n == 0),
               csv_number(g.nps.ci95.high, np || g.nps.n == 0), n(g.ces.n, g.ces.suppressed),
               csv_number(g.ces.mean, ce || g.ces.n == 0), csv_number(g.ces.ci95.low, ce || g.ces.n == 0),
               csv_number(g.ces.ci95.high, ce || g.ces.n == 0), n(g.goal.n, g.goal.suppressed),
               csv_number(g.goal.yes, go || g.goal.n == 0), csv_number(g.goal.partly, go || g.goal.n == 0),
               csv_number(g.goal.no, go || g.goal.n == 0)});
  };
  add("(all)", m.total);
  for (const service_summary& s : m.services) add(m.data->store.services.word(s.service), s.metrics);
  return table.text();
}

}  // namespace otklik::review
