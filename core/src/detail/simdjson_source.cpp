// Adapts simdjson's DOM to the decoders' node interface (the same one json_tape offers).
#include <simdjson.h>

#include <limits>

#include "detail/native_json.hpp"
#include "detail/response_decoder.hpp"
#include "detail/survey_decoder.hpp"

namespace otklik::detail {

namespace {

class simdjson_node {
 public:
  explicit simdjson_node(simdjson::dom::element e) : e_(e) {}
  [[nodiscard]] json_kind kind() const noexcept {
    switch (e_.type()) {
      case simdjson::dom::element_type::ARRAY: return json_kind::array;
      case simdjson::dom::element_type::OBJECT: return json_kind::object;
      case simdjson::dom::element_type::INT64:
      case simdjson::dom::element_type::UINT64: return json_kind::integer;
      case simdjson::dom::element_type::DOUBLE: return json_kind::real;
      case simdjson::dom::element_type::STRING: return json_kind::string;
      case simdjson::dom::element_type::BOOL: return json_kind::boolean;
      case simdjson::dom::element_type::NULL_VALUE: return json_kind::null_value;
    }
    return json_kind::null_value;
  }
  [[nodiscard]] bool get_bool() const noexcept { return e_.get_bool().value_unsafe(); }
  [[nodiscard]] std::int64_t get_int() const noexcept {
    if (e_.type() == simdjson::dom::element_type::UINT64) return std::numeric_limits<std::int64_t>::max();
    return e_.get_int64().value_unsafe();
  }
  [[nodiscard]] std::string_view get_string() const noexcept { return e_.get_string().value_unsafe(); }
  template <class F>
  void for_each_field(F&& f) const {
    const simdjson::dom::object object = e_.get_object().value_unsafe();  // a copy: the result is a temporary
    for (const auto field : object) f(field.key, simdjson_node(field.value));
  }
  template <class F>
  void for_each_element(F&& f) const {
    std::size_t i = 0;
    const simdjson::dom::array array = e_.get_array().value_unsafe();
    for (const auto item : array) f(i++, simdjson_node(item));
  }

 private:
  simdjson::dom::element e_;
};

}  // namespace

class simdjson_parser {
 public:
  simdjson::dom::parser parser;
  std::size_t depth = 0;

  // simdjson reads up to SIMDJSON_PADDING bytes past the end; it copies the input itself only when
  // those bytes could cross into an unmapped page, so lines inside a larger buffer are parsed in place.
  simdjson::simdjson_result<simdjson::dom::element> parse(std::string_view json, std::size_t max_depth) {
    if (depth != max_depth || parser.capacity() < json.size()) {
      const std::size_t capacity = std::max<std::size_t>(json.size(), 4096);
      if (parser.allocate(capacity, max_depth) != simdjson::SUCCESS) return simdjson::MEMALLOC;
      depth = max_depth;
    }
    return parser.parse(json.data(), json.size(), true);
  }
};

void simdjson_parser_deleter::operator()(simdjson_parser* parser) const noexcept { delete parser; }

simdjson_parser_ptr make_simdjson_parser() { return simdjson_parser_ptr(new simdjson_parser()); }

bool simdjson_decode_response(simdjson_parser& parser, std::string_view json, std::size_t max_depth,
                              const survey_lookup& lookup, response& out, std::vector<issue>& issues) {
  auto doc = parser.parse(json, max_depth);
  if (doc.error()) return false;
  decode_response(simdjson_node(doc.value_unsafe()), lookup, out, issues);
  return true;
}

bool simdjson_decode_survey(simdjson_parser& parser, std::string_view json, std::size_t max_depth, survey& out,
                            std::vector<issue>& issues) {
  auto doc = parser.parse(json, max_depth);
  if (doc.error()) return false;
  decode_survey(simdjson_node(doc.value_unsafe()), out, issues);
  return true;
}

}  // namespace otklik::detail
