// tests/collector/cors_test.cpp — the origin allowlist and its preflight answers.
#include <catch2/catch.hpp>
#include <string>

#include "otklik/collector/cors.hpp"

using namespace otklik::collector;

namespace {

std::string header(const header_list& headers, const std::string& name) {
  for (const auto& [n, v] : headers) {
    if (n == name) return v;
  }
  return "";
}

}  // namespace

TEST_CASE("only listed origins are allowed, compared without case or trailing slash") {
  const cors_policy policy({"https://Portal.Example/", "http://localhost:8080"});
  CHECK(policy.allows("https://portal.example"));
  CHECK(policy.allows("http://localhost:8080"));
  CHECK_FALSE(policy.allows("https://portal.example.evil"));
  CHECK_FALSE(policy.allows("http://portal.example"));
  CHECK_FALSE(policy.allows(""));
  CHECK(header(policy.for_request("https://portal.example"), "Access-Control-Allow-Origin") == "https://portal.example");
  CHECK(header(policy.for_request("https://portal.example"), "Vary") == "Origin");
  // Another origin, or none, reads nothing, but a cache must still keep that answer apart.
  CHECK(header(policy.for_request("https://other.example"), "Access-Control-Allow-Origin").empty());
  CHECK(header(policy.for_request("https://other.example"), "Vary") == "Origin");
  CHECK(header(policy.for_request(""), "Vary") == "Origin");
}

TEST_CASE("without an allowlist no answer depends on Origin, so none carries a CORS header or Vary: Origin") {
  const cors_policy policy({});
  CHECK_FALSE(policy.allows("https://portal.example"));
  CHECK(policy.for_request("https://portal.example").empty());
  CHECK(policy.for_request("").empty());
}

TEST_CASE("a preflight for POST with Content-Type from an allowed origin gets 204 and the CORS headers") {
  const cors_policy policy({"https://portal.example"});
  const auto answer = policy.preflight("https://portal.example", "POST", "content-type");
  CHECK(answer.status == 204);
  CHECK(header(answer.headers, "Access-Control-Allow-Origin") == "https://portal.example");
  CHECK(header(answer.headers, "Access-Control-Allow-Methods").find("POST") != std::string::npos);
  CHECK(header(answer.headers, "Access-Control-Allow-Headers").find("Content-Type") != std::string::npos);
  CHECK(policy.preflight("https://portal.example", "GET", "").status == 204);
  CHECK(policy.preflight("https://portal.example", "POST", "Content-Type, Accept-Language").status == 204);
}

TEST_CASE("a preflight is denied for another origin, another method or an unexpected header") {
  const cors_policy policy({"https://portal.example"});
  const auto other_origin = policy.preflight("https://evil.example", "POST", "content-type");
  CHECK(other_origin.status == 403);
  CHECK(other_origin.headers.empty());
  CHECK(policy.preflight("https://portal.example", "DELETE", "").status == 403);
  CHECK(policy.preflight("https://portal.example", "POST", "content-type, x-session-token").status == 403);
  CHECK(policy.preflight("", "POST", "").status == 403);
}

TEST_CASE("'*' allows every origin, and no list allows none") {
  CHECK(cors_policy({"*"}).preflight("https://any.example", "POST", "content-type").status == 204);
  CHECK_FALSE(cors_policy({}).allows("https://any.example"));
}
