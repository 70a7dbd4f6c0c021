// `otklik ingest --surveys DIR --snapshot FILE INPUT...`: reads and validates inputs once and saves the
// columnar store as a snapshot that `otklik report` (and the viewer) reload far faster than NDJSON.
#include <cstdio>
#include <string>
#include <vector>

#include "commands.hpp"
#include "otklik/analysis/ingest.hpp"
#include "otklik/analysis/snapshot.hpp"
#include "otklik/native/survey_dir.hpp"
#include "report_shared.hpp"

namespace otklik::cli {

namespace {

struct ingest_args {
  std::string surveys_dir;
  std::string snapshot;
  unsigned threads = 2;
  std::vector<std::string> inputs;
};

int run_ingest(const ingest_args& args) {
  const auto dir = native::load_survey_dir(args.surveys_dir);
  for (const std::string& error : dir.errors) std::fprintf(stderr, "otklik ingest: %s\n", error.c_str());
  if (dir.surveys.all().empty()) return exit_usage;
  analysis::ingest_result ingested;
  if (!read_inputs("otklik ingest", dir.surveys, args.inputs, args.threads, ingested)) return exit_usage;
  const std::string error = analysis::save_snapshot(args.snapshot, ingested.store, ingested.summary);
  if (!error.empty()) {
    std::fprintf(stderr, "otklik ingest: %s\n", error.c_str());
    return exit_usage;
  }
  const std::size_t rows = ingested.store.size();
  std::fprintf(stderr, "otklik ingest: %zu responses, %.1f bytes per response (comments apart), %zu bytes of comments\n",
               rows, rows > 0 ? static_cast<double>(ingested.store.row_bytes()) / static_cast<double>(rows) : 0.0,
               ingested.store.comment_bytes());
  return 0;
}

}  // namespace

void add_ingest_command(CLI::App& app, int& status) {
  auto args = std::make_shared<ingest_args>();
  CLI::App* cmd = app.add_subcommand("ingest", "Validate inputs once and save the columnar store as a snapshot");
  cmd->add_option("--surveys", args->surveys_dir, "directory of *.json surveys")->required();
  cmd->add_option("--snapshot", args->snapshot, "snapshot file to write")->required();
  cmd->add_option("--threads", args->threads, "threads reading NDJSON")->check(CLI::Range(1u, 64u));
  cmd->add_option("inputs", args->inputs, "NDJSON files, collector databases (.db) or snapshots")->required();
  cmd->callback([args, &status] { status = run_ingest(*args); });
}

}  // namespace otklik::cli
