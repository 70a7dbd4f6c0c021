// `otklik redact [FILE]`: NDJSON {"id": ..., "text": ...} in, NDJSON {"id", "text" (redacted), "findings"}
// out (formats.md, "Command line"). A malformed line is reported on stderr with its number and skipped;
// the exit status is then 1, after every other line has been written.
#include <simdjson.h>

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "commands.hpp"
#include "otklik/json_writer.hpp"
#include "otklik/native/line_reader.hpp"
#include "otklik/redact.hpp"

namespace otklik::cli {

namespace {

// One input line's fields, or why it is malformed.
struct request {
  std::string_view id_json;  // the id as written (a JSON string or number), echoed back verbatim
  std::string_view text;     // unescaped UTF-8
  std::string error;
};

request parse_line(simdjson::ondemand::parser& parser, std::string& padded, std::string_view line) {
  request r;
  padded.assign(line);
  padded.reserve(line.size() + simdjson::SIMDJSON_PADDING);
  simdjson::ondemand::document doc;
  if (auto err = parser.iterate(simdjson::padded_string_view(padded.data(), line.size(), padded.capacity())).get(doc)) {
    r.error = simdjson::error_message(err);
    return r;
  }
  simdjson::ondemand::object object;
  if (doc.get_object().get(object)) {
    r.error = "not a JSON object";
    return r;
  }
  bool has_id = false, has_text = false;
  for (auto field : object) {
    std::string_view key;
    if (field.unescaped_key().get(key)) {
      r.error = "invalid JSON";
      return r;
    }
    simdjson::ondemand::value value;
    if (field.value().get(value)) {
      r.error = "invalid JSON";
      return r;
    }
    if (key == "id") {
      simdjson::ondemand::json_type type;
      if (value.type().get(type) || (type != simdjson::ondemand::json_type::string && type != simdjson::ondemand::json_type::number)) {
        r.error = "\"id\" must be a string or a number";
        return r;
      }
      r.id_json = value.raw_json_token();
      while (!r.id_json.empty() && (r.id_json.back() == ' ' || r.id_json.back() == '\t')) r.id_json.remove_suffix(1);
      has_id = true;
    } else if (key == "text") {
      if (value.get_string().get(r.text)) {
        r.error = "\"text\" must be a string";
        return r;
      }
      has_text = true;
    } else {
      r.error = "unknown field \"" + std::string(key) + "\" (only \"id\" and \"text\")";  // formats reject unknown fields
      return r;
    }
  }
  const char* rest = nullptr;
  if (doc.current_location().get(rest) == simdjson::SUCCESS) {  // OUT_OF_BOUNDS once the document is consumed
    r.error = "trailing content after the object";
  } else if (!has_id) {
    r.error = "missing \"id\"";
  } else if (!has_text) {
    r.error = "missing \"text\"";
  }
  return r;
}

void write_result(std::string& out, std::string_view id_json, const redaction& result) {
  json_writer w(out);
  w.begin_object().key("id").raw(id_json).key("text").string(result.text).key("findings").begin_array();
  for (const finding& f : result.findings) {
    w.begin_object()
        .key("type").string(to_string(f.type))
        .key("start").integer(f.start)
        .key("end").integer(f.end)
        .end_object();
  }
  w.end_array().end_object();
  out.push_back('\n');
}

int run_redact(const std::string& input) {
  native::line_reader reader(input);
  if (!reader.ok()) {
    std::fprintf(stderr, "otklik redact: %s\n", reader.error().c_str());
    return exit_usage;
  }
  simdjson::ondemand::parser parser;
  std::string padded, out;
  out.reserve(1 << 20);
  std::uint64_t malformed = 0;
  std::string_view line;
  while (reader.next(line)) {
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;  // blank lines carry nothing
    const request r = parse_line(parser, padded, line);
    if (!r.error.empty()) {
      ++malformed;
      std::fprintf(stderr, "otklik redact: line %llu: %s\n", static_cast<unsigned long long>(reader.line_number()),
                   r.error.c_str());
      continue;
    }
    write_result(out, r.id_json, redact(r.text));
    if (out.size() >= (1u << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (!reader.error().empty()) {
    std::fprintf(stderr, "otklik redact: %s\n", reader.error().c_str());
    return exit_usage;
  }
  if (std::fflush(stdout) != 0) {
    std::fprintf(stderr, "otklik redact: cannot write the output\n");
    return exit_usage;
  }
  return malformed == 0 ? 0 : 1;
}

}  // namespace

void add_redact_command(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "redact",
      "Replace personal data in comments by typed placeholders.\n"
      "Reads NDJSON lines {\"id\": ..., \"text\": ...} and writes one line per input line:\n"
      "  {\"id\": ..., \"text\": REDACTED, \"findings\": [{\"type\": \"PHONE\", \"start\": B, \"end\": E}]}\n"
      "with byte offsets into the input text. Placeholders: [EMAIL] [PHONE] [SNILS] [INN] [OGRN] [PASSPORT]\n"
      "[OMS] [CARD] [IBAN] [IP] [URL] [PLATE] [DATE_OF_BIRTH] [PERSON] [ADDRESS] (docs/anonymization.md).\n"
      "A malformed line is reported on stderr with its number and skipped; the exit status is then 1.");
  auto input = std::make_shared<std::string>("-");
  cmd->add_option("input", *input, "NDJSON file to read (\"-\" or none: standard input)");
  cmd->callback([input, &status] { status = run_redact(*input); });
}

}  // namespace otklik::cli
