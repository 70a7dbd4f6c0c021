// `otklik report --surveys DIR [--format json|csv|html] [--out FILE] [--k N] [--by ...] [--period ...] INPUT...`:
// ingests NDJSON files, collector databases or snapshots and writes otklik.report/1 JSON, CSV or HTML.
#include <cstdio>
#include <string>
#include <vector>

#include "commands.hpp"
#include "otklik/analysis/html_report.hpp"
#include "otklik/analysis/ingest.hpp"
#include "otklik/analysis/terms.hpp"
#include "otklik/messages.hpp"
#include "otklik/native/survey_dir.hpp"
#include "otklik/report.hpp"
#include "report_shared.hpp"

namespace otklik::cli {

namespace {

struct report_args {
  std::string surveys_dir;
  std::string format = "json";
  std::string out = "-";
  std::uint32_t k = 0;   // 0: the strictest k of the surveys present
  std::vector<std::string> by;
  std::string period = "month";
  std::string locale = "en";
  unsigned threads = 2;
  bool timings = false;
  std::vector<std::string> inputs;
};

int run_report(const report_args& args) {
  const auto dir = native::load_survey_dir(args.surveys_dir);
  for (const std::string& error : dir.errors) std::fprintf(stderr, "otklik report: %s\n", error.c_str());
  if (dir.surveys.all().empty()) return exit_usage;

  report_options options;
  const auto unit = parse_period_unit(args.period);
  if (!unit) {
    std::fprintf(stderr, "otklik report: --period must be day, week or month\n");
    return exit_usage;
  }
  options.by.period = *unit;
  if (!args.by.empty()) {
    options.by.by.clear();
    for (const std::string& word : args.by) {
      const auto d = parse_dimension(word);
      if (!d) {
        std::fprintf(stderr, "otklik report: --by takes service, stage, channel, region, locale, period (not '%s')\n",
                     word.c_str());
        return exit_usage;
      }
      options.by.by.push_back(*d);
    }
  }

  phase_clock clock(args.timings);
  analysis::ingest_result ingested;
  if (!read_inputs("otklik report", dir.surveys, args.inputs, args.threads, ingested)) return exit_usage;
  options.k = args.k > 0 ? args.k : ingested.store.strictest_k();
  clock.lap("ingest");

  report r = build_report(ingested.store, filter{}, options);
  r.input = ingested.summary;
  clock.lap("aggregate, journey, trends, drivers");
  analysis::term_options term_options;
  term_options.threads = args.threads;
  r.terms = analysis::top_terms(ingested.store, filter{}, r, term_options);
  clock.lap("terms");

  std::string text;
  if (args.format == "json") {
    text = to_json(ingested.store, r);
  } else if (args.format == "csv") {
    text = to_csv(ingested.store, r);
  } else if (args.format == "html") {
    analysis::html_options html;
    html.locale = args.locale;
    text = analysis::to_html(ingested.store, r, dir.surveys, html);
  } else {
    std::fprintf(stderr, "otklik report: --format must be json, csv or html\n");
    return exit_usage;
  }
  clock.lap("format");
  const bool written = write_output(args.out, text, "otklik report");
  clock.lap("write");
  return written ? 0 : exit_usage;
}

}  // namespace

void add_report_command(CLI::App& app, int& status) {
  auto args = std::make_shared<report_args>();
  CLI::App* cmd = app.add_subcommand("report", "Satisfaction per service, stage and criterion, journeys, trends, "
                                                "drivers and comments, as JSON, CSV or HTML");
  cmd->add_option("--surveys", args->surveys_dir, "directory of *.json surveys")->required();
  cmd->add_option("--format", args->format, "json (otklik.report/1), csv or html")
      ->check(CLI::IsMember({"json", "csv", "html"}));
  cmd->add_option("--out", args->out, "output file (- for standard output)");
  cmd->add_option("--k", args->k, "hide groups with fewer responses (default: the surveys' strictest k)")
      ->check(CLI::Range(1u, 1000000u));
  cmd->add_option("--by", args->by, "group by: service,stage,channel,region,locale,period")->delimiter(',');
  cmd->add_option("--period", args->period, "period of trends and of --by period: day, week or month");
  cmd->add_option("--locale", args->locale, "titles in the HTML report: ru or en");
  cmd->add_option("--threads", args->threads, "threads reading NDJSON")->check(CLI::Range(1u, 64u));
  cmd->add_flag("--timings", args->timings, "print the seconds of each phase on standard error");
  cmd->add_option("inputs", args->inputs, "NDJSON files, collector databases (.db) or snapshots")->required();
  cmd->callback([args, &status] { status = run_report(*args); });
}

}  // namespace otklik::cli
