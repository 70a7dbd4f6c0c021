// otklik/validate.hpp — parse-and-check of responses against surveys, the same in browser, collector and reviewer.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "otklik/response.hpp"
#include "otklik/survey.hpp"

namespace otklik {

// Bounds on hostile input; the defaults fit the collector's 64 KB body limit with room to spare.
struct limits {
  std::size_t max_bytes = 1u << 20;   // a larger document is too_large without being parsed
  std::size_t max_depth = 16;         // deeper nesting is too_deep (no format nests beyond 4)
};

// The surveys a host knows, looked up by id.
class survey_set {
 public:
  // Adds a survey; an existing survey with the same id is replaced (a host reloads its directory).
  void add(survey s);
  [[nodiscard]] const survey* find(std::string_view id) const noexcept;
  [[nodiscard]] const std::vector<survey>& all() const noexcept { return surveys_; }
 private:
  std::vector<survey> surveys_;
};

namespace detail { struct validator_state; }

// Parses and validates responses. Keeps parser buffers between calls: use one per thread.
class validator {
 public:
  explicit validator(limits bounds = {});
  ~validator();
  validator(validator&&) noexcept;
  validator& operator=(validator&&) noexcept;

  // Checks one otklik.response/1 document; all issues are reported, not just the first.
  [[nodiscard]] result<response> check(const survey_set& surveys, std::string_view json);
  // Same, against one survey (the browser knows exactly one).
  [[nodiscard]] result<response> check(const survey& s, std::string_view json);
  // The fields read from the last document even when it had issues (so reports can name its id).
  [[nodiscard]] const response& last_decoded() const noexcept;

 private:
  std::unique_ptr<detail::validator_state> state_;
};

// Validates a decoded response against its survey (used after decoding and by re-checks of stored data).
[[nodiscard]] std::vector<issue> check_against(const survey& s, const response& r);

}  // namespace otklik
