// tests/collector/collector_process.cpp — child-process and socket plumbing for the HTTP tests.
#include "collector_process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <sstream>

extern char** environ;

namespace otklik::test {
namespace {

// Seconds to wait for the server's first line: ASan builds start slowly on a busy 2-core machine.
constexpr int startup_seconds = 60;

std::vector<char*> argv_of(std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  return argv;
}

pid_t spawn(std::vector<std::string> args, int stdout_fd, int stderr_fd) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, stdout_fd, STDOUT_FILENO);
  if (stderr_fd >= 0) posix_spawn_file_actions_adddup2(&actions, stderr_fd, STDERR_FILENO);
  auto argv = argv_of(args);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(rc == 0);
  return pid;
}

// Reads one line from `fd`, waiting at most `seconds` for each chunk.
std::string read_line(int fd, int seconds) {
  std::string line;
  char c = 0;
  while (true) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, seconds * 1000) <= 0) break;
    if (read(fd, &c, 1) != 1 || c == '\n') break;
    line.push_back(c);
  }
  return line;
}

// Whether `answer` holds a status line, headers and as many body bytes as Content-Length says.
bool holds_complete_response(const std::string& answer) {
  const std::size_t end_of_headers = answer.find("\r\n\r\n");
  if (end_of_headers == std::string::npos) return false;
  const std::string headers = answer.substr(0, end_of_headers);
  std::size_t body = 0;
  const std::size_t length = headers.find("Content-Length: ");
  if (length != std::string::npos) body = std::stoul(headers.substr(length + 16));
  return answer.size() >= end_of_headers + 4 + body;
}

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

collector_process::collector_process(const std::string& db, const std::string& log_file,
                                     std::vector<std::string> extra) {
  int pipe_fds[2];
  REQUIRE(pipe2(pipe_fds, O_CLOEXEC) == 0);
  const int log_fd = open(log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  REQUIRE(log_fd >= 0);
  std::vector<std::string> args = {OTKLIK_BINARY,     "serve", "--db", db, "--surveys", OTKLIK_SURVEYS_DIR,
                                   "--listen", "127.0.0.1:0"};
  args.insert(args.end(), extra.begin(), extra.end());
  pid_ = spawn(args, pipe_fds[1], log_fd);
  close(pipe_fds[1]);
  close(log_fd);
  stdout_fd_ = pipe_fds[0];
  const std::string line = read_line(stdout_fd_, startup_seconds);
  INFO("first line of otklik serve: " << line);
  const std::string prefix = "listening on http://127.0.0.1:";
  REQUIRE(line.rfind(prefix, 0) == 0);
  port_ = std::stoi(line.substr(prefix.size()));
  REQUIRE(port_ > 0);
}

collector_process::~collector_process() {
  if (running()) {
    kill(pid_, SIGKILL);
    (void)wait();
  }
  if (stdout_fd_ >= 0) close(stdout_fd_);
}

httplib::Client collector_process::client() const {
  httplib::Client c("127.0.0.1", port_);
  c.set_connection_timeout(30);
  c.set_read_timeout(30);
  c.set_write_timeout(30);
  return c;
}

void collector_process::send_signal(int signal) const { kill(pid_, signal); }

int collector_process::wait() {
  if (status_ >= 0) return status_;
  int raw = 0;
  while (waitpid(pid_, &raw, 0) < 0 && errno == EINTR) {
  }
  status_ = decode_status(raw);
  return status_;
}

bool collector_process::running() {
  if (status_ >= 0) return false;
  int raw = 0;
  const pid_t done = waitpid(pid_, &raw, WNOHANG);
  if (done == pid_) status_ = decode_status(raw);
  return done == 0;
}

command_result run_otklik(const std::string& arguments, const temp_dir& dir) {
  return run_command(std::string(OTKLIK_BINARY) + " " + arguments, dir);
}

std::vector<std::string> export_lines(const std::string& db) {
  const temp_dir scratch;
  const command_result exported = run_otklik("export --db '" + db + "'", scratch);
  INFO(exported.err);
  REQUIRE(exported.status == 0);
  std::vector<std::string> lines;
  std::istringstream in(exported.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string valid_response(const std::string& id, const std::string& comment, const std::string& submitted_at) {
  return R"({"format":"otklik.response/1","id":")" + id +
         R"(","survey":"passport-renewal","service":"passport-renewal","stage":"application","channel":"web",)"
         R"("locale":"ru","submitted_at":")" + submitted_at +
         R"(","answers":{"overall":4,"time":3,"effort":2,"recommend":9,"goal":"yes","comment":")" + comment +
         R"("},"region":"RU-MOW"})";
}

std::string raw_exchange(int port, const std::string& bytes, int wait_seconds, const std::string& source) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  REQUIRE(fd >= 0);
  if (!source.empty()) {
    sockaddr_in local{};
    local.sin_family = AF_INET;
    REQUIRE(inet_pton(AF_INET, source.c_str(), &local.sin_addr) == 1);
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) == 0);
  }
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may answer and close before reading everything
    sent += static_cast<std::size_t>(n);
  }
  std::string answer;
  char buffer[4096];
  while (!holds_complete_response(answer)) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, wait_seconds * 1000) <= 0) break;
    const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    answer.append(buffer, static_cast<std::size_t>(n));
  }
  close(fd);
  return answer;
}

int status_of(const std::string& answer) {
  if (answer.rfind("HTTP/1.", 0) != 0 || answer.size() < 12) return 0;
  return std::atoi(answer.substr(9, 3).c_str());
}

}  // namespace otklik::test
