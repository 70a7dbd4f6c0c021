// otklik/analysis/html_report.hpp — the report as one self-contained HTML file: tables and inline SVG charts,
// readable offline and printable, with the journey, trends, drivers and comments.
#pragma once

#include <string>

#include "otklik/report.hpp"
#include "otklik/validate.hpp"

namespace otklik::analysis {

struct html_options {
  std::string locale = "en";   // service and stage titles in this locale when the surveys have it
  std::string title = "Otklik report";
};

// The HTML document; `surveys` gives titles (ids are shown where it has none).
[[nodiscard]] std::string to_html(const columnar_store& store, const report& r, const survey_set& surveys,
                                  const html_options& options = {});

}  // namespace otklik::analysis
