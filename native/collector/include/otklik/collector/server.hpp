// otklik/collector/server.hpp — the collector's HTTP front: the API of formats.md, CORS, body limit,
// rate limit, health and metrics, static files (widget and demo portal); Boost.Beast stays hidden.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "otklik/collector/metrics.hpp"
#include "otklik/collector/rate_limit.hpp"
#include "otklik/collector/storage/group_commit.hpp"
#include "otklik/collector/storage/store.hpp"
#include "otklik/validate.hpp"

namespace otklik::collector {

// Default largest request body: a response with a 2000-character comment is under 10 KB.
inline constexpr std::size_t default_max_body = 64 * 1024;
// Default event-loop threads: 0 means one per core. Each loop serves any number of connections; a
// submission waiting for its commit holds no thread.
inline constexpr std::size_t default_threads = 0;

struct server_options {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 picks a free port (tests)
  std::vector<std::string> allowed_origins;
  std::uint32_t rate_limit_per_minute = default_rate_limit_per_minute;  // 0: off
  std::size_t max_body = default_max_body;
  std::string portal_dir;  // served at / when set (the demo portal)
  std::string widget_dir;  // served at /widget/ when set
  std::size_t threads = default_threads;  // event-loop threads; 0: one per core
  // Behind a reverse proxy every peer is the proxy: take the client address from this header
  // (e.g. X-Real-IP, which the proxy must overwrite), for the rate limit's key only.
  std::string client_address_header;
  int read_timeout_seconds = 5;  // a client silent this long mid-request is disconnected
  int keep_alive_seconds = 5;    // an idle keep-alive connection is closed after this
};

class http_server {
 public:
  // Everything passed by reference must outlive the server.
  http_server(server_options options, const survey_set& surveys, store& storage, group_commit& committer,
              metrics& counters);
  ~http_server();
  http_server(const http_server&) = delete;
  http_server& operator=(const http_server&) = delete;

  // Opens the listening socket; false with a reason (address in use, bad host).
  [[nodiscard]] bool bind(std::string& error);
  // The bound port (after bind), useful with port 0.
  [[nodiscard]] int port() const noexcept;
  // Serves until stop(); returns once every request in progress has been answered.
  void serve();
  // Stops accepting and ends idle connections; safe from any thread, even before serve() runs.
  void stop();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace otklik::collector
