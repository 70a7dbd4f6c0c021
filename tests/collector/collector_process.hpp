// tests/collector/collector_process.hpp — the real `otklik serve` as a child process on a free loopback
// port, plus the helpers the HTTP tests share (valid bodies, raw sockets, export).
#pragma once

#include <httplib.h>
#include <sys/types.h>

#include <string>
#include <vector>

#include "support/run_command.hpp"

namespace otklik::test {

// Runs `otklik serve --db DB --surveys <vectors> --listen 127.0.0.1:0 EXTRA...`, waits for its
// "listening on" line and keeps its standard error in a file.
class collector_process {
 public:
  collector_process(const std::string& db, const std::string& log_file, std::vector<std::string> extra = {});
  ~collector_process();  // SIGKILL if still running
  collector_process(const collector_process&) = delete;
  collector_process& operator=(const collector_process&) = delete;

  [[nodiscard]] int port() const noexcept { return port_; }
  [[nodiscard]] httplib::Client client() const;
  void send_signal(int signal) const;
  // Waits for the process to end; its exit status, or 128 + signal.
  int wait();
  [[nodiscard]] bool running();

 private:
  pid_t pid_ = -1;
  int port_ = -1;
  int stdout_fd_ = -1;
  int status_ = -1;
};

// A collector on a fresh database in a fresh directory, with its log file beside it.
struct served_collector {
  explicit served_collector(std::vector<std::string> extra = {}) : server(db, log, std::move(extra)) {}
  temp_dir dir;
  std::string db = dir.file("collector.db");
  std::string log = dir.file("collector.log");
  collector_process server;
};

// Runs `otklik ARGUMENTS` (a shell word list) with its output captured in `dir`.
[[nodiscard]] command_result run_otklik(const std::string& arguments, const temp_dir& dir);

// The NDJSON lines of `otklik export --db DB` (REQUIREs exit status 0).
[[nodiscard]] std::vector<std::string> export_lines(const std::string& db);

// A valid passport-renewal response with this id (16..64 of [A-Za-z0-9_-]) and comment.
[[nodiscard]] std::string valid_response(const std::string& id, const std::string& comment = "Всё хорошо",
                                         const std::string& submitted_at = "2026-11-27T10:41:07Z");

// Sends raw bytes on a fresh loopback connection (from `source`, another 127.x.y.z address, when given)
// and returns the server's first complete answer, or what came before the server closed the connection
// or `wait_seconds` passed without a byte (a safety bound, not an assertion).
[[nodiscard]] std::string raw_exchange(int port, const std::string& bytes, int wait_seconds = 30,
                                       const std::string& source = "");

// The status code of the first HTTP response in `answer`, or 0.
[[nodiscard]] int status_of(const std::string& answer);

}  // namespace otklik::test
