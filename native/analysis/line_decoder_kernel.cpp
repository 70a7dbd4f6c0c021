// The On Demand fast path, compiled once per kernel (OTKLIK_KERNEL names it; see CMakeLists.txt). Every rule
// mirrors core/src/detail/response_decoder.hpp; tests/analysis runs both on valid and corrupted lines and
// requires the same verdicts.
#include <simdjson.h>

#include "detail/region_codes.hpp"
#include "line_rules.hpp"

namespace otklik::analysis::detail::OTKLIK_KERNEL {

namespace od = simdjson::ondemand;

class kernel_decoder final : public line_decoder {
 public:
  kernel_decoder(const survey_set& surveys, const std::vector<survey_layout>& layouts);
  bool decode(std::string_view line, std::size_t capacity, decoded_line& out) override;
  const char* kernel() const noexcept override { return SIMDJSON_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION); }

 private:
  std::vector<survey_rules> rules_;
  od::parser parser_;
};

kernel_decoder::kernel_decoder(const survey_set& surveys, const std::vector<survey_layout>& layouts)
    : rules_(make_survey_rules(surveys, layouts)) {}

namespace {

enum field : int { f_format, f_id, f_survey, f_service, f_stage, f_channel, f_locale, f_submitted_at, f_answers, f_region };

// The field by its raw key: a switch on the first letter, then one comparison.
int field_index(const char* raw, const char* line_end) noexcept {
  const auto is = [&](std::string_view name, int index) { return key_is(raw, line_end, name) ? index : -1; };
  switch (raw[0]) {
    case 'f': return is("format", f_format);
    case 'i': return is("id", f_id);
    case 's':
      if (raw[1] == 'u' && raw[2] == 'r') return is("survey", f_survey);
      if (raw[1] == 'u') return is("submitted_at", f_submitted_at);
      if (raw[1] == 'e') return is("service", f_service);
      return is("stage", f_stage);
    case 'c': return is("channel", f_channel);
    case 'l': return is("locale", f_locale);
    case 'a': return is("answers", f_answers);
    case 'r': return is("region", f_region);
    default: return -1;
  }
}

// A string value without copying it when it has no escapes (most have none); simdjson unescapes the others.
// Stage 1 has already checked the bytes (UTF-8, no control characters), so the raw token is the value.
bool read_string(od::value& v, std::string_view& out) {
  std::string_view raw;
  raw = v.raw_json_token();
  if (raw.empty() || raw.front() != '"') return false;
  while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\n' || raw.back() == '\r')) {
    raw.remove_suffix(1);
  }
  if (raw.size() < 2 || raw.back() != '"') return false;
  const std::string_view inner = raw.substr(1, raw.size() - 2);
  if (inner.find('\\') == std::string_view::npos) {
    out = inner;
    return true;
  }
  return !v.get_string().get(out);
}

bool read_integer(od::value& v, std::int64_t& out) {
  // Ratings are one or two plain digits: read them from the raw token (stage 1 has delimited it). Anything else
  // (signs, fractions, exponents, leading zeros) is classified by simdjson.
  std::string_view raw = v.raw_json_token();
  while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\n' || raw.back() == '\r')) {
    raw.remove_suffix(1);
  }
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (raw.size() == 1 && digit(raw[0])) {
    out = raw[0] - '0';
    return true;
  }
  if (raw.size() == 2 && raw[0] >= '1' && raw[0] <= '9' && digit(raw[1])) {
    out = (raw[0] - '0') * 10 + (raw[1] - '0');
    return true;
  }
  od::json_type type;
  if (v.type().get(type) || type != od::json_type::number) return false;
  od::number_type kind;
  if (v.get_number_type().get(kind)) return false;
  if (kind != od::number_type::signed_integer && kind != od::number_type::unsigned_integer) return false;
  return !v.get_int64().get(out);
}

}  // namespace

bool kernel_decoder::decode(std::string_view line, std::size_t capacity, decoded_line& out) {
  out.region = {};
  out.comments.clear();
  out.row = encoded_row{};

  od::document doc;
  if (parser_.iterate(line.data(), line.size(), capacity).get(doc)) return false;
  od::object root;
  if (doc.get_object().get(root)) return false;

  const char* const line_end = line.data() + line.size();
  unsigned seen = 0;
  const survey_rules* rules = nullptr;
  std::string_view service, stage, locale, submitted_at;
  int stage_index = -1;
  int channel_value = -1;
  bool answers_complete = false;

  for (auto member : root) {
    od::field f;
    if (std::move(member).get(f)) return false;
    const int i = field_index(f.key().raw(), line_end);
    if (i < 0 || (seen & (1u << i))) return false;  // unknown or repeated field
    seen |= 1u << i;
    od::value v = f.value();
    std::string_view text;
    switch (i) {
      case f_format:
        if (!read_string(v, text) || text != otklik::detail::response_format_tag) return false;
        break;
      case f_id:
        if (!read_string(v, text) || !valid_response_id(text)) return false;
        out.id_hash = hash_id(text);
        break;
      case f_survey:
        if (!read_string(v, text) || (rules = find_survey(rules_, text)) == nullptr) return false;
        break;
      case f_service:
        if (!read_string(v, service)) return false;
        break;
      case f_stage:
        if (!read_string(v, stage)) return false;
        break;
      case f_channel: {
        if (!read_string(v, text)) return false;
        const auto parsed = parse_channel(text);
        if (!parsed) return false;
        channel_value = static_cast<int>(*parsed);
        break;
      }
      case f_locale:
        if (!read_string(v, locale)) return false;
        break;
      case f_submitted_at:
        if (!read_string(v, submitted_at)) return false;
        break;
      case f_region:
        if (!read_string(v, out.region) || !otklik::detail::is_iso3166_2(out.region)) return false;
        break;
      case f_answers: {
        // The canonical order puts answers after survey, stage and channel; other orders take the slow path.
        if (rules == nullptr || channel_value < 0 || (seen & (1u << f_stage)) == 0) return false;
        stage_index = rules->s->stage_index(stage);
        if (stage_index < 0) return false;
        od::object answers;
        if (v.get_object().get(answers)) return false;
        answer_checker checker(*rules, stage_index, channel_value);
        for (auto answer_member : answers) {
          od::field a;
          if (std::move(answer_member).get(a)) return false;
          const int q = checker.question(a.key().raw(), line_end, line.data() + capacity);
          if (q < 0) return false;
          od::value value = a.value();
          if (checker.wants_integer(q)) {
            std::int64_t number;
            if (!read_integer(value, number) || !checker.integer(q, number, out.row)) return false;
          } else if (!read_string(value, text) || !checker.string(q, text, out)) {
            return false;
          }
        }
        answers_complete = checker.complete();
        break;
      }
    }
  }
  // Nothing may follow the object.
  if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) return false;
  // Every field but region is required; then the survey-level rules.
  if ((seen & ((1u << f_region) - 1)) != (1u << f_region) - 1 || !answers_complete) return false;
  const int locale_index = service_and_locale(*rules, service, locale);
  const std::optional<std::uint32_t> hour = checked_hour(submitted_at);
  if (locale_index < 0 || !hour) return false;
  finish_line(*rules, stage_index, channel_value, locale_index, *hour, out);
  return true;
}

std::unique_ptr<line_decoder> make(const survey_set& surveys, const std::vector<survey_layout>& layouts) {
  return std::make_unique<kernel_decoder>(surveys, layouts);
}

}  // namespace otklik::analysis::detail::OTKLIK_KERNEL
