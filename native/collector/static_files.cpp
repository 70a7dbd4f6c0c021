// native/collector/static_files.cpp — reads the widget's and the demo portal's files. Written by hand:
// the HTTP library (Boost.Beast) has no file server, and this needs only path checks and a type table.
#include "static_files.hpp"

#include <array>
#include <filesystem>
#include <system_error>
#include <utility>

#include "otklik/native/read_file.hpp"

namespace otklik::collector::detail {
namespace {

// The types the widget and the portal use; anything else is sent as bytes.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> content_types{{
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

}  // namespace

std::optional<static_file> load_static_file(const std::string& root, std::string_view relative) {
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
  native::file_contents contents = native::read_file(path);
  if (!contents.ok) return std::nullopt;
  static_file file;
  file.content = std::move(contents.data);
  file.content_type = content_type_of(path);
  return file;
}

}  // namespace otklik::collector::detail
