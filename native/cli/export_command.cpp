// `otklik export --db FILE [--out FILE]`: streams every stored response as NDJSON in arrival order.
// Safe while the collector runs: it reads a consistent snapshot (SQLite WAL readers never block the writer).
#include <cstdio>
#include <memory>
#include <string>

#include "commands.hpp"
#include "otklik/collector/storage/sqlite_store.hpp"

namespace otklik::cli {
namespace {

struct export_arguments {
  std::string db;
  std::string out = "-";
};

int run_export(const export_arguments& args) {
  collector::sqlite_options options;
  options.read_only = true;
  const collector::sqlite_open_result opened = collector::open_sqlite_store(args.db, options);
  if (!opened.opened) {
    std::fprintf(stderr, "otklik export: %s: %s\n", args.db.c_str(), opened.error.c_str());
    return exit_usage;
  }
  std::FILE* out = args.out == "-" ? stdout : std::fopen(args.out.c_str(), "wb");
  if (out == nullptr) {
    std::perror(("otklik export: " + args.out).c_str());
    return exit_usage;
  }
  static char buffer[1 << 20];
  std::setvbuf(out, buffer, _IOFBF, sizeof buffer);
  const std::unique_ptr<collector::response_cursor> rows = opened.opened->scan();
  std::string_view body;
  bool written = true;
  while (written && rows->next(body)) {
    written = std::fwrite(body.data(), 1, body.size(), out) == body.size() && std::fputc('\n', out) != EOF;
  }
  written = std::fflush(out) == 0 && written;
  if (out != stdout) written = std::fclose(out) == 0 && written;
  if (!rows->error().empty()) {
    std::fprintf(stderr, "otklik export: %s: %s\n", args.db.c_str(), rows->error().c_str());
    return 1;
  }
  if (!written) {
    std::fprintf(stderr, "otklik export: cannot write %s\n", args.out.c_str());
    return 1;
  }
  return 0;
}

}  // namespace

void add_export_command(CLI::App& app, int& status) {
  auto args = std::make_shared<export_arguments>();
  CLI::App* cmd = app.add_subcommand("export", "Write every stored response as NDJSON (otklik.response/1 per line)");
  cmd->add_option("--db", args->db, "the collector's SQLite database")->required();
  cmd->add_option("--out", args->out, "output file; - is standard output")->capture_default_str();
  cmd->callback([args, &status] { status = run_export(*args); });
}

}  // namespace otklik::cli
