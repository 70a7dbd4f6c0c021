// `otklik validate --surveys DIR FILE.ndjson`: one NDJSON line per invalid response, exit 1 if any.
#include <cstdio>
#include <string>

#include "commands.hpp"
#include "otklik/messages.hpp"
#include "otklik/native/line_reader.hpp"
#include "otklik/native/survey_dir.hpp"
#include "otklik/json_writer.hpp"
#include "otklik/validate.hpp"

namespace otklik::cli {

namespace {

int run_validate(const std::string& surveys_dir, const std::string& input, const std::string& locale) {
  const auto loaded = native::load_survey_dir(surveys_dir);
  if (!loaded.errors.empty()) {
    for (const auto& e : loaded.errors) std::fprintf(stderr, "otklik validate: %s\n", e.c_str());
    return exit_usage;
  }
  native::line_reader reader(input);
  if (!reader.ok()) {
    std::fprintf(stderr, "otklik validate: %s\n", reader.error().c_str());
    return exit_usage;
  }
  validator checker;
  std::string out;
  std::uint64_t total = 0, invalid = 0;
  std::string_view line;
  while (reader.next(line)) {
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank lines are skipped
    ++total;
    auto checked = checker.check(loaded.surveys, line);
    if (checked) continue;
    ++invalid;
    out.clear();
    json_writer w(out);
    w.begin_object().key("line").integer(static_cast<std::int64_t>(reader.line_number()));
    const std::string& id = checker.last_decoded().id;
    w.key("id");
    if (id.empty()) w.raw("null"); else w.string(id);
    w.key("errors").begin_array();
    for (const auto& problem : checked.issues()) {
      w.begin_object()
          .key("path").string(problem.path)
          .key("code").string(to_string(problem.code))
          .key("message").string(message(problem, locale))
          .end_object();
    }
    w.end_array().end_object();
    out.push_back('\n');
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  if (!reader.error().empty()) {
    std::fprintf(stderr, "otklik validate: %s: %s\n", input.c_str(), reader.error().c_str());
    return exit_usage;
  }
  std::fprintf(stderr, "otklik validate: %llu responses, %llu invalid\n", static_cast<unsigned long long>(total),
               static_cast<unsigned long long>(invalid));
  return invalid ? 1 : 0;
}

}  // namespace

void add_validate_command(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("validate", "Check responses (NDJSON) against the surveys; report each invalid line");
  auto surveys = std::make_shared<std::string>();
  auto input = std::make_shared<std::string>("-");
  auto locale = std::make_shared<std::string>("en");
  cmd->add_option("--surveys", *surveys, "Directory of *.json surveys")->required();
  cmd->add_option("--locale", *locale, "Language of the messages: en or ru")->check(CLI::IsMember({"en", "ru"}));
  cmd->add_option("file", *input, "NDJSON file of responses, or - for standard input");
  cmd->footer("Writes one line {\"line\": N, \"id\": ..., \"errors\": [...]} per invalid response.\n"
              "Exit status: 0 all valid, 1 some invalid, 2 bad usage or unreadable input.");
  cmd->callback([&status, surveys, input, locale] { status = run_validate(*surveys, *input, *locale); });
}

}  // namespace otklik::cli
