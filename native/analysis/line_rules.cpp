// The rules shared by both ingest fast paths (see line_rules.hpp).
#include "line_rules.hpp"

#include <algorithm>
#include <array>

#include "detail/time_format.hpp"
#include "detail/utf8.hpp"
#include "otklik/period.hpp"

namespace otklik::analysis::detail {

namespace {

constexpr std::array<channel, 5> channels = {channel::web, channel::mobile, channel::office, channel::phone,
                                             channel::kiosk};

std::uint8_t goal_code(std::string_view word) noexcept {
  if (word == "yes") return answer_code::goal_yes;
  if (word == "partly") return answer_code::goal_partly;
  if (word == "no") return answer_code::goal_no;
  return 0;
}

}  // namespace

std::vector<survey_rules> make_survey_rules(const survey_set& surveys, const std::vector<survey_layout>& layouts) {
  std::vector<survey_rules> out;
  for (std::size_t i = 0; i < surveys.all().size(); ++i) {
    const survey& s = surveys.all()[i];
    survey_rules r;
    r.s = &s;
    r.index = i;
    r.layout = &layouts[i];
    const std::size_t q_count = s.questions.size();
    for (const question& q : s.questions) r.question_ids.push_back(q.id);
    for (const stage& st : s.stages) r.stage_ids.push_back(st.id);
    r.locales.assign(s.locales.begin(), s.locales.end());
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
    out.push_back(std::move(r));
  }
  return out;
}

const survey_rules* find_survey(std::span<const survey_rules> rules, std::string_view id) noexcept {
  for (const survey_rules& r : rules) {
    if (same_text(r.s->id, id)) return &r;
  }
  return nullptr;
}

bool valid_response_id(std::string_view id) noexcept {
  // A table instead of branches: this runs once per line.
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

answer_checker::answer_checker(const survey_rules& rules, int stage_index, int channel_value) noexcept
    : rules_(&rules),
      applies_(rules.applies.data() +
               (static_cast<std::size_t>(stage_index) * channels.size() + static_cast<std::size_t>(channel_value)) *
                   rules.question_ids.size()) {}

int answer_checker::question(const char* raw, const char* line_end) noexcept {
  const std::size_t q_count = rules_->question_ids.size();
  std::size_t q = 0;
  while (q < q_count && (rules_->question_ids[q][0] != raw[0] || !key_is(raw, line_end, rules_->question_ids[q]))) ++q;
  if (q == q_count || !applies_[q]) return -1;
  std::uint64_t& word = answered_[q / 64];
  const std::uint64_t bit = std::uint64_t{1} << (q % 64);
  if (word & bit) return -1;  // repeated
  word |= bit;
  answered_any_ = true;
  return static_cast<int>(q);
}

bool answer_checker::wants_integer(int q) const noexcept {
  switch (rules_->s->questions[static_cast<std::size_t>(q)].kind) {
    case question_kind::csat:
    case question_kind::criterion:
    case question_kind::ces:
    case question_kind::nps: return true;
    default: return false;
  }
}

bool answer_checker::integer(int q, std::int64_t number, encoded_row& row) const noexcept {
  const otklik::question& asked = rules_->s->questions[static_cast<std::size_t>(q)];
  if (!wants_integer(q)) return false;
  const auto [low, high] = asked.scale();
  if (number < low || number > high) return false;
  const auto code = static_cast<std::uint8_t>(asked.kind == question_kind::nps ? number + 1 : number);
  const question_slot slot = rules_->layout->slots[static_cast<std::size_t>(q)];
  switch (slot.kind) {
    case slot_kind::csat: row.csat = code; break;
    case slot_kind::ces: row.ces = code; break;
    case slot_kind::nps: row.nps = code; break;
    case slot_kind::criterion: row.criteria[slot.column] = code; break;
    default: break;
  }
  return true;
}

bool answer_checker::string(int q, std::string_view text, decoded_line& out) const {
  const otklik::question& asked = rules_->s->questions[static_cast<std::size_t>(q)];
  switch (asked.kind) {
    case question_kind::goal: {
      const std::uint8_t code = goal_code(text);
      if (code == 0) return false;
      if (rules_->layout->slots[static_cast<std::size_t>(q)].kind == slot_kind::goal) out.row.goal = code;
      return true;
    }
    case question_kind::choice:
      return std::any_of(asked.options.begin(), asked.options.end(),
                         [&](const choice_option& o) { return o.id == text; });
    case question_kind::text:
      if (text.empty() || otklik::detail::count_code_points(text) > asked.max_length) return false;
      out.comments.push_back(text);
      return true;
    default: return false;
  }
}

bool answer_checker::complete() const noexcept {
  if (!answered_any_) return false;
  for (const std::size_t q : rules_->required) {
    if (applies_[q] && !(answered_[q / 64] & (std::uint64_t{1} << (q % 64)))) return false;
  }
  return true;
}

bool finish_line(const survey_rules& rules, int stage_index, int channel_value, std::string_view service,
                 std::string_view locale, std::string_view submitted_at, decoded_line& out) noexcept {
  if (!same_text(service, rules.s->service.id)) return false;
  const int locale_index = index_of(rules.locales, locale);
  if (locale_index < 0) return false;
  if (!otklik::detail::is_rfc3339_utc(submitted_at)) return false;
  const std::optional<std::uint32_t> hour = hour_index(submitted_at);
  if (!hour) return false;
  out.survey_index = rules.index;
  out.row.stage = rules.layout->stage_codes[static_cast<std::size_t>(stage_index)];
  out.row.channel = static_cast<std::uint8_t>(channel_value);
  out.row.locale = rules.layout->locale_codes[static_cast<std::size_t>(locale_index)];
  out.row.hour = *hour;
  return true;
}

}  // namespace otklik::analysis::detail
