// The On Demand fast path, compiled once per kernel (OTKLIK_KERNEL names it; see CMakeLists.txt). Every rule
// mirrors core/src/detail/response_decoder.hpp; tests/analysis runs both on valid and corrupted lines and
// requires the same verdicts.
#include <simdjson.h>

#include "line_decoder.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "detail/region_codes.hpp"
#include "detail/response_decoder.hpp"
#include "detail/time_format.hpp"
#include "detail/utf8.hpp"
#include "otklik/period.hpp"

namespace otklik::analysis::detail::OTKLIK_KERNEL {

namespace od = simdjson::ondemand;

// What the fast path needs of one survey, precomputed: question lookup, ranges, and where each applies.
struct survey_rules {
  const survey* s = nullptr;
  std::size_t index = 0;
  const survey_layout* layout = nullptr;
  std::vector<std::string_view> question_ids;
  std::vector<std::uint8_t> applies;  // [(stage * 5 + channel) * questions + question]
  std::vector<std::size_t> required;  // question indices
};

class kernel_decoder final : public line_decoder {
 public:
  kernel_decoder(const survey_set& surveys, const std::vector<survey_layout>& layouts);
  bool decode(std::string_view line, std::size_t capacity, decoded_line& out) override;
  const char* kernel() const noexcept override { return SIMDJSON_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION); }

 private:
  const survey_rules* find(std::string_view id) const noexcept;
  std::vector<survey_rules> rules_;
  od::parser parser_;
};

kernel_decoder::kernel_decoder(const survey_set& surveys, const std::vector<survey_layout>& layouts) {
  constexpr std::array<channel, 5> channels = {channel::web, channel::mobile, channel::office, channel::phone,
                                               channel::kiosk};
  for (std::size_t i = 0; i < surveys.all().size(); ++i) {
    const survey& s = surveys.all()[i];
    survey_rules r;
    r.s = &s;
    r.index = i;
    r.layout = &layouts[i];
    const std::size_t q_count = s.questions.size();
    for (const question& q : s.questions) r.question_ids.push_back(q.id);
    r.applies.resize(s.stages.size() * channels.size() * q_count);
    for (std::size_t st = 0; st < s.stages.size(); ++st) {
      for (std::size_t ch = 0; ch < channels.size(); ++ch) {
        for (std::size_t q = 0; q < q_count; ++q) {
          r.applies[(st * channels.size() + ch) * q_count + q] = s.questions[q].applies_to(s.stages[st].id, channels[ch]);
        }
      }
    }
    for (std::size_t q = 0; q < q_count; ++q) {
      if (s.questions[q].required) r.required.push_back(q);
    }
    rules_.push_back(std::move(r));
  }
}

const survey_rules* kernel_decoder::find(std::string_view id) const noexcept {
  for (const survey_rules& r : rules_) {
    if (r.s->id == id) return &r;
  }
  return nullptr;
}

namespace {

enum field : int { f_format, f_id, f_survey, f_service, f_stage, f_channel, f_locale, f_submitted_at, f_answers, f_region };

// Whether the raw key at `raw` (just after its opening quote) is exactly `name`. A key with escapes never
// matches (ids have no backslash), so it falls to the slow path, which unescapes it.
bool key_is(const char* raw, const char* line_end, std::string_view name) noexcept {
  return static_cast<std::size_t>(line_end - raw) > name.size() && std::memcmp(raw, name.data(), name.size()) == 0 &&
         raw[name.size()] == '"';
}

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

// The response id rule of the core (16..64 of [A-Za-z0-9_-]) with a table instead of branches.
bool valid_response_id(std::string_view id) noexcept {
  static constexpr auto allowed = [] {
    std::array<bool, 256> table{};
    for (int c = 'a'; c <= 'z'; ++c) table[static_cast<std::size_t>(c)] = true;
    for (int c = 'A'; c <= 'Z'; ++c) table[static_cast<std::size_t>(c)] = true;
    for (int c = '0'; c <= '9'; ++c) table[static_cast<std::size_t>(c)] = true;
    table['_'] = table['-'] = true;
    return table;
  }();
  if (id.size() < 16 || id.size() > 64) return false;
  bool ok = true;
  for (const char c : id) ok &= allowed[static_cast<unsigned char>(c)];
  return ok;
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

std::uint8_t goal_code(std::string_view word) noexcept {
  if (word == "yes") return answer_code::goal_yes;
  if (word == "partly") return answer_code::goal_partly;
  if (word == "no") return answer_code::goal_no;
  return 0;
}

}  // namespace

bool kernel_decoder::decode(std::string_view line, std::size_t capacity, decoded_line& out) {
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
  out.region = {};
  out.comments.clear();
  out.row = encoded_row{};
  bool answered_any = false;
  std::uint64_t answered[(otklik::detail::max_survey_questions + 63) / 64] = {};

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
        if (!read_string(v, text) || (rules = find(text)) == nullptr) return false;
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
        if (!read_string(v, submitted_at) || !otklik::detail::is_rfc3339_utc(submitted_at)) return false;
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
        const std::size_t q_count = rules->question_ids.size();
        const std::uint8_t* applies =
            rules->applies.data() + (static_cast<std::size_t>(stage_index) * 5 + channel_value) * q_count;
        for (auto answer_member : answers) {
          od::field a;
          if (std::move(answer_member).get(a)) return false;
          const char* raw = a.key().raw();
          std::size_t q = 0;
          while (q < q_count && (rules->question_ids[q][0] != raw[0] || !key_is(raw, line_end, rules->question_ids[q]))) {
            ++q;
          }
          if (q == q_count || !applies[q]) return false;
          if (answered[q / 64] & (std::uint64_t{1} << (q % 64))) return false;
          answered[q / 64] |= std::uint64_t{1} << (q % 64);
          answered_any = true;
          const question& question = rules->s->questions[q];
          const question_slot slot = rules->layout->slots[q];
          od::value value = a.value();
          switch (question.kind) {
            case question_kind::csat:
            case question_kind::criterion:
            case question_kind::ces:
            case question_kind::nps: {
              std::int64_t number;
              if (!read_integer(value, number)) return false;
              const auto [low, high] = question.scale();
              if (number < low || number > high) return false;
              const auto code = static_cast<std::uint8_t>(question.kind == question_kind::nps ? number + 1 : number);
              switch (slot.kind) {
                case slot_kind::csat: out.row.csat = code; break;
                case slot_kind::ces: out.row.ces = code; break;
                case slot_kind::nps: out.row.nps = code; break;
                case slot_kind::criterion: out.row.criteria[slot.column] = code; break;
                default: break;
              }
              break;
            }
            case question_kind::goal: {
              if (!read_string(value, text)) return false;
              const std::uint8_t code = goal_code(text);
              if (code == 0) return false;
              if (slot.kind == slot_kind::goal) out.row.goal = code;
              break;
            }
            case question_kind::choice: {
              if (!read_string(value, text)) return false;
              const bool known = std::any_of(question.options.begin(), question.options.end(),
                                             [&](const choice_option& o) { return o.id == text; });
              if (!known) return false;
              break;
            }
            case question_kind::text:
              if (!read_string(value, text) || text.empty()) return false;
              if (otklik::detail::count_code_points(text) > question.max_length) return false;
              out.comments.push_back(text);
              break;
          }
        }
        break;
      }
    }
  }
  // Nothing may follow the object.
  if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) return false;
  // Every field but region is required; then the survey-level rules.
  if ((seen & ((1u << f_region) - 1)) != (1u << f_region) - 1) return false;
  if (service != rules->s->service.id || !answered_any) return false;
  const auto locale_at = std::find(rules->s->locales.begin(), rules->s->locales.end(), locale);
  if (locale_at == rules->s->locales.end()) return false;
  for (const std::size_t q : rules->required) {
    const std::size_t q_count = rules->question_ids.size();
    const bool asked = rules->applies[(static_cast<std::size_t>(stage_index) * 5 + channel_value) * q_count + q];
    if (asked && !(answered[q / 64] & (std::uint64_t{1} << (q % 64)))) return false;
  }
  const std::optional<std::uint32_t> hour = hour_index(submitted_at);
  if (!hour) return false;
  out.survey_index = rules->index;
  out.row.stage = rules->layout->stage_codes[static_cast<std::size_t>(stage_index)];
  out.row.channel = static_cast<std::uint8_t>(channel_value);
  out.row.locale = rules->layout->locale_codes[static_cast<std::size_t>(locale_at - rules->s->locales.begin())];
  out.row.hour = *hour;
  return true;
}

std::unique_ptr<line_decoder> make(const survey_set& surveys, const std::vector<survey_layout>& layouts) {
  return std::make_unique<kernel_decoder>(surveys, layouts);
}

}  // namespace otklik::analysis::detail::OTKLIK_KERNEL
