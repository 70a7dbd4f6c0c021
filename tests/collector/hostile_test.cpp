// tests/collector/hostile_test.cpp — malformed and hostile requests get 4xx (or a closed connection)
// and the collector stays up and keeps serving everyone else.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "collector_process.hpp"

using otklik::test::raw_exchange;
using otklik::test::served_collector;
using otklik::test::status_of;
using otklik::test::valid_response;

namespace {

std::string post_request(const std::string& body, const std::string& content_type = "application/json") {
  return "POST /v1/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

// The collector still answers a well-formed submission and reports itself healthy.
void require_alive(served_collector& c, const std::string& id) {
  REQUIRE(c.server.running());
  auto client = c.server.client();
  auto health = client.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
  auto stored = client.Post("/v1/responses", valid_response(id), "application/json");
  REQUIRE(stored);
  CHECK(stored->status == 201);
}

// A loopback connection that the test writes to piece by piece.
class slow_connection {
 public:
  explicit slow_connection(int port) : fd_(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  }
  ~slow_connection() { close(fd_); }
  void send_text(const std::string& text) { (void)::send(fd_, text.data(), text.size(), MSG_NOSIGNAL); }
  // Reads until the server closes (or 30 s of silence, a safety bound).
  std::string read_until_closed() {
    std::string answer;
    char buffer[4096];
    timeval bound{30, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &bound, sizeof bound);
    ssize_t n = 0;
    while ((n = recv(fd_, buffer, sizeof buffer, 0)) > 0) answer.append(buffer, static_cast<std::size_t>(n));
    closed_by_server_ = n == 0;
    return answer;
  }
  [[nodiscard]] bool closed_by_server() const noexcept { return closed_by_server_; }

 private:
  int fd_;
  bool closed_by_server_ = false;
};

}  // namespace

TEST_CASE("a truncated JSON body gets 400") {
  served_collector c;
  const std::string body = valid_response("hostile-truncated-001");
  const std::string answer = raw_exchange(c.server.port(), post_request(body.substr(0, body.size() / 2)));
  CHECK(status_of(answer) == 400);
  CHECK(answer.find("invalid_json") != std::string::npos);
  require_alive(c, "hostile-truncated-ok1");
}

TEST_CASE("a body shorter than its Content-Length is dropped after the read timeout, never stored") {
  served_collector c({"--read-timeout", "1"});
  slow_connection client(c.server.port());
  const std::string body = valid_response("hostile-short-body-01");
  client.send_text("POST /v1/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n"
                   "Content-Length: " + std::to_string(body.size() + 100) + "\r\n\r\n" + body);
  const std::string answer = client.read_until_closed();
  CHECK(client.closed_by_server());
  CHECK((answer.empty() || status_of(answer) >= 400));
  require_alive(c, "hostile-short-body-ok");
  CHECK(otklik::test::export_lines(c.db).size() == 1);
}

TEST_CASE("a 1 MB body gets 413 and a claimed 1 GB body gets 413 without being read") {
  served_collector c;
  auto client = c.server.client();
  const std::string megabyte = valid_response("hostile-one-megabyte1", std::string(1000000, 'x'));
  auto large = client.Post("/v1/responses", megabyte, "application/json");
  REQUIRE(large);
  CHECK(large->status == 413);
  const std::string answer = raw_exchange(
      c.server.port(),
      "POST /v1/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n{");
  CHECK(status_of(answer) == 413);
  require_alive(c, "hostile-one-megabyte-ok");
}

TEST_CASE("10,000-deep nesting gets 400 without exhausting the stack") {
  served_collector c;
  const std::string arrays = std::string(10000, '[') + std::string(10000, ']');
  CHECK(status_of(raw_exchange(c.server.port(), post_request(arrays))) == 400);
  std::string objects;
  for (int i = 0; i < 10000; ++i) objects += "{\"a\":";
  objects += "1" + std::string(10000, '}');
  const std::string answer = raw_exchange(c.server.port(), post_request(objects));
  CHECK(status_of(answer) == 400);
  std::string in_answers = valid_response("hostile-deep-answers1");
  in_answers.replace(in_answers.find("\"goal\":\"yes\""), 12, "\"goal\":" + arrays);
  CHECK(status_of(raw_exchange(c.server.port(), post_request(in_answers))) == 400);
  require_alive(c, "hostile-deep-ok-00001");
}

TEST_CASE("invalid UTF-8 gets 400 invalid_utf8") {
  served_collector c;
  const std::string body = valid_response("hostile-bad-utf8-0001", "bad \xC3\x28 byte \xFF\xFE");
  const std::string answer = raw_exchange(c.server.port(), post_request(body));
  CHECK(status_of(answer) == 400);
  CHECK(answer.find("invalid_utf8") != std::string::npos);
  require_alive(c, "hostile-bad-utf8-ok01");
}

TEST_CASE("wrong content types, chunked bodies, garbage and oversized headers get 4xx") {
  served_collector c;
  const int port = c.server.port();
  const std::string body = valid_response("hostile-framing-00001");
  CHECK(status_of(raw_exchange(port, post_request(body, "text/plain"))) == 415);
  CHECK(status_of(raw_exchange(port, post_request(body, "application/xml"))) == 415);
  CHECK(status_of(raw_exchange(port, post_request(body, "multipart/form-data; boundary=x"))) == 415);
  CHECK(status_of(raw_exchange(port, "POST /v1/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                     "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\n{\"a\":\r\n0\r\n\r\n")) ==
        411);
  CHECK(status_of(raw_exchange(port, "POST /v1/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                     "Connection: close\r\n\r\n")) == 411);
  const int garbage = status_of(raw_exchange(port, "\x16\x03\x01\x02 not http at all\r\n\r\n"));
  CHECK((garbage == 0 || (garbage >= 400 && garbage < 500)));
  const int long_header = status_of(raw_exchange(
      port, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Filler: " + std::string(100000, 'a') + "\r\nConnection: close\r\n\r\n"));
  CHECK((long_header == 0 || (long_header >= 400 && long_header < 500)));
  const int long_uri = status_of(raw_exchange(port, "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n"));
  CHECK(long_uri == 414);
  require_alive(c, "hostile-framing-ok001");
  CHECK(otklik::test::export_lines(c.db).size() == 1);
}

TEST_CASE("pipelined requests on one connection are answered in order, each submission after its commit") {
  served_collector c;
  const std::string first = valid_response("hostile-pipelined-0001");
  const std::string second = valid_response("hostile-pipelined-0002");
  const auto keep_alive_post = [](const std::string& body) {
    return "POST /v1/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
  };
  slow_connection client(c.server.port());
  client.send_text(keep_alive_post(first) + keep_alive_post(second) + keep_alive_post(first) +
                   "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const std::string answer = client.read_until_closed();
  const std::size_t a = answer.find("HTTP/1.1 201");
  const std::size_t b = answer.find("HTTP/1.1 201", a + 1);
  const std::size_t d = answer.find("HTTP/1.1 200", b + 1);
  const std::size_t h = answer.find("HTTP/1.1 200", d + 1);
  REQUIRE(a != std::string::npos);
  REQUIRE(b != std::string::npos);
  REQUIRE(d != std::string::npos);
  REQUIRE(h != std::string::npos);
  CHECK(answer.find("\"hostile-pipelined-0001\",\"status\":\"stored\"") < answer.find("hostile-pipelined-0002"));
  CHECK(answer.find("\"status\":\"duplicate\"") > answer.find("hostile-pipelined-0002"));
  CHECK(answer.find("{\"status\":\"ok\"}") > answer.find("\"status\":\"duplicate\""));
  CHECK(otklik::test::export_lines(c.db).size() == 2);
}

TEST_CASE("a wrong method on an API path gets 405 with Allow; HEAD answers without a body") {
  served_collector c;
  const std::string get = raw_exchange(c.server.port(), "GET /v1/responses HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  CHECK(status_of(get) == 405);
  CHECK(get.find("Allow: POST") != std::string::npos);
  const std::string head = raw_exchange(c.server.port(), "HEAD /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  CHECK(status_of(head) == 200);
  CHECK(head.find("Content-Length: 15") != std::string::npos);
  CHECK(head.find("{\"status\"") == std::string::npos);
  require_alive(c, "hostile-methods-ok001");
}

TEST_CASE("slow clients that trickle bytes are disconnected while everyone else is served") {
  served_collector c({"--read-timeout", "1"});
  std::vector<std::unique_ptr<slow_connection>> slow;
  for (int i = 0; i < 20; ++i) slow.push_back(std::make_unique<slow_connection>(c.server.port()));
  const std::string partial = "POST /v1/responses HTTP/1.1\r\nHost: x\r\nContent-Le";
  for (std::size_t at = 0; at < 12; ++at) {
    for (auto& s : slow) s->send_text(partial.substr(at, 1));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  require_alive(c, "hostile-slow-others-ok");  // served while 20 slow clients hold connections
  for (auto& s : slow) {
    s->send_text(partial.substr(12, 10));  // then they stall mid-header
    const std::string answer = s->read_until_closed();
    CHECK(s->closed_by_server());
    CHECK(status_of(answer) != 201);
  }
  require_alive(c, "hostile-slow-after-ok1");
}
