// native/collector/server.cpp — the HTTP front on cpp-httplib: routing, request framing limits, CORS,
// rate limit, the submission endpoint, health, metrics and static files.
#include "otklik/collector/server.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "otklik/collector/cors.hpp"
#include "otklik/collector/intake.hpp"
#include "header_text.hpp"
#include "otklik/collector/log.hpp"
#include "otklik/response.hpp"

namespace otklik::collector {
namespace {

using detail::lower;
using detail::trim;

using clock = std::chrono::steady_clock;

// A body claimed larger than this is refused before reading it and the connection closed; a smaller
// excess is read and discarded so that the client sees a clean 413 instead of a reset.
constexpr std::size_t discard_factor = 16;

constexpr int listen_backlog = 1024;

// cpp-httplib processes a request from its headers to its answer on one pool thread, so the
// pre-routing handler leaves the start time and route here for the logger to read.
struct request_context {
  bool active = false;
  clock::time_point start;
  route kind = route::other;
};
thread_local request_context current_request;

// Widens cpp-httplib's compiled-in listen backlog of 5: a burst of new keep-alive connections
// (a load balancer, or 50 benchmark clients) would otherwise see SYN drops and 1 s retries.
class tuned_server : public httplib::Server {
 public:
  bool widen_backlog() { return ::listen(svr_sock_, listen_backlog) == 0; }
};

// application/json, with no charset or charset=utf-8 (formats.md: all text is UTF-8 JSON).
bool is_json_utf8(std::string_view content_type) {
  const std::size_t semicolon = content_type.find(';');
  if (lower(trim(content_type.substr(0, semicolon))) != "application/json") return false;
  if (semicolon == std::string_view::npos) return true;
  const std::string parameters = lower(content_type.substr(semicolon + 1));
  const std::size_t charset = parameters.find("charset=");
  if (charset == std::string::npos) return true;
  std::string_view value = trim(std::string_view(parameters).substr(charset + 8));
  value = value.substr(0, value.find(';'));
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
  return value == "utf-8" || value == "utf8";
}

// "ru" when the client's first language is Russian, else "en" (the two languages of messages).
std::string_view message_locale(std::string_view accept_language) {
  const std::string first = lower(trim(accept_language.substr(0, accept_language.find_first_of(",;"))));
  return first == "ru" || first.rfind("ru-", 0) == 0 ? "ru" : "en";
}

std::string_view error_word(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 408: return "request_timeout";
    case 411: return "length_required";
    case 413: return "too_large";
    case 414: return "uri_too_long";
    case 415: return "unsupported_media_type";
    case 429: return "rate_limited";
    case 503: return "unavailable";
    default: return "error";
  }
}

void set_error(httplib::Response& res, int status) {
  res.status = status;
  res.set_content("{\"error\":\"" + std::string(error_word(status)) + "\"}", "application/json");
}

}  // namespace

struct http_server::impl {
  impl(server_options o, const survey_set& s, store& st, group_commit& c, metrics& m)
      : options(std::move(o)),
        storage(st),
        committer(c),
        counters(m),
        cors(options.allowed_origins),
        limiter(options.rate_limit_per_minute),
        submissions(s, c, m, limits{options.max_body, limits{}.max_depth}) {
    for (const survey& one : s.all()) survey_json.emplace(one.id, to_json(one));
    configure();
  }

  route classify(const httplib::Request& req) const {
    const std::string& path = req.path;
    if (req.method == "OPTIONS") return route::preflight;
    if (path == "/v1/responses") return route::responses;
    if (path.rfind("/v1/surveys/", 0) == 0) return route::surveys;
    if (path == "/healthz") return route::healthz;
    if (path == "/metrics") return route::metrics;
    if (!options.widget_dir.empty() && path.rfind("/widget/", 0) == 0) return route::widget;
    if (!options.portal_dir.empty() && (req.method == "GET" || req.method == "HEAD")) return route::portal;
    return route::other;
  }

  // Runs on the headers, before any body is read: CORS, then refusals of bodies that cannot be read safely.
  httplib::Server::HandlerResponse before_routing(const httplib::Request& req, httplib::Response& res) {
    current_request = {true, clock::now(), classify(req)};
    const route kind = current_request.kind;
    const std::string origin = req.get_header_value("Origin");
    if (kind == route::preflight) {
      const preflight_answer answer = cors.preflight(origin, req.get_header_value("Access-Control-Request-Method"),
                                                     req.get_header_value("Access-Control-Request-Headers"));
      if (answer.status != 204) set_error(res, answer.status);
      res.status = answer.status;
      for (const auto& [name, value] : answer.headers) res.set_header(name, value);
      return httplib::Server::HandlerResponse::Handled;
    }
    for (const auto& [name, value] : cors.for_request(origin)) res.set_header(name, value);
    const bool submission = kind == route::responses && req.method == "POST";
    int refusal = 0;
    if (req.has_header("Transfer-Encoding")) {
      refusal = 411;  // chunked bodies have no length to check up front; a browser's fetch sends Content-Length
    } else if (req.get_header_value<std::uint64_t>("Content-Length") > options.max_body * discard_factor) {
      refusal = 413;
    } else if (submission && !req.has_header("Content-Length")) {
      refusal = 411;  // cpp-httplib would otherwise read until the client closes
    }
    if (refusal == 0) return httplib::Server::HandlerResponse::Unhandled;
    // Refused without reading the body. cpp-httplib keeps the connection open unless the client asked
    // to close it, so leftover body bytes are answered as malformed requests: the cost stays with
    // the client that sent them. A smaller body is read and discarded for a clean 413 instead.
    set_error(res, refusal);
    res.set_header("Connection", "close");
    return httplib::Server::HandlerResponse::Handled;
  }

  void post_response(const httplib::Request& req, httplib::Response& res) {
    if (!is_json_utf8(req.get_header_value("Content-Type"))) {
      set_error(res, 415);
      return;
    }
    if (limiter.enabled()) {
      const std::string address = options.client_address_header.empty()
                                      ? req.remote_addr
                                      : req.get_header_value(options.client_address_header.c_str());
      if (!limiter.allow(hasher(address), clock::now())) {
        set_error(res, 429);
        res.set_header("Retry-After", std::to_string(limiter.retry_after_seconds()));
        return;
      }
    }
    intake_reply reply = submissions.submit(req.body, message_locale(req.get_header_value("Accept-Language")));
    res.status = reply.status;
    if (reply.status == 503) res.set_header("Retry-After", "5");
    res.set_content(std::move(reply.body), "application/json");
  }

  void get_survey(const httplib::Request& req, httplib::Response& res) {
    const auto found = survey_json.find(req.matches[1].str());
    if (found == survey_json.end()) {
      set_error(res, 404);
      return;
    }
    res.set_header("Cache-Control", "public, max-age=300");
    res.set_content(found->second, "application/json");
  }

  void get_health(httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    if (storage.healthy()) {
      res.set_content(R"({"status":"ok"})", "application/json");
    } else {
      res.status = 503;
      res.set_content(R"({"status":"unavailable"})", "application/json");
    }
  }

  void get_metrics(httplib::Response& res) {
    const double uptime = std::chrono::duration<double>(clock::now() - started).count();
    const gauge gauges[] = {
        {"otklik_store_healthy", "1 when the store can commit (as GET /healthz).", storage.healthy() ? 1.0 : 0.0},
        {"otklik_store_queued", "Submissions waiting for the next transaction.",
         static_cast<double>(committer.queued())},
        {"otklik_surveys", "Surveys loaded from --surveys.", static_cast<double>(survey_json.size())},
        {"otklik_rate_limit_clients", "Client buckets held by the rate limiter (keyed hashes, in memory).",
         static_cast<double>(limiter.tracked_clients())},
        {"otklik_uptime_seconds", "Seconds since the collector started.", uptime},
    };
    res.set_header("Cache-Control", "no-store");
    res.set_content(counters.render(gauges), "text/plain; version=0.0.4; charset=utf-8");
  }

  // Fills the JSON body of an error that cpp-httplib produced itself (404, 400, 413...).
  httplib::Server::HandlerResponse on_error(const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty() || res.status == 204) return httplib::Server::HandlerResponse::Unhandled;
    set_error(res, res.status);
    return httplib::Server::HandlerResponse::Handled;
  }

  // Runs after every answer is written: metrics and the debug access log (no client data in either).
  void after_response(const httplib::Request& req, const httplib::Response& res) {
    const request_context context = std::exchange(current_request, request_context{});
    const auto elapsed = context.active ? clock::now() - context.start : clock::duration::zero();
    counters.observe_request(context.kind, res.status, elapsed);
    if (context.kind == route::responses) {
      switch (res.status) {
        case 400: counters.observe_rejection(rejection::invalid); break;
        case 411: counters.observe_rejection(rejection::length_required); break;
        case 413: counters.observe_rejection(rejection::too_large); break;
        case 415: counters.observe_rejection(rejection::unsupported_media_type); break;
        case 429: counters.observe_rejection(rejection::rate_limited); break;
        default: break;
      }
    }
    if (log_enabled(log_level::debug)) {
      log(log_level::debug, "request",
          {{"method", req.method},
           {"route", to_string(context.kind)},
           {"status", res.status},
           {"duration_ms", std::chrono::duration<double, std::milli>(elapsed).count()}});
    }
  }

  void configure() {
    server.new_task_queue = [n = options.threads] { return new httplib::ThreadPool(n); };
    server.set_tcp_nodelay(true);
    server.set_keep_alive_max_count(100000);
    server.set_keep_alive_timeout(options.keep_alive_seconds);
    server.set_read_timeout(options.read_timeout_seconds, 0);
    server.set_write_timeout(options.read_timeout_seconds, 0);
    server.set_payload_max_length(options.max_body);
    server.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
    server.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
    server.set_pre_routing_handler([this](const auto& req, auto& res) { return before_routing(req, res); });
    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const httplib::Request& req, httplib::Response& res) { return on_error(req, res); }));
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr failure) {
      std::string what = "unknown exception";
      try {
        if (failure) std::rethrow_exception(failure);
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {
      }
      log(log_level::error, "handler_failed", {{"error", what}});
      set_error(res, 500);
    });
    server.set_logger([this](const auto& req, const auto& res) { after_response(req, res); });
    server.Post("/v1/responses", [this](const auto& req, auto& res) { post_response(req, res); });
    server.Get(R"(/v1/surveys/([a-z0-9][a-z0-9_-]{0,63}))",
               [this](const auto& req, auto& res) { get_survey(req, res); });
    server.Get("/healthz", [this](const auto&, auto& res) { get_health(res); });
    server.Get("/metrics", [this](const auto&, auto& res) { get_metrics(res); });
    const httplib::Headers static_headers = {{"X-Content-Type-Options", "nosniff"},
                                             {"Cache-Control", "public, max-age=300"}};
    if (!options.widget_dir.empty() && !server.set_mount_point("/widget/", options.widget_dir, static_headers)) {
      log(log_level::warn, "widget_dir_missing", {{"dir", options.widget_dir}});
    }
    if (!options.portal_dir.empty() && !server.set_mount_point("/", options.portal_dir, static_headers)) {
      log(log_level::warn, "portal_dir_missing", {{"dir", options.portal_dir}});
    }
  }

  server_options options;
  store& storage;
  group_commit& committer;
  metrics& counters;
  cors_policy cors;
  rate_limiter limiter;
  address_hasher hasher;
  intake submissions;
  std::unordered_map<std::string, std::string> survey_json;  // canonical JSON per survey id
  const clock::time_point started = clock::now();
  tuned_server server;
  int bound_port = -1;
  std::atomic<bool> stop_requested{false};
  std::atomic<bool> serving_done{false};
};

http_server::http_server(server_options options, const survey_set& surveys, store& storage, group_commit& committer,
                         metrics& counters)
    : impl_(std::make_unique<impl>(std::move(options), surveys, storage, committer, counters)) {}

http_server::~http_server() = default;

bool http_server::bind(std::string& error) {
  const server_options& o = impl_->options;
  if (o.port == 0) {
    impl_->bound_port = impl_->server.bind_to_any_port(o.host);
  } else if (impl_->server.bind_to_port(o.host, o.port)) {
    impl_->bound_port = o.port;
  }
  if (impl_->bound_port < 0) {
    error = "cannot listen on " + o.host + ":" + std::to_string(o.port);
    return false;
  }
  if (!impl_->server.widen_backlog()) log(log_level::warn, "listen_backlog_unchanged");
  return true;
}

int http_server::port() const noexcept { return impl_->bound_port; }

void http_server::serve() {
  if (!impl_->stop_requested.load()) impl_->server.listen_after_bind();
  impl_->serving_done.store(true);
}

void http_server::stop() {
  impl_->stop_requested.store(true);
  // listen_after_bind() may not have started yet; cpp-httplib's stop() only acts on a running server.
  while (!impl_->serving_done.load() && !impl_->server.is_running()) {
    if (impl_->bound_port < 0) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  impl_->server.stop();
}

}  // namespace otklik::collector
