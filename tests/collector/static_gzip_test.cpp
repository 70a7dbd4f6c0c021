// tests/collector/static_gzip_test.cpp — the precompressed FILE.gz beside a widget or portal file, sent
// by the real `otklik serve` to clients whose Accept-Encoding allows gzip (as nginx's gzip_static).
#include <zlib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "collector_process.hpp"

using otklik::test::served_collector;

namespace {

// gzip -9 of `text`, as web/build.mjs writes it (zlib's gzip wrapper, no name, no time).
std::string gzip_bytes(const std::string& text) {
  z_stream stream{};
  REQUIRE(deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&stream, text.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  REQUIRE(status == Z_STREAM_END);
  return out;
}

// The bytes a gzip member inflates to; throws when it is no complete gzip member.
std::string gunzip(const std::string& compressed) {
  z_stream stream{};
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) throw std::runtime_error("inflateInit2");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::string out;
  char buffer[16384];
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  inflateEnd(&stream);
  if (status != Z_STREAM_END || stream.avail_in != 0) throw std::runtime_error("not one complete gzip member");
  return out;
}

// A widget directory with a compressible script, its fresh .gz, and a portal with index.html(.gz).
struct gzip_fixture {
  gzip_fixture() {
    std::filesystem::create_directories(files.file("widget"));
    std::filesystem::create_directories(files.file("portal"));
    for (int i = 0; i < 400; ++i) script += "export const answer" + std::to_string(i) + " = 'otklik widget';\n";
    files.write("widget/otklik.js", script);
    files.write("widget/otklik.js.gz", gzip_bytes(script));
    files.write("widget/plain.js", script);  // no .gz beside it
    files.write("portal/index.html", page);
    files.write("portal/index.html.gz", gzip_bytes(page));
  }
  otklik::test::temp_dir files;
  std::string script;
  std::string page = "<!doctype html><title>portal</title><p>" + std::string(2000, 'x') + "</p>";
};

// GET `path` with this Accept-Encoding, the body as the server sent it (never inflated by the client).
httplib::Result get_with(httplib::Client& client, const std::string& path, const std::string& accept_encoding) {
  client.set_decompress(false);
  return client.Get(path.c_str(), httplib::Headers{{"Accept-Encoding", accept_encoding}});
}

}  // namespace

TEST_CASE("a client that accepts gzip gets FILE.gz with Content-Encoding gzip and the file's own type and Vary") {
  gzip_fixture f;
  served_collector c({"--static", f.files.file("portal"), "--widget", f.files.file("widget")});
  auto client = c.server.client();
  auto script = get_with(client, "/widget/otklik.js", "gzip, deflate, br");
  REQUIRE(script);
  CHECK(script->status == 200);
  CHECK(script->get_header_value("Content-Encoding") == "gzip");
  CHECK(script->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
  CHECK(script->get_header_value("Vary") == "Accept-Encoding");
  CHECK(script->get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(script->body.size() < f.script.size());
  CHECK(script->body == gzip_bytes(f.script));
  CHECK(gunzip(script->body) == f.script);
  CHECK(script->get_header_value("Content-Length") == std::to_string(script->body.size()));

  auto index = get_with(client, "/", "gzip");  // a directory's index.html, and the portal's mount
  REQUIRE(index);
  CHECK(index->get_header_value("Content-Encoding") == "gzip");
  CHECK(index->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(gunzip(index->body) == f.page);
}

TEST_CASE("a widget file fetched by an allowed portal varies by Origin and by Accept-Encoding, in one Vary") {
  gzip_fixture f;
  served_collector c({"--widget", f.files.file("widget"), "--allow-origin", "https://portal.example"});
  auto client = c.server.client();
  client.set_decompress(false);
  for (const char* accept_encoding : {"gzip", "identity"}) {
    auto allowed = client.Get("/widget/otklik.js",
                              httplib::Headers{{"Accept-Encoding", accept_encoding}, {"Origin", "https://portal.example"}});
    REQUIRE(allowed);
    CHECK(allowed->status == 200);
    CHECK(allowed->get_header_value("Access-Control-Allow-Origin") == "https://portal.example");
    CHECK(allowed->get_header_value("Vary") == "Origin, Accept-Encoding");
    CHECK(allowed->get_header_value_count("Vary") == 1);
  }
  auto anonymous = get_with(client, "/widget/otklik.js", "gzip");  // a script tag sends no Origin
  REQUIRE(anonymous);
  CHECK_FALSE(anonymous->has_header("Access-Control-Allow-Origin"));
  CHECK(anonymous->get_header_value("Vary") == "Origin, Accept-Encoding");
}

TEST_CASE("Accept-Encoding is parsed as a list of codings with q-values where q=0 refuses and the wildcard counts") {
  gzip_fixture f;
  served_collector c({"--widget", f.files.file("widget")});
  auto client = c.server.client();
  const auto encoding_for = [&](const std::string& accept_encoding) {
    auto answer = get_with(client, "/widget/otklik.js", accept_encoding);
    REQUIRE(answer);
    REQUIRE(answer->status == 200);
    CHECK(answer->get_header_value("Vary") == "Accept-Encoding");
    if (answer->get_header_value("Content-Encoding") == "gzip") {
      CHECK(gunzip(answer->body) == f.script);
      return std::string("gzip");
    }
    CHECK_FALSE(answer->has_header("Content-Encoding"));
    CHECK(answer->body == f.script);
    return std::string("identity");
  };
  CHECK(encoding_for("gzip") == "gzip");
  CHECK(encoding_for("GZip") == "gzip");
  CHECK(encoding_for("x-gzip") == "gzip");
  CHECK(encoding_for("br;q=1.0, gzip;q=0.8, *;q=0.1") == "gzip");
  CHECK(encoding_for(" deflate ,gzip ; q=0.001") == "gzip");
  CHECK(encoding_for("*") == "gzip");
  CHECK(encoding_for("br, *;q=0.5") == "gzip");
  CHECK(encoding_for("") == "identity");
  CHECK(encoding_for("identity") == "identity");
  CHECK(encoding_for("deflate, br") == "identity");
  CHECK(encoding_for("gzip;q=0") == "identity");
  CHECK(encoding_for("gzip; Q=0.000") == "identity");
  CHECK(encoding_for("*, gzip;q=0") == "identity");
  CHECK(encoding_for("gzip;q=0, *") == "identity");
  CHECK(encoding_for("*;q=0") == "identity");
  CHECK(encoding_for("gzipper, agzip") == "identity");
  CHECK(encoding_for("gzip;q=abc") == "identity");
  CHECK(encoding_for("gzip;q=1.5") == "identity");

  // No Accept-Encoding at all: the file as it is.
  const std::string answer = otklik::test::raw_exchange(
      c.server.port(), "GET /widget/otklik.js HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  CHECK(otklik::test::status_of(answer) == 200);
  CHECK(answer.find("\r\nContent-Encoding:") == std::string::npos);
  CHECK(answer.find("\r\nVary: Accept-Encoding\r\n") != std::string::npos);
  CHECK(answer.ends_with("\r\n\r\n" + f.script));
}

TEST_CASE("without a fresh regular FILE.gz beside it a file is sent as it is even to gzip clients") {
  gzip_fixture f;
  // A .gz older than its file (the file was rebuilt after compression) would send old bytes.
  const auto written = std::filesystem::last_write_time(f.files.file("widget/otklik.js"));
  std::filesystem::last_write_time(f.files.file("widget/otklik.js.gz"), written - std::chrono::hours(1));
  std::filesystem::create_directories(f.files.file("widget/folder.js.gz"));  // not a regular file
  f.files.write("widget/folder.js", f.script);
  served_collector c({"--widget", f.files.file("widget")});
  auto client = c.server.client();
  for (const char* path : {"/widget/otklik.js", "/widget/plain.js", "/widget/folder.js"}) {
    INFO(path);
    auto answer = get_with(client, path, "gzip");
    REQUIRE(answer);
    CHECK(answer->status == 200);
    CHECK_FALSE(answer->has_header("Content-Encoding"));
    CHECK(answer->get_header_value("Vary") == "Accept-Encoding");
    CHECK(answer->body == f.script);
  }
}

TEST_CASE("a request for FILE.gz itself gets those bytes as a plain file and not encoded again") {
  gzip_fixture f;
  served_collector c({"--widget", f.files.file("widget")});
  auto client = c.server.client();
  for (const char* accept_encoding : {"gzip", "identity"}) {
    INFO(accept_encoding);
    auto answer = get_with(client, "/widget/otklik.js.gz", accept_encoding);
    REQUIRE(answer);
    CHECK(answer->status == 200);
    CHECK_FALSE(answer->has_header("Content-Encoding"));
    CHECK(answer->get_header_value("Content-Type") == "application/gzip");
    CHECK(answer->body == gzip_bytes(f.script));
  }
  auto escape = get_with(client, "/widget/../portal/index.html", "gzip");  // the path rules still hold
  REQUIRE(escape);
  CHECK(escape->status == 404);
}

TEST_CASE("HEAD answers like GET without the body with the chosen variant's Content-Length and headers") {
  gzip_fixture f;
  served_collector c({"--widget", f.files.file("widget")});
  auto client = c.server.client();
  client.set_decompress(false);
  auto compressed = client.Head("/widget/otklik.js", httplib::Headers{{"Accept-Encoding", "gzip"}});
  REQUIRE(compressed);
  CHECK(compressed->status == 200);
  CHECK(compressed->body.empty());
  CHECK(compressed->get_header_value("Content-Encoding") == "gzip");
  CHECK(compressed->get_header_value("Content-Length") == std::to_string(gzip_bytes(f.script).size()));
  CHECK(compressed->get_header_value("Vary") == "Accept-Encoding");
  auto identity = client.Head("/widget/otklik.js", httplib::Headers{{"Accept-Encoding", "gzip;q=0"}});
  REQUIRE(identity);
  CHECK(identity->status == 200);
  CHECK_FALSE(identity->has_header("Content-Encoding"));
  CHECK(identity->get_header_value("Content-Length") == std::to_string(f.script.size()));
  CHECK(identity->get_header_value("Vary") == "Accept-Encoding");
}
