// The rules shared by both ingest fast paths (see line_rules.hpp).
#include "line_rules.hpp"

#include <algorithm>
#include <array>
#include <cstring>

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
    for (const question& q : s.questions) {
      r.question_ids.push_back(q.id);
      question_rule rule;
      rule.integer = q.kind == question_kind::csat || q.kind == question_kind::criterion || q.kind == question_kind::ces ||
                     q.kind == question_kind::nps;
      rule.nps = q.kind == question_kind::nps;
      if (rule.integer) {
        const auto [low, high] = q.scale();
        rule.low = static_cast<std::int16_t>(low);
        rule.high = static_cast<std::int16_t>(high);
      }
      rule.slot = layouts[i].slots[r.question_ids.size() - 1];
      if (q.id.size() + 1 <= 16) {
        char key[16] = {}, mask[16] = {};
        std::memcpy(key, q.id.data(), q.id.size());
        key[q.id.size()] = '"';
        std::memset(mask, 0xFF, q.id.size() + 1);
        std::memcpy(rule.key_words, key, 16);
        std::memcpy(rule.key_masks, mask, 16);
        rule.short_key = true;
      }
      r.questions.push_back(rule);
    }
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

std::optional<std::uint32_t> checked_hour(std::string_view submitted_at) noexcept {
  if (!otklik::detail::is_rfc3339_utc(submitted_at)) return std::nullopt;
  return hour_index(submitted_at);
}

}  // namespace otklik::analysis::detail
