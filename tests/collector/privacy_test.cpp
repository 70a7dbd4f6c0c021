// tests/collector/privacy_test.cpp — what the collector keeps is the redacted response with its time
// cut to the hour; no address, user agent or cookie reaches the database or the logs.
#include <catch2/catch.hpp>
#include <string>

#include "collector_process.hpp"

using otklik::test::served_collector;
using otklik::test::slurp;

TEST_CASE("a phone number in a comment is stored as [PHONE] and submitted_at is truncated to the hour") {
  served_collector c({"--log-level", "debug", "--client-address-header", "X-Real-IP"});
  auto client = c.server.client();
  const httplib::Headers identifying = {{"User-Agent", "Mozilla/5.0 (UniqueAgent-7f3a)"},
                                        {"Cookie", "session=cookie-secret-91c2"},
                                        {"X-Real-IP", "198.51.100.77"},
                                        {"X-Forwarded-For", "198.51.100.77"}};
  const std::string body = otklik::test::valid_response(
      "privacy-phone-000001", "Звонил по +7 (912) 345-67-89, никто не ответил", "2026-11-27T10:41:07.250Z");
  auto stored = client.Post("/v1/responses", identifying, body, "application/json");
  REQUIRE(stored);
  REQUIRE(stored->status == 201);
  auto invalid = client.Post("/v1/responses", identifying, "{\"phone\":\"+7 912 345-67-89\"}", "application/json");
  REQUIRE(invalid);
  REQUIRE(invalid->status == 400);

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
  for (const char* personal : {"127.0.0.1", "198.51.100.77", "UniqueAgent-7f3a", "cookie-secret-91c2", "345-67-89"}) {
    INFO(personal);
    CHECK(database.find(personal) == std::string::npos);
    CHECK(log.find(personal) == std::string::npos);
  }
  CHECK(database.find("10:41:07") == std::string::npos);
}
