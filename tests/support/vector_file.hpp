// Reads the shared test vectors (tests/vectors/*.json) for the native test runners.
#pragma once

#include <simdjson.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "otklik/native/read_file.hpp"

namespace otklik::test {

struct expected_issue {
  std::string path;
  std::string code;
};

struct vector_case {
  std::string name;
  std::string survey;     // survey id (response vectors only)
  std::string input;      // the exact bytes to check
  bool ok = false;
  std::vector<expected_issue> errors;
  std::string canonical;  // expected canonical JSON, or ""
};

// Decodes "input", "input_hex" or "input_generate" {repeat, count, suffix} into bytes.
inline std::string vector_input(simdjson::dom::object c) {
  std::string_view text;
  if (c["input"].get(text) == simdjson::SUCCESS) return std::string(text);
  if (c["input_hex"].get(text) == simdjson::SUCCESS) {
    std::string out;
    for (std::size_t i = 0; i + 1 < text.size(); i += 2) out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i, 2)), nullptr, 16)));
    return out;
  }
  simdjson::dom::object g = c["input_generate"];
  std::string out;
  const std::string_view repeat = g["repeat"];
  const std::int64_t count = g["count"];
  for (std::int64_t i = 0; i < count; ++i) out += repeat;
  std::string_view suffix;
  if (g["suffix"].get(suffix) == simdjson::SUCCESS) out += suffix;
  return out;
}

// All cases of one vector file.
inline std::vector<vector_case> load_vectors(const std::string& path) {
  const auto file = native::read_file(path);
  if (!file.ok) throw std::runtime_error(file.data);
  simdjson::dom::parser parser;
  simdjson::dom::element root = parser.parse(simdjson::padded_string(file.data));
  std::vector<vector_case> out;
  for (simdjson::dom::object c : root["cases"].get_array()) {
    vector_case v;
    v.name = std::string(std::string_view(c["name"]));
    std::string_view text;
    if (c["survey"].get(text) == simdjson::SUCCESS) v.survey = text;
    if (c["canonical"].get(text) == simdjson::SUCCESS) v.canonical = text;
    v.input = vector_input(c);
    v.ok = bool(c["ok"]);
    for (simdjson::dom::object e : c["errors"].get_array()) {
      v.errors.push_back({std::string(std::string_view(e["path"])), std::string(std::string_view(e["code"]))});
    }
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace otklik::test
