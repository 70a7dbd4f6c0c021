// `otklik validate --surveys DIR FILE.ndjson`: one NDJSON line per invalid response, exit 1 if any.
// Lines are validated in blocks on every core; reports come out in input order.
#include <cstdio>
#include <deque>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "commands.hpp"
#include "otklik/json_writer.hpp"
#include "otklik/messages.hpp"
#include "otklik/native/line_reader.hpp"
#include "otklik/native/survey_dir.hpp"
#include "otklik/validate.hpp"

namespace otklik::cli {

namespace {

constexpr std::size_t block_bytes = std::size_t{4} << 20;

// A run of input lines with their numbers, validated as one unit of work.
struct block {
  std::string bytes;                                 // the lines, each followed by '\n'
  std::vector<std::pair<std::uint64_t, std::size_t>> lines;  // (line number, offset in bytes)
};

struct block_report {
  std::string out;  // NDJSON report lines
  std::uint64_t total = 0, invalid = 0;
};

block_report validate_block(const block& b, const survey_set& surveys, const std::string& locale) {
  thread_local validator checker;  // one parser state per thread
  block_report report;
  for (std::size_t i = 0; i < b.lines.size(); ++i) {
    const std::size_t begin = b.lines[i].second;
    const std::size_t end = (i + 1 < b.lines.size() ? b.lines[i + 1].second : b.bytes.size()) - 1;
    const std::string_view line(b.bytes.data() + begin, end - begin);
    ++report.total;
    auto checked = checker.check(surveys, line);
    if (checked) continue;
    ++report.invalid;
    json_writer w(report.out);
    w.begin_object().key("line").integer(static_cast<std::int64_t>(b.lines[i].first));
    const std::string& id = checker.last_decoded().id;
    w.key("id");
    if (id.empty()) w.raw("null"); else w.string(id);
    w.key("errors");
    write_issues(w, checked.issues(), locale);
    w.end_object();
    report.out.push_back('\n');
  }
  return report;
}

int run_validate(const std::string& surveys_dir, const std::string& input, const std::string& locale,
                 unsigned threads) {
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
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());

  std::uint64_t total = 0, invalid = 0;
  std::deque<std::future<block_report>> pending;
  auto drain_one = [&] {
    block_report r = pending.front().get();
    pending.pop_front();
    std::fwrite(r.out.data(), 1, r.out.size(), stdout);
    total += r.total;
    invalid += r.invalid;
  };
  block current;
  auto dispatch = [&] {
    if (current.lines.empty()) return;
    if (pending.size() >= 2 * threads) drain_one();
    pending.push_back(std::async(threads > 1 ? std::launch::async : std::launch::deferred,
                                 [b = std::move(current), &loaded, &locale] {
                                   return validate_block(b, loaded.surveys, locale);
                                 }));
    current = block{};
  };
  std::string_view line;
  while (reader.next(line)) {
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank lines are skipped
    current.lines.emplace_back(reader.line_number(), current.bytes.size());
    current.bytes.append(line);
    current.bytes.push_back('\n');
    if (current.bytes.size() >= block_bytes) dispatch();
  }
  dispatch();
  while (!pending.empty()) drain_one();
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
  auto threads = std::make_shared<unsigned>(0);
  cmd->add_option("--surveys", *surveys, "Directory of *.json surveys")->required();
  cmd->add_option("--locale", *locale, "Language of the messages: en or ru")->check(CLI::IsMember({"en", "ru"}));
  cmd->add_option("--threads", *threads, "Worker threads (default: one per core)");
  cmd->add_option("file", *input, "NDJSON file of responses, or - for standard input");
  cmd->footer("Writes one line {\"line\": N, \"id\": ..., \"errors\": [...]} per invalid response, in input order.\n"
              "Exit status: 0 all valid, 1 some invalid, 2 bad usage or unreadable input.");
  cmd->callback([&status, surveys, input, locale, threads] {
    status = run_validate(*surveys, *input, *locale, *threads);
  });
}

}  // namespace otklik::cli
