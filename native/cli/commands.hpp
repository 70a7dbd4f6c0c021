// native/cli/commands.hpp — one registration function per `otklik` subcommand, each in its own file.
#pragma once

#include <CLI/CLI.hpp>

namespace otklik::cli {

// Exit status for bad usage or unreadable input (CLI11's own parse errors map to it too).
inline constexpr int exit_usage = 2;

// Each adds its subcommand to `app`; the callback runs the command and stores its exit status in `status`.
void add_validate_command(CLI::App& app, int& status);
void add_redact_command(CLI::App& app, int& status);
void add_serve_command(CLI::App& app, int& status);
void add_export_command(CLI::App& app, int& status);
void add_report_command(CLI::App& app, int& status);
void add_ingest_command(CLI::App& app, int& status);
void add_templates_command(CLI::App& app, int& status);

}  // namespace otklik::cli
