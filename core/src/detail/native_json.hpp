// The simdjson fast path of native builds (compiled only when OTKLIK_WITH_SIMDJSON is defined).
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "detail/survey_lookup.hpp"
#include "otklik/response.hpp"
#include "otklik/survey.hpp"

namespace otklik::detail {

class simdjson_parser;
struct simdjson_parser_deleter {
  void operator()(simdjson_parser* parser) const noexcept;
};
// A reusable simdjson DOM parser with a padded input buffer.
using simdjson_parser_ptr = std::unique_ptr<simdjson_parser, simdjson_parser_deleter>;

[[nodiscard]] simdjson_parser_ptr make_simdjson_parser();

// Parses with simdjson and decodes; false when simdjson rejects the document (the caller classifies why).
[[nodiscard]] bool simdjson_decode_response(simdjson_parser& parser, std::string_view json, std::size_t max_depth,
                                            const survey_lookup& lookup, response& out, std::vector<issue>& issues);
[[nodiscard]] bool simdjson_decode_survey(simdjson_parser& parser, std::string_view json, std::size_t max_depth,
                                          survey& out, std::vector<issue>& issues);

}  // namespace otklik::detail
