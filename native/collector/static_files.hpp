// native/collector/static_files.hpp — files served from a directory (the widget, the demo portal):
// request path to file, refusing anything that would leave the directory, and the precompressed
// FILE.gz beside it for clients that accept gzip (as nginx's gzip_static); internal to the collector.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace otklik::collector::detail {

// A file's bytes (gzip-compressed when `gzip_encoded`) and the Content-Type the original file's
// extension calls for.
struct static_file {
  std::string content;
  std::string_view content_type;
  bool gzip_encoded = false;
};

// Whether an Accept-Encoding value lets the answer be gzip: "gzip" (or "x-gzip") or "*" with a
// q-value above 0; an explicit "gzip;q=0" refuses it even when "*" allows everything.
[[nodiscard]] bool accepts_gzip(std::string_view accept_encoding);

// The file at `relative` (a URL path below the mount point, still percent-encoded) inside `root`;
// a directory means its index.html. With `gzip_accepted`, FILE.gz instead when it is a regular file
// not older than FILE (never compressed here: no CPU per request). Nothing when absent, unreadable,
// or outside `root` ("..", NUL).
[[nodiscard]] std::optional<static_file> load_static_file(const std::string& root, std::string_view relative,
                                                          bool gzip_accepted = false);

}  // namespace otklik::collector::detail
