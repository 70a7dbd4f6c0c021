// generate_dataset: writes N valid otklik.response/1 NDJSON lines for the surveys of a directory,
// deterministically from a seed (tests, the viewer and the benchmarks use it).
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "dataset.hpp"
#include "otklik/native/survey_dir.hpp"

int main(int argc, char** argv) {
  CLI::App app{"generate_dataset: deterministic otklik.response/1 NDJSON for tests and benchmarks"};
  otklik::test::dataset_options options;
  std::string surveys_dir, out_path = "-";
  app.add_option("--count", options.count, "number of responses")->required();
  app.add_option("--seed", options.seed, "random seed");
  app.add_option("--surveys", surveys_dir, "directory of *.json surveys")->required();
  app.add_option("--out", out_path, "output file, - for standard output");
  app.add_option("--months", options.months, "months the responses span");
  app.add_option("--end", options.end_date, "date (YYYY-MM-DD) the span ends before");
  app.add_option("--comments", options.comment_share, "share of responses with a comment");
  CLI11_PARSE(app, argc, argv);

  const auto dir = otklik::native::load_survey_dir(surveys_dir);
  for (const std::string& error : dir.errors) std::fprintf(stderr, "generate_dataset: %s\n", error.c_str());
  if (dir.surveys.all().empty()) return 2;
  std::FILE* out = out_path == "-" ? stdout : std::fopen(out_path.c_str(), "wb");
  if (out == nullptr) {
    std::fprintf(stderr, "generate_dataset: cannot write %s\n", out_path.c_str());
    return 2;
  }
  std::string line;
  otklik::test::generate_responses(dir.surveys, options, [&](const otklik::response& r) {
    line = otklik::to_json(r);
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), out);
  });
  const bool failed = std::ferror(out) != 0;
  if (out != stdout) std::fclose(out);
  return failed ? 2 : 0;
}
