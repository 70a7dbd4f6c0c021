// otklik/json_writer.hpp — a minimal JSON writer with fixed field order, so that every host writes the
// formats byte-identically (natively and in WebAssembly) without iostreams or locales.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace otklik {

// Appends `text` as a JSON string literal (RFC 8259 escaping; UTF-8 passes through unchanged).
void append_json_string(std::string& out, std::string_view text);

// Appends an integer in decimal.
void append_json_int(std::string& out, std::int64_t value);

// Appends an RFC 6901 JSON Pointer token ("~" -> "~0", "/" -> "~1") after a "/".
void append_pointer_token(std::string& out, std::string_view token);

// Builds JSON objects and arrays with commas placed automatically.
class json_writer {
 public:
  explicit json_writer(std::string& out) : out_(out) {}
  json_writer& begin_object() { separate(); out_.push_back('{'); first_ = true; return *this; }
  json_writer& end_object() { out_.push_back('}'); first_ = false; return *this; }
  json_writer& begin_array() { separate(); out_.push_back('['); first_ = true; return *this; }
  json_writer& end_array() { out_.push_back(']'); first_ = false; return *this; }
  // Writes `"name":` so that the next value belongs to it.
  json_writer& key(std::string_view name) {
    separate();
    append_json_string(out_, name);
    out_.push_back(':');
    first_ = true;
    return *this;
  }
  json_writer& string(std::string_view text) { separate(); append_json_string(out_, text); return *this; }
  json_writer& integer(std::int64_t value) { separate(); append_json_int(out_, value); return *this; }
  json_writer& boolean(bool value) { separate(); out_ += value ? "true" : "false"; return *this; }
  // Writes already-serialized JSON as the next value.
  json_writer& raw(std::string_view json) { separate(); out_ += json; return *this; }

 private:
  void separate() {
    if (!first_) out_.push_back(',');
    first_ = false;
  }
  std::string& out_;
  bool first_ = true;
};

}  // namespace otklik
