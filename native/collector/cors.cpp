// native/collector/cors.cpp — the CORS allowlist (Fetch standard, "CORS protocol").
#include "otklik/collector/cors.hpp"

#include <algorithm>

#include "header_text.hpp"

namespace otklik::collector {
namespace {

using detail::lower;
using detail::trim;

// Request headers a browser may ask for beyond the CORS-safelisted ones.
bool header_allowed(std::string_view name) {
  const std::string n = lower(trim(name));
  return n.empty() || n == "content-type" || n == "accept" || n == "accept-language";
}

}  // namespace

cors_policy::cors_policy(std::vector<std::string> allowed_origins) {
  for (const std::string& origin : allowed_origins) {
    if (origin == "*") {
      any_ = true;
      continue;
    }
    std::string normalized = lower(trim(origin));
    while (!normalized.empty() && normalized.back() == '/') normalized.pop_back();
    if (!normalized.empty()) origins_.push_back(std::move(normalized));
  }
}

bool cors_policy::allows(std::string_view origin) const {
  if (origin.empty()) return false;
  if (any_) return true;
  const std::string candidate = lower(origin);
  return std::find(origins_.begin(), origins_.end(), candidate) != origins_.end();
}

header_list cors_policy::for_request(std::string_view origin) const {
  if (!any_ && origins_.empty()) return {};  // no allowlist: no answer depends on Origin
  // Vary: Origin on every answer, allowed or not: a cache that stored the answer without
  // Access-Control-Allow-Origin (no Origin, or another one) must not hand it to an allowed portal.
  if (!allows(origin)) return {{"Vary", "Origin"}};
  return {{"Access-Control-Allow-Origin", std::string(origin)}, {"Vary", "Origin"}};
}

preflight_answer cors_policy::preflight(std::string_view origin, std::string_view method,
                                        std::string_view request_headers) const {
  preflight_answer answer;
  if (!allows(origin) || (method != "POST" && method != "GET")) return answer;
  for (std::size_t start = 0; start <= request_headers.size();) {
    const std::size_t comma = std::min(request_headers.find(',', start), request_headers.size());
    if (!header_allowed(request_headers.substr(start, comma - start))) return answer;
    start = comma + 1;
  }
  answer.status = 204;
  answer.headers = {{"Access-Control-Allow-Origin", std::string(origin)},
                    {"Access-Control-Allow-Methods", "GET, POST"},
                    {"Access-Control-Allow-Headers", "Content-Type, Accept, Accept-Language"},
                    {"Access-Control-Max-Age", "7200"},
                    {"Vary", "Origin"}};
  return answer;
}

}  // namespace otklik::collector
