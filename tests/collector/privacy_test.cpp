// tests/collector/privacy_test.cpp — what the collector keeps is the redacted response with its time
// cut to the hour; no address, user agent or cookie reaches the database or the logs.
#include <catch2/catch.hpp>
#include <string>

#include "collector_process.hpp"

using otklik::test::served_collector;
using otklik::test::slurp;

TEST_CASE("a phone number in a comment is stored as [PHONE] and submitted_at is truncated to the hour") {
  served_collector c({"--log-level", "debug", "--client-address-header", "X-Real-IP"});
  const std::string identifying =
      "User-Agent: Mozilla/5.0 (UniqueAgent-7f3a)\r\nCookie: session=cookie-secret-91c2\r\n"
      "X-Real-IP: 198.51.100.77\r\nX-Forwarded-For: 198.51.100.77\r\n";
  const auto post = [&](const std::string& body) {
    // From 127.0.0.3, an address that appears nowhere else in the test or the collector's own output.
    return otklik::test::status_of(otklik::test::raw_exchange(
        c.server.port(),
        "POST /v1/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + identifying +
            "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body,
        30, "127.0.0.3"));
  };
  REQUIRE(post(otklik::test::valid_response("privacy-phone-000001", "Звонил по +7 (912) 345-67-89, никто не ответил",
                                            "2026-11-27T10:41:07.250Z")) == 201);
  REQUIRE(post("{\"phone\":\"+7 912 345-67-89\"}") == 400);

  const auto lines = otklik::test::export_lines(c.db);
  REQUIRE(lines.size() == 1);
  const std::string& kept = lines.front();
  CHECK(kept.find("[PHONE]") != std::string::npos);
  CHECK(kept.find("345-67-89") == std::string::npos);
  CHECK(kept.find("912") == std::string::npos);
  CHECK(kept.find(R"("submitted_at":"2026-11-27T10:00:00Z")") != std::string::npos);

  c.server.send_signal(SIGTERM);
  REQUIRE(c.server.wait() == 0);
  // Everything the collector wrote: the database (and its WAL, were one left) and its own log.
  const std::string database = slurp(c.db) + slurp(c.db + "-wal");
  const std::string log = slurp(c.log);
  REQUIRE(log.find("\"event\":\"request\"") != std::string::npos);  // debug logging: one line per request
  for (const char* personal : {"127.0.0.3", "198.51.100.77", "UniqueAgent-7f3a", "cookie-secret-91c2", "345-67-89"}) {
    INFO(personal);
    CHECK(database.find(personal) == std::string::npos);
    CHECK(log.find(personal) == std::string::npos);
  }
  CHECK(database.find("10:41:07") == std::string::npos);
}
