// `otklik validate` end to end: exit statuses, one report line per invalid response, hostile lines.
#include <catch2/catch.hpp>

#include <string>

#include "support/run_command.hpp"

using otklik::test::run_command;
using otklik::test::temp_dir;

namespace {

const std::string otklik_bin = OTKLIK_BINARY;
const std::string surveys = std::string(OTKLIK_VECTORS_DIR) + "/surveys";

const std::string valid =
    R"({"format":"otklik.response/1","id":"f3b1c9e2-7a4d-4c1e-9b7a-2d5e8f0a1c33","survey":"passport-renewal",)"
    R"("service":"passport-renewal","stage":"application","channel":"web","locale":"ru",)"
    R"("submitted_at":"2026-11-27T10:00:00Z","answers":{"overall":4,"comment":"Долго"}})";

std::string validate(const std::string& args) { return otklik_bin + " validate --surveys " + surveys + " " + args; }

std::size_t count_lines(const std::string& text) {
  std::size_t n = 0;
  for (const char c : text) n += c == '\n';
  return n;
}

}  // namespace

TEST_CASE("valid files pass with exit status 0 and no report", "[cli]") {
  temp_dir dir;
  dir.write("ok.ndjson", valid + "\n\n" + valid + "\r\n   \n" + valid);  // blank lines and CRLF are fine
  const auto r = run_command(validate(dir.file("ok.ndjson")), dir);
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err.find("3 responses, 0 invalid") != std::string::npos);
}

TEST_CASE("every invalid line is reported with its number, path, code and message", "[cli]") {
  temp_dir dir;
  std::string bad_range = valid;
  bad_range.replace(bad_range.find("\"overall\":4"), 11, "\"overall\":9");
  const std::string lines = valid + "\n" + bad_range + "\n" + valid.substr(0, 40) + "\n\n" + "{\"a\":\"\xFF\"}\n" +
                            std::string(10000, '[') + "\n" + "{\"a\":\"" + std::string(100u << 20, 'x') + "\"}\n" + valid + "\n";
  dir.write("mixed.ndjson", lines);
  const auto r = run_command(validate(dir.file("mixed.ndjson")), dir);
  CHECK(r.status == 1);
  REQUIRE(count_lines(r.out) == 5);
  CHECK(r.out.find(R"({"line":2,"id":"f3b1c9e2-7a4d-4c1e-9b7a-2d5e8f0a1c33","errors":[{"path":"/answers/overall","code":"out_of_range","message":"The value is out of range (allowed: 1..5)."}]})") != std::string::npos);
  CHECK(r.out.find(R"({"line":3,"id":null,"errors":[{"path":"","code":"invalid_json")") != std::string::npos);
  CHECK(r.out.find(R"({"line":5,"id":null,"errors":[{"path":"","code":"invalid_utf8")") != std::string::npos);
  CHECK(r.out.find(R"({"line":6,"id":null,"errors":[{"path":"","code":"too_deep")") != std::string::npos);
  CHECK(r.out.find(R"({"line":7,"id":null,"errors":[{"path":"","code":"too_large")") != std::string::npos);
  CHECK(r.err.find("7 responses, 5 invalid") != std::string::npos);
}

TEST_CASE("standard input and Russian messages", "[cli]") {
  temp_dir dir;
  std::string bad = valid;
  bad.replace(bad.find("\"channel\":\"web\""), 15, "\"channel\":\"fax\"");
  dir.write("in.ndjson", bad + "\n");
  const auto r = run_command("cat " + dir.file("in.ndjson") + " | " + validate("--locale ru -"), dir);
  CHECK(r.status == 1);
  CHECK(r.out.find("\"path\":\"/channel\",\"code\":\"invalid_value\",\"message\":\"Недопустимое значение (допустимо: web, mobile, office, phone, kiosk).\"") != std::string::npos);
}

TEST_CASE("bad usage and unreadable input exit with status 2", "[cli]") {
  temp_dir dir;
  CHECK(run_command(otklik_bin + " validate " + dir.file("x"), dir).status == 2);              // no --surveys
  auto missing = run_command(validate(dir.file("missing.ndjson")), dir);
  CHECK(missing.status == 2);
  CHECK(missing.err.find("missing.ndjson") != std::string::npos);
  dir.write("broken.json", "{\"format\":\"otklik.survey/1\"}");
  auto broken = run_command(otklik_bin + " validate --surveys " + dir.file("") + " -", dir);
  CHECK(broken.status == 2);
  CHECK(broken.err.find("broken.json: /id: missing_field") != std::string::npos);
  CHECK(run_command(otklik_bin + " validate --surveys /nonexistent -", dir).status == 2);
  CHECK(run_command(otklik_bin + " frobnicate", dir).status == 2);
  CHECK(run_command(otklik_bin, dir).status == 2);
}

TEST_CASE("every command has --help", "[cli]") {
  temp_dir dir;
  for (const char* cmd : {"", " validate", " templates"}) {
    INFO(cmd);
    const auto r = run_command(otklik_bin + cmd + " --help", dir);
    CHECK(r.status == 0);
    CHECK(r.out.find("Usage") != std::string::npos);
  }
}

TEST_CASE("templates are listed and printed as valid surveys", "[cli]") {
  temp_dir dir;
  const auto list = run_command(otklik_bin + " templates", dir);
  CHECK(list.status == 0);
  CHECK(list.out.find("ru-1284") != std::string::npos);
  const auto one = run_command(otklik_bin + " templates ru-1284", dir);
  CHECK(one.status == 0);
  dir.write("my.json", one.out);
  dir.write("empty.ndjson", "");
  const auto check = run_command(otklik_bin + " validate --surveys " + dir.file("") + " " + dir.file("empty.ndjson"), dir);
  CHECK(check.status == 0);
  CHECK(run_command(otklik_bin + " templates nope", dir).status == 2);
}
