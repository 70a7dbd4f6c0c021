// The kinds of JSON values the decoders see, shared by the tape parser and the simdjson adapter.
#pragma once

#include <cstdint>

namespace otklik::detail {

// `integer` covers every integer literal in int64 or uint64 range (uint64 values above INT64_MAX read
// as INT64_MAX, which every range check rejects); `real` is any literal with a fraction or exponent.
enum class json_kind : std::uint8_t { null_value, boolean, integer, real, string, array, object };

}  // namespace otklik::detail
