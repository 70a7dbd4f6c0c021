// otklik/collector/cors.hpp — which web origins may call the collector from a browser (an allowlist),
// and the CORS headers that say so; independent of the HTTP library.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace otklik::collector {

using header_list = std::vector<std::pair<std::string, std::string>>;

// The answer to a preflight (OPTIONS with Access-Control-Request-Method).
struct preflight_answer {
  int status = 403;     // 204 allowed, 403 denied
  header_list headers;  // empty when denied: the browser then blocks the real request
};

class cors_policy {
 public:
  // Origins as "https://portal.example" (scheme, host, optional port); "*" allows every origin.
  explicit cors_policy(std::vector<std::string> allowed_origins);

  [[nodiscard]] bool allows(std::string_view origin) const;
  // Headers that let a browser page from `origin` read the answer to a GET or POST; with an allowlist,
  // Vary: Origin even when `origin` is not allowed (caches), and nothing at all without one.
  [[nodiscard]] header_list for_request(std::string_view origin) const;
  // Allows GET and POST with the headers a widget sends (Content-Type, Accept, Accept-Language).
  [[nodiscard]] preflight_answer preflight(std::string_view origin, std::string_view method,
                                           std::string_view request_headers) const;

 private:
  std::vector<std::string> origins_;  // normalized: lower case, no trailing slash
  bool any_ = false;
};

}  // namespace otklik::collector
