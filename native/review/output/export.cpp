// Export: the report is the analysis library's own (build_report, top_terms, to_html), so the file the viewer
// writes is the one `otklik report --format html` writes for the same rows.
#include "output/export.hpp"

#include <cstdio>

#include "otklik/analysis/html_report.hpp"
#include "otklik/analysis/terms.hpp"
#include "otklik/report.hpp"

namespace otklik::review {

std::string write_text_file(const std::string& path, const std::string& text) {
  std::FILE* out = std::fopen(path.c_str(), "wb");
  if (out == nullptr) return "cannot write " + path;
  const bool ok = std::fwrite(text.data(), 1, text.size(), out) == text.size();
  const bool closed = std::fclose(out) == 0;
  return ok && closed ? std::string() : "cannot write " + path;
}

std::string write_html_report(const report_job& job) {
  report_options options;
  options.k = job.k;
  options.by.period = job.unit;
  report r = build_report(job.data->store, job.rows, options);
  r.input = job.data->summary;
  r.terms = analysis::top_terms(job.data->store, job.rows, r);
  analysis::html_options html;
  html.locale = std::string(to_string(job.lang));
  html.title = job.lang == language::ru ? "Отчёт Otklik" : "Otklik report";
  return write_text_file(job.path, analysis::to_html(job.data->store, r, job.data->surveys, html));
}

}  // namespace otklik::review
