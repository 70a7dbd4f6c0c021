// native/collector/static_files.cpp — reads the widget's and the demo portal's files, or their
// precompressed .gz beside them. Written by hand: the HTTP library (Boost.Beast) has no file server nor
// Accept-Encoding parser, and this needs only path checks, a type table and a short list parser.
#include "static_files.hpp"

#include <boost/beast/core/string.hpp>

#include <array>
#include <filesystem>
#include <system_error>
#include <utility>

#include "header_text.hpp"
#include "otklik/native/read_file.hpp"

namespace otklik::collector::detail {
namespace {

// The types the widget and the portal use; anything else is sent as bytes.
constexpr std::array<std::pair<std::string_view, std::string_view>, 15> content_types{{
    {".html", "text/html; charset=utf-8"},
    {".htm", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".wasm", "application/wasm"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".txt", "text/plain; charset=utf-8"},
    {".map", "application/json"},
    {".woff2", "font/woff2"},
    {".webp", "image/webp"},
    {".gz", "application/gzip"},
}};

std::string_view content_type_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return "application/octet-stream";
  }
  const std::string_view extension = path.substr(dot);
  for (const auto& [known, type] : content_types) {
    if (known == extension) return type;
  }
  return "application/octet-stream";
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decodes the path and checks every segment; empty when the path must not be served.
std::optional<std::string> safe_relative_path(std::string_view encoded) {
  std::string path;
  path.reserve(encoded.size());
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    char c = encoded[i];
    if (c == '%') {
      if (i + 2 >= encoded.size()) return std::nullopt;
      const int high = hex_value(encoded[i + 1]), low = hex_value(encoded[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      c = static_cast<char>(high * 16 + low);
      i += 2;
    }
    if (c == '\0' || c == '\\') return std::nullopt;
    path.push_back(c);
  }
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string_view segment = std::string_view(path).substr(start, end - start);
    if (segment == ".." || segment == ".") return std::nullopt;
    start = end + 1;
  }
  return path;
}

// RFC 9110 qvalue: "0" or "1" with up to three decimals. Whether it is above zero; nothing when malformed.
std::optional<bool> positive_qvalue(std::string_view q) {
  if (q.empty() || (q[0] != '0' && q[0] != '1')) return std::nullopt;
  if (q.size() > 1 && (q[1] != '.' || q.size() > 5)) return std::nullopt;
  bool positive = q[0] == '1';
  for (std::size_t i = 2; i < q.size(); ++i) {
    if (q[i] < '0' || q[i] > '9') return std::nullopt;
    if (q[0] == '1' && q[i] != '0') return std::nullopt;  // above 1
    positive = positive || q[i] != '0';
  }
  return positive;
}

// Whether FILE.gz beside `path` may stand for it: a regular file written no earlier than FILE.
bool fresh_gzip_beside(const std::string& path, const std::string& gzip_path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(gzip_path, error)) return false;
  const auto original_time = std::filesystem::last_write_time(path, error);
  if (error) return false;
  const auto gzip_time = std::filesystem::last_write_time(gzip_path, error);
  return !error && gzip_time >= original_time;
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
  std::optional<bool> gzip, any;
  while (!accept_encoding.empty()) {
    const std::size_t comma = accept_encoding.find(',');
    const std::string_view element = accept_encoding.substr(0, comma);
    accept_encoding = comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
    const std::size_t semicolon = element.find(';');
    const std::string_view coding = trim(element.substr(0, semicolon));
    std::optional<bool> allowed = true;
    std::string_view parameters = semicolon == std::string_view::npos ? "" : element.substr(semicolon + 1);
    while (!parameters.empty()) {
      const std::size_t next = parameters.find(';');
      const std::string_view parameter = trim(parameters.substr(0, next));
      parameters = next == std::string_view::npos ? std::string_view() : parameters.substr(next + 1);
      const std::size_t equals = parameter.find('=');
      if (equals != std::string_view::npos && boost::beast::iequals(trim(parameter.substr(0, equals)), "q")) {
        allowed = positive_qvalue(trim(parameter.substr(equals + 1)));
      }
    }
    if (!allowed) continue;  // a malformed weight: the element says nothing
    if (boost::beast::iequals(coding, "gzip") || boost::beast::iequals(coding, "x-gzip")) {
      gzip = gzip.value_or(false) || *allowed;
    } else if (coding == "*") {
      any = any.value_or(false) || *allowed;
    }
  }
  return gzip ? *gzip : any.value_or(false);
}

std::optional<static_file> load_static_file(const std::string& root, std::string_view relative, bool gzip_accepted) {
  const std::optional<std::string> safe = safe_relative_path(relative);
  if (!safe) return std::nullopt;
  std::string path = root;
  if (path.empty() || path.back() != '/') path.push_back('/');
  path.append(!safe->empty() && safe->front() == '/' ? safe->substr(1) : *safe);
  std::error_code error;
  if (path.back() == '/' || std::filesystem::is_directory(path, error)) {
    if (path.back() != '/') path.push_back('/');
    path.append("index.html");
  }
  // Regular files only: a FIFO or a device under the directory must not block or stream a reader.
  if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
  static_file file;
  file.content_type = content_type_of(path);
  // A request for x.gz itself is x.gz as it is, never x.gz.gz.
  const bool is_gzip_already = path.ends_with(".gz");
  if (gzip_accepted && !is_gzip_already && fresh_gzip_beside(path, path + ".gz")) {
    native::file_contents compressed = native::read_file(path + ".gz");
    if (compressed.ok) {
      file.content = std::move(compressed.data);
      file.gzip_encoded = true;
      return file;
    }
  }
  native::file_contents contents = native::read_file(path);
  if (!contents.ok) return std::nullopt;
  file.content = std::move(contents.data);
  return file;
}

}  // namespace otklik::collector::detail
