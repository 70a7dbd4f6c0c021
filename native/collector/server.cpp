// native/collector/server.cpp — the HTTP front on Boost.Beast and Asio: a few event-loop threads serve
// every connection (keep-alive, one request at a time per connection, so pipelined requests wait in
// the buffer); routing, request framing limits, CORS, rate limit, the submission endpoint, health,
// metrics and static files. A submission is checked on its loop thread, then waits for its batch's
// commit without holding any thread; the writer hands the outcomes back to each loop in one wake-up
// per batch, and the loop answers. Each answer goes out as one buffer (status line, fields and body)
// in one send.
#include "otklik/collector/server.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <pthread.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <chrono>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "header_text.hpp"
#include "otklik/collector/cors.hpp"
#include "otklik/collector/intake.hpp"
#include "otklik/collector/log.hpp"
#include "otklik/response.hpp"
#include "static_files.hpp"

namespace otklik::collector {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using detail::lower;
using detail::trim;
using clock = std::chrono::steady_clock;
// Sockets bound to their loop's io_context by type: no type-erased executor on the hot path.
using socket_type = tcp::socket::rebind_executor<asio::io_context::executor_type>::other;

// A body claimed larger than this many times --max-body is refused before reading it and the
// connection closed; a smaller excess is read and discarded so that the client sees a clean 413.
constexpr std::size_t discard_factor = 16;
// Request line and headers together; a longer request line is a 414, longer headers a 431.
constexpr std::size_t header_limit = 16 * 1024;
constexpr int listen_backlog = 1024;
// After answering and closing the sending side, how long unread request bytes are still drained,
// so that the kernel does not reset the connection before the client has read the answer.
constexpr std::chrono::seconds lingering_close{2};
// A connection's read buffer keeps at most this much capacity between requests.
constexpr std::size_t retained_buffer = 64 * 1024;
// How often each loop looks for connections past their deadline. Deadlines are checked by this one
// sweep instead of a timer per read and write, which would cost a timer-queue update each time.
constexpr std::chrono::milliseconds deadline_sweep{250};

std::string_view view(beast::string_view text) { return {text.data(), text.size()}; }

// application/json, with no charset or charset=utf-8 (formats.md: all text is UTF-8 JSON).
bool is_json_utf8(std::string_view content_type) {
  const std::size_t semicolon = content_type.find(';');
  if (!beast::iequals(trim(content_type.substr(0, semicolon)), "application/json")) return false;
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
  const std::string_view first = trim(accept_language.substr(0, accept_language.find_first_of(",;")));
  return beast::iequals(first.substr(0, 3), "ru-") || beast::iequals(first, "ru") ? "ru" : "en";
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
    case 431: return "header_fields_too_large";
    case 503: return "unavailable";
    default: return "error";
  }
}

// Survey ids as formats.md allows them in a path: [a-z0-9][a-z0-9_-]{0,63}.
bool is_survey_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '_' && c != '-'))) return false;
  }
  return true;
}

class session;

// A mutex that spins a moment before it sleeps (glibc's adaptive kind). The writer holds a loop's queue
// of outcomes for one push_back at a time while the loop, woken by the first, waits to take them: a
// sleep and a wake-up would cost far more than that wait.
class adaptive_mutex {
 public:
  adaptive_mutex() {
    pthread_mutexattr_t attributes;
    pthread_mutexattr_init(&attributes);
    pthread_mutexattr_settype(&attributes, PTHREAD_MUTEX_ADAPTIVE_NP);
    pthread_mutex_init(&mutex_, &attributes);
    pthread_mutexattr_destroy(&attributes);
  }
  ~adaptive_mutex() { pthread_mutex_destroy(&mutex_); }
  adaptive_mutex(const adaptive_mutex&) = delete;
  adaptive_mutex& operator=(const adaptive_mutex&) = delete;
  void lock() { pthread_mutex_lock(&mutex_); }
  void unlock() { pthread_mutex_unlock(&mutex_); }

 private:
  pthread_mutex_t mutex_;
};

// One event-loop thread's world: its io_context and the connections it serves (touched only there).
struct loop {
  explicit loop(validator v) : checker(std::move(v)) {}

  std::unordered_set<session*> sessions;  // declared first: handlers still queued at exit refer to it
  asio::io_context context{1};
  asio::steady_timer sweep{context};
  validator checker;  // checks this loop's submissions (a validator is not thread-safe)

  // From the writer thread: queues a submission's outcome for this loop, to be answered after wake().
  void deliver(session* s, submit_status outcome);
  // From the writer thread, after a batch's outcomes: one handler answers all this loop got, so a
  // batch wakes each loop at most once, and only when the writer has handed out every outcome.
  void wake();

 private:
  void answer_committed();

  adaptive_mutex committed_mutex_;
  std::vector<std::pair<session*, submit_status>> committed_;  // guarded by committed_mutex_
  bool wake_posted_ = false;                                   // guarded by committed_mutex_
  std::vector<std::pair<session*, submit_status>> answering_;  // the loop's: swapped with committed_
};

// Everything the connections share: options, policies, the intake, the loops and the listening socket.
struct front {
  front(server_options o, const survey_set& s, store& st, group_commit& c, metrics& m)
      : options(std::move(o)),
        storage(st),
        committer(c),
        counters(m),
        cors(options.allowed_origins),
        limiter(options.rate_limit_per_minute),
        submissions(s, m, limits{options.max_body, limits{}.max_depth}) {
    for (const survey& one : s.all()) survey_json.emplace(one.id, to_json(one));
    std::size_t threads = options.threads;
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    for (std::size_t i = 0; i < threads; ++i) loops.push_back(std::make_unique<loop>(submissions.new_validator()));
    for (const auto& l : loops) keep_running.emplace_back(l->context.get_executor());
    committer.on_answered([this] {
      for (const auto& l : loops) l->wake();
    });
  }
  ~front() { committer.on_answered({}); }  // waits for a call under way
  front(const front&) = delete;
  front& operator=(const front&) = delete;

  route classify(http::verb method, std::string_view path) const {
    if (method == http::verb::options) return route::preflight;
    if (path == "/v1/responses") return route::responses;
    if (path.rfind("/v1/surveys/", 0) == 0) return route::surveys;
    if (path == "/healthz") return route::healthz;
    if (path == "/metrics") return route::metrics;
    if (!options.widget_dir.empty() && path.rfind("/widget/", 0) == 0) return route::widget;
    if (!options.portal_dir.empty() && (method == http::verb::get || method == http::verb::head)) return route::portal;
    return route::other;
  }

  std::string metrics_text() {
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
    return counters.render(gauges);
  }

  void accept_next();
  void begin_drain();
  void sweep_deadlines(loop& l);

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
  std::vector<std::unique_ptr<loop>> loops;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;  // until draining
  std::optional<tcp::acceptor> acceptor;  // lives on loops[0]
  std::optional<asio::steady_timer> accept_pause;
  std::size_t next_loop = 0;
  int bound_port = -1;
  std::atomic<bool> draining{false};
  std::atomic<bool> stop_requested{false};
};

// One client connection: reads a request, answers it, and reads the next one while keep-alive lasts.
class session : public std::enable_shared_from_this<session> {
 public:
  session(front& server, loop& home, socket_type socket)
      : server_(server), home_(home), socket_(std::move(socket)) {}
  ~session() { home_.sessions.erase(this); }
  session(const session&) = delete;
  session& operator=(const session&) = delete;

  // On the home loop's thread.
  void start() {
    home_.sessions.insert(this);
    read_header();
  }

  // On the home loop's thread, once the server drains: an idle connection is closed now; one in the
  // middle of a request is answered first (with Connection: close).
  void drain() {
    if (waiting_for_request_) interrupt();
  }

  // On the home loop's thread, from the deadline sweep: a connection past its deadline is ended.
  void expire_if_late(clock::time_point now) {
    if (now <= deadline_) return;
    if (lingering_) return close();
    interrupt();
  }

 private:
  void read_header() {
    if (server_.draining.load(std::memory_order_relaxed)) return close_after_answer();
    // A large body (up to discard_factor x --max-body) grew the buffer: give the memory back rather
    // than keep it for the life of a keep-alive connection.
    if (buffer_.size() == 0 && buffer_.capacity() > retained_buffer) buffer_.shrink_to_fit();
    parser_.emplace();
    parser_->header_limit(header_limit);
    parser_->body_limit(server_.options.max_body * discard_factor);
    waiting_for_request_ = true;
    deadline_ = clock::now() + std::chrono::seconds(server_.options.keep_alive_seconds);
    http::async_read_header(socket_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    waiting_for_request_ = false;
    head_ = false;
    started_ = clock::now();
    kind_ = route::other;
    keep_alive_ = false;
    if (ec == http::error::header_limit) {
      // No line end in the whole allowance: the request line itself is too long.
      const auto data = buffer_.cdata();
      const std::string_view received(static_cast<const char*>(data.data()), data.size());
      return respond_error(received.find("\r\n") == std::string_view::npos ? 414 : 431);
    }
    if (ec == http::error::body_limit) return respond_error(413);  // claimed length far over --max-body
    if (ec == http::error::end_of_stream || ec == asio::error::operation_aborted || ec == asio::error::bad_descriptor ||
        ec == asio::error::connection_reset || ec == asio::error::eof) {
      return end();
    }
    if (ec) return respond_error(400);
    const auto& request = parser_->get();
    const std::string_view target = view(request.target());
    path_ = target.substr(0, target.find('?'));
    kind_ = server_.classify(request.method(), path_);
    head_ = request.method() == http::verb::head;
    keep_alive_ = request.keep_alive();
    origin_headers_ = server_.cors.for_request(view(request[http::field::origin]));
    if (kind_ == route::preflight) {
      if (!parser_->is_done()) keep_alive_ = false;  // a body we will not read
      const preflight_answer answer =
          server_.cors.preflight(view(request[http::field::origin]),
                                 view(request[http::field::access_control_request_method]),
                                 view(request[http::field::access_control_request_headers]));
      origin_headers_ = answer.headers;
      if (answer.status == 204) return respond(204, {}, {});
      return respond_error(answer.status);
    }
    const bool submission = kind_ == route::responses && request.method() == http::verb::post;
    if (request.find(http::field::transfer_encoding) != request.end()) {
      keep_alive_ = false;
      return respond_error(411);  // chunked bodies have no length to check up front; fetch sends Content-Length
    }
    if (submission && !request.has_content_length()) {
      keep_alive_ = false;
      return respond_error(411);
    }
    if (parser_->is_done()) return handle();
    if (beast::iequals(request[http::field::expect], "100-continue")) {
      auto interim = std::make_shared<const std::string>("HTTP/1.1 100 Continue\r\n\r\n");
      asio::async_write(socket_, asio::buffer(*interim),
                        [self = shared_from_this(), interim](beast::error_code write_error, std::size_t) {
                          if (write_error) return self->end();
                          self->read_body();
                        });
      return;
    }
    read_body();
  }

  void read_body() {
    // A small body usually arrives with its header: parse what is buffered at once, and start an
    // asynchronous read (a handler more through the loop) only when the body is not all here.
    while (buffer_.size() > 0 && !parser_->is_done()) {
      beast::error_code ec;
      const std::size_t used = parser_->put(buffer_.data(), ec);
      buffer_.consume(used);
      if (ec == http::error::need_more) break;
      if (ec) return end();  // as the asynchronous read below would
      if (used == 0) break;
    }
    if (parser_->is_done()) return handle();
    deadline_ = clock::now() + std::chrono::seconds(server_.options.read_timeout_seconds);
    http::async_read(socket_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->end();  // cut short or too slow: nothing to answer
      self->handle();
    });
  }

  // The whole request is in parser_: route it.
  void handle() {
    deadline_ = clock::time_point::max();  // the store's time is not the client's: no deadline until the answer
    const auto& request = parser_->get();
    const http::verb method = request.method();
    const bool read_only = method == http::verb::get || head_;
    try {
      if (kind_ == route::responses) {
        if (method != http::verb::post) return respond_not_allowed("POST");
        if (request.body().size() > server_.options.max_body) return respond_error(413);
        return post_response();
      }
      if (request.body().size() > server_.options.max_body) return respond_error(413);
      switch (kind_) {
        case route::surveys: {
          if (!read_only) return respond_not_allowed("GET, HEAD");
          const std::string_view id = path_.substr(std::string_view("/v1/surveys/").size());
          const auto found = is_survey_id(id) ? server_.survey_json.find(std::string(id)) : server_.survey_json.end();
          if (found == server_.survey_json.end()) return respond_error(404);
          extra_headers_.emplace_back("Cache-Control", "public, max-age=300");
          return respond(200, found->second, "application/json");
        }
        case route::healthz:
          if (!read_only) return respond_not_allowed("GET, HEAD");
          extra_headers_.emplace_back("Cache-Control", "no-store");
          if (server_.storage.healthy()) return respond(200, R"({"status":"ok"})", "application/json");
          return respond(503, R"({"status":"unavailable"})", "application/json");
        case route::metrics:
          if (!read_only) return respond_not_allowed("GET, HEAD");
          extra_headers_.emplace_back("Cache-Control", "no-store");
          return respond(200, server_.metrics_text(), "text/plain; version=0.0.4; charset=utf-8");
        case route::widget:
        case route::portal:
          if (!read_only) return respond_not_allowed("GET, HEAD");
          return serve_file();
        default:
          return respond_error(404);
      }
    } catch (const std::exception& e) {
      log(log_level::error, "handler_failed", {{"error", std::string(e.what())}});
      return respond_error(500);
    }
  }

  void post_response() {
    const auto& request = parser_->get();
    if (!is_json_utf8(view(request[http::field::content_type]))) return respond_error(415);
    if (server_.limiter.enabled()) {
      std::string address;
      if (server_.options.client_address_header.empty()) {
        beast::error_code ignored;
        address = socket_.remote_endpoint(ignored).address().to_string();
      } else {
        address = std::string(view(request[server_.options.client_address_header]));
      }
      if (!server_.limiter.allow(server_.hasher(address), clock::now())) {
        extra_headers_.emplace_back("Retry-After", std::to_string(server_.limiter.retry_after_seconds()));
        return respond_error(429);
      }
    }
    intake_check checked =
        server_.submissions.check(home_.checker, request.body(),
                                  message_locale(view(request[http::field::accept_language])));
    if (!checked.valid) return respond(checked.rejection.status, std::move(checked.rejection.body), "application/json");
    record_ = std::move(checked.record);
    // The session, and the loop's run(), must outlive the commit: both are released in on_committed.
    committing_ = shared_from_this();
    loop_busy_.emplace(home_.context.get_executor());
    server_.committer.submit(record_, [this](submit_status outcome) { home_.deliver(this, outcome); });
  }

 public:
  // On the home loop's thread, once the submission's batch has committed (or failed).
  void on_committed(submit_status outcome) {
    const std::shared_ptr<session> self = std::move(committing_);
    loop_busy_.reset();
    intake_reply reply = server_.submissions.acknowledge(record_.id, outcome);
    if (reply.status == 503) extra_headers_.emplace_back("Retry-After", "5");
    respond(reply.status, std::move(reply.body), "application/json");
  }

 private:
  void serve_file() {
    const std::string& root = kind_ == route::widget ? server_.options.widget_dir : server_.options.portal_dir;
    const std::string_view relative =
        kind_ == route::widget ? path_.substr(std::string_view("/widget").size()) : path_;
    std::string accept_encoding;  // every Accept-Encoding field line, as one list
    const auto [first, last] = parser_->get().equal_range(http::field::accept_encoding);
    for (auto field = first; field != last; ++field) accept_encoding.append(view(field->value())).push_back(',');
    const bool gzip = detail::accepts_gzip(accept_encoding);
    std::optional<detail::static_file> file = detail::load_static_file(root, relative, gzip);
    if (!file && kind_ == route::widget && !server_.options.portal_dir.empty()) {
      file = detail::load_static_file(server_.options.portal_dir, path_, gzip);  // the portal's mount is "/"
    }
    if (!file) return respond_error(404);
    extra_headers_.emplace_back("X-Content-Type-Options", "nosniff");
    extra_headers_.emplace_back("Cache-Control", "public, max-age=300");
    // On both variants, so caches keep them apart; with the CORS Vary: Origin kept beside it, or a cache
    // would hand one portal's answer (its Access-Control-Allow-Origin) to another.
    const bool varies_by_origin = std::any_of(origin_headers_.begin(), origin_headers_.end(),
                                              [](const auto& field) { return field.first == "Vary"; });
    extra_headers_.emplace_back("Vary", varies_by_origin ? "Origin, Accept-Encoding" : "Accept-Encoding");
    if (file->gzip_encoded) extra_headers_.emplace_back("Content-Encoding", "gzip");
    respond(200, std::move(file->content), file->content_type);
  }

  void respond_not_allowed(std::string_view allowed) {
    extra_headers_.emplace_back("Allow", std::string(allowed));
    respond_error(405);
  }

  void respond_error(int status) {
    if (status == 413 || status == 414 || status == 431 || status == 400) keep_alive_ = false;
    respond(status, "{\"error\":\"" + std::string(error_word(status)) + "\"}", "application/json");
  }

  // Writes the status line and fields into head_text_ (kept across requests, so no allocation once it
  // has grown) and sends them with the body in one write. The bytes are those Beast's serializer wrote
  // for the same message: the fields in the order set, a later field replacing an earlier one of the
  // same name, then Connection and Content-Length.
  void respond(int status, std::string body, std::string_view content_type) {
    status_ = status;
    if (server_.draining.load(std::memory_order_relaxed)) keep_alive_ = false;
    const unsigned version = parser_ && parser_->is_header_done() ? parser_->get().version() : 11;
    if (!content_type.empty()) fields_.emplace_back("Content-Type", content_type);
    for (const auto& [name, value] : origin_headers_) set_field(name, value);
    for (const auto& [name, value] : extra_headers_) set_field(name, value);
    if (version >= 11 && !keep_alive_) set_field("Connection", "close");
    if (version < 11 && keep_alive_) set_field("Connection", "keep-alive");
    char length[24];
    const bool has_length = head_ || status != 204;
    const std::size_t length_size =
        has_length ? static_cast<std::size_t>(std::to_chars(length, length + sizeof length, body.size()).ptr - length) : 0;
    const auto reason = http::obsolete_reason(static_cast<http::status>(status));

    const char status_line[] = {'H', 'T', 'T', 'P', '/', static_cast<char>('0' + version / 10 % 10), '.',
                                static_cast<char>('0' + version % 10), ' ', static_cast<char>('0' + status / 100 % 10),
                                static_cast<char>('0' + status / 10 % 10), static_cast<char>('0' + status % 10), ' '};
    head_text_.assign(status_line, sizeof status_line).append(reason.data(), reason.size()).append("\r\n");
    for (const auto& [name, value] : fields_) head_text_.append(name).append(": ").append(value).append("\r\n");
    if (has_length) head_text_.append("Content-Length: ").append(length, length_size).append("\r\n");
    head_text_.append("\r\n");
    fields_.clear();
    extra_headers_.clear();
    origin_headers_.clear();
    body_ = !head_ && status != 204 ? std::move(body) : std::string();

    deadline_ = clock::now() + std::chrono::seconds(server_.options.read_timeout_seconds);
    const std::array<asio::const_buffer, 2> answer{asio::buffer(head_text_), asio::buffer(body_)};
    asio::async_write(socket_, answer,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_written(ec); });
  }

  // A field of the answer; one already there with the same name (in any case) is replaced.
  void set_field(std::string_view name, std::string_view value) {
    std::erase_if(fields_, [name](const auto& field) { return beast::iequals(field.first, name); });
    fields_.emplace_back(name, value);
  }

  void on_written(beast::error_code ec) {
    observe();
    if (ec) return end();
    if (!keep_alive_) return close_after_answer();
    read_header();
  }

  // Metrics and the debug access log (no client data in either).
  void observe() {
    const auto elapsed = clock::now() - started_;
    server_.counters.observe_request(kind_, status_, elapsed);
    if (kind_ == route::responses) {
      switch (status_) {
        case 400: server_.counters.observe_rejection(rejection::invalid); break;
        case 411: server_.counters.observe_rejection(rejection::length_required); break;
        case 413: server_.counters.observe_rejection(rejection::too_large); break;
        case 415: server_.counters.observe_rejection(rejection::unsupported_media_type); break;
        case 429: server_.counters.observe_rejection(rejection::rate_limited); break;
        default: break;
      }
    }
    if (log_enabled(log_level::debug)) {
      const std::string method = parser_ && parser_->is_header_done()
                                     ? std::string(view(parser_->get().method_string()))
                                     : std::string("-");
      log(log_level::debug, "request",
          {{"method", method},
           {"route", to_string(kind_)},
           {"status", status_},
           {"duration_ms", std::chrono::duration<double, std::milli>(elapsed).count()}});
    }
  }

  // Ends the sending side, then reads and drops whatever the client still sends for a moment: closing
  // with unread bytes would reset the connection and could destroy the answer in flight.
  void close_after_answer() {
    lingering_ = true;
    beast::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_send, ignored);
    deadline_ = clock::now() + lingering_close;
    linger();
  }

  void linger() {
    buffer_.consume(buffer_.size());
    socket_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      self->linger();
    });
  }

  // Stops the read or write under way (its handler then calls end()), to end the connection gracefully.
  void interrupt() {
    interrupted_ = true;
    beast::error_code ignored;
    socket_.cancel(ignored);
  }

  // A read or write failed or was interrupted. An interrupted connection (timeout, drain) may still
  // be receiving: it gets a FIN and a moment of draining, since closing with unread bytes resets it.
  void end() {
    if (interrupted_ && !lingering_) return close_after_answer();
    close();
  }

  void close() {
    deadline_ = clock::time_point::max();
    beast::error_code ignored;
    socket_.close(ignored);
  }

  front& server_;
  loop& home_;
  socket_type socket_;
  clock::time_point deadline_ = clock::time_point::max();  // of the read or write under way
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::string head_text_;  // the status line and fields of the answer being sent
  std::string body_;       // its body (empty for HEAD and 204)
  std::vector<std::pair<std::string_view, std::string_view>> fields_;  // of the answer being built
  std::string_view path_;  // into parser_'s target
  route kind_ = route::other;
  bool head_ = false;
  bool keep_alive_ = false;
  bool waiting_for_request_ = false;
  bool interrupted_ = false;  // by the deadline sweep or the drain
  bool lingering_ = false;    // sending side shut, reading until the client closes
  int status_ = 0;
  clock::time_point started_;
  header_list origin_headers_;
  header_list extra_headers_;
  stored_response record_;
  std::shared_ptr<session> committing_;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> loop_busy_;
};

void loop::deliver(session* s, submit_status outcome) {
  const std::lock_guard<adaptive_mutex> lock(committed_mutex_);
  committed_.emplace_back(s, outcome);
}

void loop::wake() {
  {
    const std::lock_guard<adaptive_mutex> lock(committed_mutex_);
    if (committed_.empty() || wake_posted_) return;
    wake_posted_ = true;
  }
  asio::post(context, [this] { answer_committed(); });
}

// On the loop's thread: answers every outcome queued so far (those queued later come with a later wake).
void loop::answer_committed() {
  {
    const std::lock_guard<adaptive_mutex> lock(committed_mutex_);
    answering_.swap(committed_);
    wake_posted_ = false;
  }
  for (const auto& [s, outcome] : answering_) s->on_committed(outcome);
  answering_.clear();
}

void front::accept_next() {
  loop& target = *loops[next_loop++ % loops.size()];
  acceptor->async_accept(target.context.get_executor(), [this, &target](beast::error_code ec, socket_type socket) {
    if (draining.load() || !acceptor->is_open()) return;
    if (ec) {
      // Out of descriptors, most likely: pause instead of spinning, then try again.
      accept_pause->expires_after(std::chrono::milliseconds(50));
      accept_pause->async_wait([this](beast::error_code) {
        if (!draining.load()) accept_next();
      });
      return;
    }
    beast::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    auto s = std::make_shared<session>(*this, target, std::move(socket));
    asio::post(target.context, [s] { s->start(); });
    accept_next();
  });
}

// On loops[0]: no new connections; every loop closes its idle connections and finishes the others.
void front::begin_drain() {
  if (draining.exchange(true)) return;
  beast::error_code ignored;
  if (acceptor) acceptor->close(ignored);
  if (accept_pause) accept_pause->cancel();
  for (const auto& l : loops) {
    loop* target = l.get();
    asio::post(target->context, [target] {
      for (session* s : target->sessions) s->drain();
    });
  }
  keep_running.clear();  // each loop's run() returns once its last connection is gone
}

// On the loop's thread, every deadline_sweep while the loop has connections or is not draining.
void front::sweep_deadlines(loop& l) {
  const clock::time_point now = clock::now();
  for (auto it = l.sessions.begin(); it != l.sessions.end();) {
    session* s = *it++;  // closing may not erase now, but stay safe if it ever does
    s->expire_if_late(now);
  }
  if (draining.load() && l.sessions.empty()) return;
  l.sweep.expires_after(deadline_sweep);
  l.sweep.async_wait([this, &l](beast::error_code ec) {
    if (!ec) sweep_deadlines(l);
  });
}

}  // namespace

struct http_server::impl : front {
  using front::front;
};

http_server::http_server(server_options options, const survey_set& surveys, store& storage, group_commit& committer,
                         metrics& counters)
    : impl_(std::make_unique<impl>(std::move(options), surveys, storage, committer, counters)) {}

http_server::~http_server() = default;

bool http_server::bind(std::string& error) {
  const server_options& o = impl_->options;
  try {
    asio::io_context& context = impl_->loops.front()->context;
    tcp::resolver resolver(context);
    const auto endpoints = resolver.resolve(o.host, std::to_string(o.port), tcp::resolver::passive);
    if (endpoints.empty()) throw std::runtime_error("no address");
    const tcp::endpoint endpoint = endpoints.begin()->endpoint();
    tcp::acceptor& acceptor = impl_->acceptor.emplace(context);
    acceptor.open(endpoint.protocol());
    acceptor.set_option(tcp::acceptor::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(listen_backlog);
    impl_->bound_port = acceptor.local_endpoint().port();
    impl_->accept_pause.emplace(context);
  } catch (const std::exception& e) {
    impl_->acceptor.reset();
    error = "cannot listen on " + o.host + ":" + std::to_string(o.port) + ": " + e.what();
    return false;
  }
  return true;
}

int http_server::port() const noexcept { return impl_->bound_port; }

void http_server::serve() {
  if (!impl_->acceptor) return;
  if (impl_->stop_requested.load()) {
    impl_->begin_drain();
    return;
  }
  impl_->accept_next();
  for (const auto& l : impl_->loops) {
    loop* target = l.get();
    asio::post(target->context, [server = impl_.get(), target] { server->sweep_deadlines(*target); });
  }
  std::vector<std::thread> others;
  for (std::size_t i = 1; i < impl_->loops.size(); ++i) {
    others.emplace_back([context = &impl_->loops[i]->context, i] {
      // Per-thread CPU in top -H and the benchmark (the first loop runs on the main thread, "otklik").
      pthread_setname_np(pthread_self(), ("otklik-loop" + std::to_string(i)).c_str());
      context->run();
    });
  }
  impl_->loops.front()->context.run();
  for (std::thread& t : others) t.join();
}

void http_server::stop() {
  impl_->stop_requested.store(true);
  front* server = impl_.get();
  asio::post(impl_->loops.front()->context, [server] { server->begin_drain(); });
}

}  // namespace otklik::collector
