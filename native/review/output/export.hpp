// export.hpp — what "Export" and "Make report" write: text files (CSV) and the HTML report of the current
// filter, built by the core and the analysis library on a background thread.
#pragma once

#include <string>

#include "app/dataset.hpp"
#include "app/i18n.hpp"
#include "otklik/aggregate.hpp"

namespace otklik::review {

// Writes `text` to `path`; an error sentence, or "" on success.
[[nodiscard]] std::string write_text_file(const std::string& path, const std::string& text);

// The HTML report of the rows passing `rows` (grouped by service and stage, trends by `unit`).
struct report_job {
  dataset_ptr data;
  filter rows;
  std::uint32_t k = 10;
  period_unit unit = period_unit::month;
  language lang = language::en;
  std::string path;
};

// Builds and writes the report; an error sentence, or "" on success.
[[nodiscard]] std::string write_html_report(const report_job& job);

}  // namespace otklik::review
