// Parses one JSON document with the build's parser and hands the tree to a decoder; classifies failures
// with the tape parser so that native and WebAssembly builds report the same issue for the same bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "detail/decimal.hpp"
#include "detail/json_tape.hpp"
#include "otklik/validate.hpp"
#ifdef OTKLIK_WITH_SIMDJSON
#include "detail/native_json.hpp"
#endif

namespace otklik::detail {

struct validator_state {
  limits bounds;
  json_tape tape;
  response last;   // what the last check decoded, valid or not
#ifdef OTKLIK_WITH_SIMDJSON
  simdjson_parser_ptr native = make_simdjson_parser();
#endif

  // Runs `decode_native(parser)` (native builds) or `decode_tape(root)`; on a parse failure adds the issue.
  template <class DecodeTape, class DecodeNative>
  void run(std::string_view json, std::vector<issue>& issues, DecodeTape&& decode_tape, DecodeNative&& decode_native) {
#if defined(OTKLIK_WASM_SIZE_FIRST)  // the widget's core: one copy of this for the survey and the response
    if constexpr (!std::is_same_v<std::decay_t<DecodeTape>, callback_ref<void(tape_node)>>) {
      return run(json, issues, callback_ref<void(tape_node)>(decode_tape), nullptr);  // no native parser here
    }
#endif
    if (json.size() > bounds.max_bytes) {
      issues.push_back({"", error_code::too_large, decimal(bounds.max_bytes)});
      return;
    }
#ifdef OTKLIK_WITH_SIMDJSON
    (void)decode_tape;
    if (decode_native(*native)) return;
#else
    (void)decode_native;
#endif
    json_parse_error error;
    if (tape.parse(json, bounds.max_depth, error)) {
#ifdef OTKLIK_WITH_SIMDJSON
      // simdjson rejected what the tape parser accepts: the two must agree (a differential test checks);
      // stay on the safe side and reject.
      issues.push_back({"", error_code::invalid_json, "0"});
#else
      decode_tape(tape.root());
#endif
      return;
    }
    std::string detail;
    if (error.code == error_code::invalid_json) detail = decimal(error.offset);
    if (error.code == error_code::too_deep) detail = decimal(bounds.max_depth);
    issues.push_back({"", error.code, std::move(detail)});
  }
};

}  // namespace otklik::detail
