// tests/collector/drain_test.cpp — SIGTERM under load: in-flight requests are answered, everything
// acknowledged is stored, and the collector exits 0.
#include <catch2/catch.hpp>
#include <atomic>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "collector_process.hpp"

using otklik::test::served_collector;

TEST_CASE("SIGTERM drains in-flight submissions, flushes the store and exits 0") {
  served_collector c;
  constexpr int threads = 6;
  std::atomic<bool> stop{false};
  std::atomic<int> acknowledged_count{0};
  std::mutex acknowledged_mutex;
  std::set<std::string> acknowledged;
  std::vector<std::thread> clients;
  for (int t = 0; t < threads; ++t) {
    clients.emplace_back([&, t] {
      auto client = c.server.client();
      client.set_keep_alive(true);
      for (int i = 0; !stop.load(); ++i) {
        const std::string id = "drain-t" + std::to_string(t) + "-n" + std::to_string(i) + "-xxxxxxxx";
        auto answer = client.Post("/v1/responses", otklik::test::valid_response(id), "application/json");
        if (!answer) break;  // the collector closed the connection: it is draining
        if (answer->status == 201) {
          const std::lock_guard<std::mutex> lock(acknowledged_mutex);
          acknowledged.insert(id);
          ++acknowledged_count;
        }
      }
    });
  }
  while (acknowledged_count.load() < 100) std::this_thread::yield();
  c.server.send_signal(SIGTERM);
  const int status = c.server.wait();
  stop = true;
  for (auto& t : clients) t.join();
  CHECK(status == 0);

  const auto lines = otklik::test::export_lines(c.db);
  std::set<std::string> stored;
  for (const std::string& line : lines) {
    const auto start = line.find("\"id\":\"") + 6;
    stored.insert(line.substr(start, line.find('"', start) - start));
  }
  CHECK(stored.size() == lines.size());
  for (const std::string& id : acknowledged) {
    INFO(id);
    CHECK(stored.count(id) == 1);
  }
  const std::string log = otklik::test::slurp(c.log);
  CHECK(log.find("\"event\":\"draining\"") != std::string::npos);
  CHECK(log.find("\"event\":\"stopped\"") != std::string::npos);
}
