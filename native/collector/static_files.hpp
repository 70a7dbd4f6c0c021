// native/collector/static_files.hpp — files served from a directory (the widget, the demo portal):
// request path to file, refusing anything that would leave the directory; internal to the collector.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace otklik::collector::detail {

// A file's bytes and the Content-Type its extension calls for.
struct static_file {
  std::string content;
  std::string_view content_type;
};

// The file at `relative` (a URL path below the mount point, still percent-encoded) inside `root`;
// a directory means its index.html. Nothing when absent, unreadable, or outside `root` ("..", NUL).
[[nodiscard]] std::optional<static_file> load_static_file(const std::string& root, std::string_view relative);

}  // namespace otklik::collector::detail
