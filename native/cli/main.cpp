// native/cli/main.cpp — the `otklik` command: wires the subcommands and maps failures to exit statuses.
#include <cstdio>
#include <exception>

#include "commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"otklik: collect and use citizens' feedback on public services"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "otklik 0.1.0");
  int status = 0;
  otklik::cli::add_validate_command(app, status);
  otklik::cli::add_templates_command(app, status);
#ifdef OTKLIK_HAVE_REDACT_COMMAND
  otklik::cli::add_redact_command(app, status);
#endif
#ifdef OTKLIK_HAVE_COLLECTOR
  otklik::cli::add_serve_command(app, status);
  otklik::cli::add_export_command(app, status);
#endif
#ifdef OTKLIK_HAVE_ANALYSIS
  otklik::cli::add_report_command(app, status);
  otklik::cli::add_ingest_command(app, status);
#endif
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : otklik::cli::exit_usage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "otklik: %s\n", e.what());
    return otklik::cli::exit_usage;
  }
  return status;
}
