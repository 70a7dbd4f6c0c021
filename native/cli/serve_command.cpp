// `otklik serve --db FILE --surveys DIR ...`: runs the collector until SIGTERM or SIGINT, then drains
// in-flight requests, flushes the store and exits 0.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "otklik/collector/default_paths.hpp"
#include "otklik/collector/log.hpp"
#include "otklik/collector/metrics.hpp"
#include "otklik/collector/server.hpp"
#include "otklik/collector/signals.hpp"
#include "otklik/collector/storage/group_commit.hpp"
#include "otklik/collector/storage/sqlite_store.hpp"
#include "otklik/native/survey_dir.hpp"

namespace otklik::cli {
namespace {

namespace co = otklik::collector;

struct serve_arguments {
  std::string db;
  std::string surveys;
  std::string listen = "127.0.0.1:8080";
  std::vector<std::string> origins;
  std::uint32_t rate_limit = co::default_rate_limit_per_minute;
  std::size_t max_body = co::default_max_body;
  std::string portal;
  std::string widget = co::default_widget_dir();
  std::size_t threads = co::default_threads;
  std::string client_address_header;
  int read_timeout = 5;
  std::string durability = "full";
  std::size_t id_merge_min = co::sqlite_options{}.id_merge_min_waiting;
  std::string log_level = "info";
};

// "HOST:PORT", "[v6]:PORT" or ":PORT" (all interfaces).
bool parse_listen(const std::string& text, std::string& host, int& port) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos) return false;
  host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host.empty()) host = "0.0.0.0";
  try {
    std::size_t used = 0;
    port = std::stoi(text.substr(colon + 1), &used);
    return used == text.size() - colon - 1 && port >= 0 && port <= 65535;
  } catch (const std::exception&) {
    return false;
  }
}

std::string url_of(const std::string& host, int port) {
  const bool v6 = host.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port) + "/";
}

int run_serve(const serve_arguments& args) {
  co::set_log_level(*co::parse_log_level(args.log_level));
  co::server_options options;
  if (!parse_listen(args.listen, options.host, options.port)) {
    std::fprintf(stderr, "otklik serve: --listen wants HOST:PORT, got '%s'\n", args.listen.c_str());
    return exit_usage;
  }
  options.allowed_origins = args.origins;
  options.rate_limit_per_minute = args.rate_limit;
  options.max_body = args.max_body;
  options.portal_dir = args.portal;
  options.widget_dir = args.widget;
  options.threads = args.threads;
  options.client_address_header = args.client_address_header;
  options.read_timeout_seconds = args.read_timeout;

  // Before any thread starts, so that every thread inherits the blocked termination signals.
  std::atomic<co::http_server*> running{nullptr};
  co::termination_watch watch([&running](int signal) {
    co::log(co::log_level::info, "draining", {{"signal", signal}});
    if (co::http_server* server = running.load()) server->stop();
  });

  const native::survey_dir loaded = native::load_survey_dir(args.surveys);
  if (!loaded.errors.empty()) {
    for (const std::string& e : loaded.errors) std::fprintf(stderr, "otklik serve: %s\n", e.c_str());
    return exit_usage;
  }
  if (loaded.surveys.all().empty()) co::log(co::log_level::warn, "no_surveys", {{"dir", args.surveys}});

  co::sqlite_options store_options;
  store_options.durability = args.durability == "normal" ? co::sqlite_durability::normal : co::sqlite_durability::full;
  store_options.id_merge_min_waiting = args.id_merge_min;
  co::sqlite_open_result opened = co::open_sqlite_store(args.db, store_options);
  if (!opened.opened) {
    std::fprintf(stderr, "otklik serve: %s: %s\n", args.db.c_str(), opened.error.c_str());
    return exit_usage;
  }

  co::metrics counters;
  co::group_commit committer(*opened.opened, [&counters](const co::batch_report& report) {
    counters.observe_batch(report);
    if (!report.ok) {
      co::log(co::log_level::error, "batch_failed", {{"size", static_cast<std::uint64_t>(report.size)},
                                                     {"error", *report.error}});
    }
  });
  co::http_server server(options, loaded.surveys, *opened.opened, committer, counters);
  std::string error;
  if (!server.bind(error)) {
    std::fprintf(stderr, "otklik serve: %s\n", error.c_str());
    return exit_usage;
  }
  const std::string url = url_of(options.host, server.port());
  std::printf("listening on %s\n", url.c_str());
  if (!options.portal_dir.empty()) std::printf("open %s in a browser for the demo portal\n", url.c_str());
  std::fflush(stdout);
  co::log(co::log_level::info, "listening",
          {{"url", url},
           {"db", args.db},
           {"surveys", static_cast<std::uint64_t>(loaded.surveys.all().size())},
           {"durability", args.durability},
           {"rate_limit_per_minute", static_cast<std::uint64_t>(options.rate_limit_per_minute)},
           {"threads", static_cast<std::uint64_t>(options.threads)}});

  running.store(&server);
  if (watch.received() != 0) server.stop();  // a signal that came before the server existed
  server.serve();
  watch.stop();  // the signal handler may still be returning from server.stop()
  committer.stop();
  co::log(co::log_level::info, "stopped", {{"signal", watch.received()}});
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& app, int& status) {
  auto args = std::make_shared<serve_arguments>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Run the collector: checks, anonymizes and durably stores every submission (POST /v1/responses)");
  cmd->add_option("--db", args->db, "SQLite database file (created and migrated as needed)")->required();
  cmd->add_option("--surveys", args->surveys, "directory of *.json surveys (otklik.survey/1)")->required();
  cmd->add_option("--listen", args->listen, "HOST:PORT to listen on; port 0 picks a free one")->capture_default_str();
  cmd->add_option("--allow-origin", args->origins,
                  "web origin allowed to call the API from a browser (repeatable; '*' allows any)");
  cmd->add_option("--rate-limit", args->rate_limit, "submissions per minute per client address; 0 turns it off")
      ->capture_default_str();
  cmd->add_option("--max-body", args->max_body, "largest request body in bytes (413 beyond)")->capture_default_str();
  cmd->add_option("--static", args->portal, "directory served at / (the demo portal)");
  cmd->add_option("--widget", args->widget, "directory served at /widget/")->capture_default_str();
  cmd->add_option("--threads", args->threads, "event-loop threads serving all connections; 0: one per core")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{0}, std::size_t{256}));
  cmd->add_option("--client-address-header", args->client_address_header,
                  "behind a reverse proxy: header holding the client address for the rate limit (e.g. X-Real-IP)");
  cmd->add_option("--read-timeout", args->read_timeout, "seconds a client may stay silent mid-request")
      ->capture_default_str()
      ->check(CLI::Range(1, 300));
  cmd->add_option("--durability", args->durability,
                  "full: fsync every commit (survives power loss); normal: survives a crash of the process only")
      ->capture_default_str()
      ->check(CLI::IsMember({"full", "normal"}));
  cmd->add_option("--id-merge-min", args->id_merge_min,
                  "stored ids kept outside the id index before a merge starts (tests make it small)")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 24));
  cmd->add_option("--log-level", args->log_level, "debug adds one line per request (never client data)")
      ->capture_default_str()
      ->check(CLI::IsMember({"debug", "info", "warn", "error"}));
  cmd->callback([args, &status] { status = run_serve(*args); });
}

}  // namespace otklik::cli
