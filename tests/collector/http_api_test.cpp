// tests/collector/http_api_test.cpp — the HTTP API of formats.md against the real `otklik serve`.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "collector_process.hpp"

using otklik::test::served_collector;
using otklik::test::valid_response;

TEST_CASE("a valid response is stored once: 201 stored, then 200 duplicate for the same id") {
  served_collector c;
  auto client = c.server.client();
  const std::string body = valid_response("api-stored-once-00001");
  auto first = client.Post("/v1/responses", body, "application/json");
  REQUIRE(first);
  CHECK(first->status == 201);
  CHECK(first->body == R"({"id":"api-stored-once-00001","status":"stored"})");
  CHECK(first->get_header_value("Content-Type") == "application/json");
  auto again = client.Post("/v1/responses", body, "application/json");
  REQUIRE(again);
  CHECK(again->status == 200);
  CHECK(again->body == R"({"id":"api-stored-once-00001","status":"duplicate"})");
  CHECK(otklik::test::export_lines(c.db).size() == 1);
}

TEST_CASE("an invalid response gets 400 with every issue as path, code and message, in the client's language") {
  served_collector c;
  auto client = c.server.client();
  std::string body = valid_response("api-invalid-00000001");
  body.replace(body.find("\"overall\":4"), 11, "\"overall\":9");
  body.replace(body.find("\"channel\":\"web\""), 15, "\"channel\":\"fax\"");
  auto en = client.Post("/v1/responses", {{"Accept-Language", "en-GB,en;q=0.9"}}, body, "application/json");
  REQUIRE(en);
  CHECK(en->status == 400);
  CHECK(en->body.rfind("{\"errors\":[", 0) == 0);
  CHECK(en->body.find(R"("path":"/answers/overall","code":"out_of_range","message":")") != std::string::npos);
  CHECK(en->body.find(R"("path":"/channel","code":"invalid_value")") != std::string::npos);
  auto ru = client.Post("/v1/responses", {{"Accept-Language", "ru-RU,ru;q=0.9"}}, body, "application/json");
  REQUIRE(ru);
  CHECK(ru->status == 400);
  CHECK(ru->body != en->body);  // the same issues, with Russian sentences
  CHECK(ru->body.find(R"("code":"out_of_range")") != std::string::npos);

  auto unknown_survey = client.Post(
      "/v1/responses", R"({"format":"otklik.response/1","id":"api-invalid-00000002","survey":"no-such-survey"})",
      "application/json");
  REQUIRE(unknown_survey);
  CHECK(unknown_survey->status == 400);
  CHECK(unknown_survey->body.find("unknown_survey") != std::string::npos);
  CHECK(otklik::test::export_lines(c.db).empty());
}

TEST_CASE("GET /v1/surveys/{id} serves a known survey as canonical JSON and 404 for an unknown one") {
  served_collector c;
  auto client = c.server.client();
  auto known = client.Get("/v1/surveys/passport-renewal");
  REQUIRE(known);
  CHECK(known->status == 200);
  CHECK(known->body.rfind(R"({"format":"otklik.survey/1","id":"passport-renewal")", 0) == 0);
  auto unknown = client.Get("/v1/surveys/no-such-survey");
  REQUIRE(unknown);
  CHECK(unknown->status == 404);
  CHECK(unknown->body == R"({"error":"not_found"})");
  auto nowhere = client.Get("/v2/anything");
  REQUIRE(nowhere);
  CHECK(nowhere->status == 404);
}

TEST_CASE("a body over --max-body gets 413 and a wrong content type 415; the collector goes on") {
  served_collector c({"--max-body", "4096"});
  auto client = c.server.client();
  const std::string padded = valid_response("api-too-large-000001", std::string(5000, 'a'));
  auto large = client.Post("/v1/responses", padded, "application/json");
  REQUIRE(large);
  CHECK(large->status == 413);
  auto text = client.Post("/v1/responses", valid_response("api-wrong-type-00001"), "text/plain");
  REQUIRE(text);
  CHECK(text->status == 415);
  auto form = client.Post("/v1/responses", valid_response("api-wrong-type-00002"),
                          "application/x-www-form-urlencoded");
  REQUIRE(form);
  CHECK(form->status == 415);
  auto latin1 = client.Post("/v1/responses", valid_response("api-wrong-type-00003"),
                            "application/json; charset=iso-8859-1");
  REQUIRE(latin1);
  CHECK(latin1->status == 415);
  auto fine = client.Post("/v1/responses", valid_response("api-right-type-00001"), "application/json; charset=UTF-8");
  REQUIRE(fine);
  CHECK(fine->status == 201);
}

TEST_CASE("with --rate-limit 2 the third submission from one address gets 429 with Retry-After") {
  served_collector c({"--rate-limit", "2"});
  auto client = c.server.client();
  for (int i = 0; i < 2; ++i) {
    auto ok = client.Post("/v1/responses", valid_response("api-rate-limit-0000" + std::to_string(i)), "application/json");
    REQUIRE(ok);
    CHECK(ok->status == 201);
  }
  auto limited = client.Post("/v1/responses", valid_response("api-rate-limit-00009"), "application/json");
  REQUIRE(limited);
  CHECK(limited->status == 429);
  CHECK(limited->get_header_value("Retry-After") == "30");
  CHECK(otklik::test::export_lines(c.db).size() == 2);
  // Reading is not limited.
  auto health = client.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
}

TEST_CASE("CORS: a preflight from an allowed origin gets 204 with the headers, another origin 403 without") {
  served_collector c({"--allow-origin", "https://portal.example", "--allow-origin", "http://localhost:3000"});
  auto client = c.server.client();
  const httplib::Headers allowed = {{"Origin", "https://portal.example"},
                                    {"Access-Control-Request-Method", "POST"},
                                    {"Access-Control-Request-Headers", "content-type"}};
  auto preflight = client.Options("/v1/responses", allowed);
  REQUIRE(preflight);
  CHECK(preflight->status == 204);
  CHECK(preflight->get_header_value("Access-Control-Allow-Origin") == "https://portal.example");
  CHECK(preflight->get_header_value("Access-Control-Allow-Methods").find("POST") != std::string::npos);

  const httplib::Headers denied = {{"Origin", "https://evil.example"},
                                   {"Access-Control-Request-Method", "POST"},
                                   {"Access-Control-Request-Headers", "content-type"}};
  auto refused = client.Options("/v1/responses", denied);
  REQUIRE(refused);
  CHECK(refused->status == 403);
  CHECK_FALSE(refused->has_header("Access-Control-Allow-Origin"));

  auto post = client.Post("/v1/responses", {{"Origin", "http://localhost:3000"}}, valid_response("api-cors-post-00001"),
                          "application/json");
  REQUIRE(post);
  CHECK(post->status == 201);
  CHECK(post->get_header_value("Access-Control-Allow-Origin") == "http://localhost:3000");
  auto foreign = client.Get("/v1/surveys/passport-renewal", {{"Origin", "https://evil.example"}});
  REQUIRE(foreign);
  CHECK_FALSE(foreign->has_header("Access-Control-Allow-Origin"));
  CHECK(foreign->get_header_value("Vary") == "Origin");
}

TEST_CASE("/healthz answers 200, /metrics counts requests, rejections, submissions and batches") {
  served_collector c;
  auto client = c.server.client();
  client.set_keep_alive(true);  // one connection: each answer is counted before the next request is read
  auto health = client.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(health->body == R"({"status":"ok"})");
  REQUIRE(client.Post("/v1/responses", valid_response("api-metrics-0000001"), "application/json")->status == 201);
  REQUIRE(client.Post("/v1/responses", valid_response("api-metrics-0000001"), "application/json")->status == 200);
  REQUIRE(client.Post("/v1/responses", "{}", "application/json")->status == 400);
  auto scraped = client.Get("/metrics");
  REQUIRE(scraped);
  CHECK(scraped->status == 200);
  CHECK(scraped->get_header_value("Content-Type").rfind("text/plain; version=0.0.4", 0) == 0);
  const std::string& m = scraped->body;
  CHECK(m.find("otklik_http_responses_total{route=\"responses\",code=\"201\"} 1\n") != std::string::npos);
  CHECK(m.find("otklik_http_responses_total{route=\"responses\",code=\"200\"} 1\n") != std::string::npos);
  CHECK(m.find("otklik_http_responses_total{route=\"healthz\",code=\"200\"} 1\n") != std::string::npos);
  CHECK(m.find("otklik_submissions_rejected_total{reason=\"invalid\"} 1\n") != std::string::npos);
  CHECK(m.find("otklik_submissions_total{outcome=\"stored\"} 1\n") != std::string::npos);
  CHECK(m.find("otklik_submissions_total{outcome=\"duplicate\"} 1\n") != std::string::npos);
  CHECK(m.find("otklik_store_batch_size_count 2\n") != std::string::npos);
  CHECK(m.find("otklik_http_request_duration_seconds_count{route=\"responses\"} 3\n") != std::string::npos);
  CHECK(m.find("otklik_store_healthy 1\n") != std::string::npos);
  CHECK(m.find("otklik_surveys ") != std::string::npos);
}

TEST_CASE("the widget's files are served under /widget/ and the demo portal at /") {
  otklik::test::temp_dir files;
  const std::string portal = files.file("portal");
  const std::string widget = files.file("widget");
  std::filesystem::create_directories(portal);
  std::filesystem::create_directories(widget);
  files.write("portal/index.html", "<!doctype html><title>portal</title>");
  files.write("widget/otklik.js", "export const otklik = 1;");
  served_collector c({"--static", portal, "--widget", widget});
  auto client = c.server.client();
  auto index = client.Get("/");
  REQUIRE(index);
  CHECK(index->status == 200);
  CHECK(index->body.find("<title>portal</title>") != std::string::npos);
  auto script = client.Get("/widget/otklik.js");
  REQUIRE(script);
  CHECK(script->status == 200);
  CHECK(script->get_header_value("Content-Type").find("javascript") != std::string::npos);
  CHECK(script->get_header_value("X-Content-Type-Options") == "nosniff");
  auto missing = client.Get("/widget/absent.js");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  auto escape = client.Get("/widget/../portal/index.html");
  REQUIRE(escape);
  CHECK(escape->status == 404);
  auto api = client.Get("/healthz");  // the portal's mount does not hide the API
  REQUIRE(api);
  CHECK(api->status == 200);
}

TEST_CASE("otklik export streams every stored response as one canonical NDJSON line, in arrival order") {
  served_collector c;
  auto client = c.server.client();
  for (int i = 0; i < 3; ++i) {
    REQUIRE(client.Post("/v1/responses", valid_response("api-export-order-000" + std::to_string(i)),
                        "application/json")->status == 201);
  }
  const auto lines = otklik::test::export_lines(c.db);  // while the collector is running
  REQUIRE(lines.size() == 3);
  for (int i = 0; i < 3; ++i) {
    const std::string& line = lines[static_cast<std::size_t>(i)];
    CHECK(line.rfind(R"({"format":"otklik.response/1","id":"api-export-order-000)" + std::to_string(i) + "\"", 0) == 0);
    CHECK(line.back() == '}');
  }
  CHECK(otklik::test::run_otklik("export --db '" + c.dir.file("absent.db") + "'", c.dir).status == 2);
}

TEST_CASE("otklik serve --help and otklik export --help describe their options") {
  const otklik::test::temp_dir scratch;
  const auto serve = otklik::test::run_otklik("serve --help", scratch);
  CHECK(serve.status == 0);
  for (const char* option : {"--db", "--surveys", "--listen", "--allow-origin", "--rate-limit", "--max-body", "--static",
                             "--widget"}) {
    CHECK(serve.out.find(option) != std::string::npos);
  }
  const auto exported = otklik::test::run_otklik("export --help", scratch);
  CHECK(exported.status == 0);
  CHECK(exported.out.find("--db") != std::string::npos);
}
