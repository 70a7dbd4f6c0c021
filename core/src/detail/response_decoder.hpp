// Decodes and validates an otklik.response/1 document from any JSON tree (tape or simdjson), so that
// the browser, the collector and the reviewer run one set of rules.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detail/decode_context.hpp"
#include "detail/region_codes.hpp"
#include "detail/survey_lookup.hpp"
#include "detail/time_format.hpp"
#include "detail/utf8.hpp"
#include "otklik/response.hpp"

namespace otklik::detail {

inline constexpr std::string_view response_format_tag = "otklik.response/1";

// Whether `id` is 16..64 characters of [A-Za-z0-9_-] (the client-made idempotency key).
[[nodiscard]] bool is_valid_response_id(std::string_view id) noexcept;

// Joins words with ", " for issue details ("yes, partly, no").
[[nodiscard]] std::string join_words(const std::vector<std::string>& words);

// Checks one answer's value against its question; appends the decoded answer when it is valid.
template <class Node>
void decode_answer(const Node& value, const question& q, const std::string& path, decode_context& ctx,
                   std::vector<answer>& out) {
  answer a;
  a.question = q.id;
  a.kind = q.kind;
  switch (q.kind) {
    case question_kind::csat:
    case question_kind::criterion:
    case question_kind::ces:
    case question_kind::nps: {
      const auto [low, high] = q.scale();
      if (value.kind() == json_kind::real) {
        ctx.add(path, error_code::not_an_integer, std::to_string(low) + ".." + std::to_string(high));
        return;
      }
      if (!ctx.expect(value, json_kind::integer, path)) return;
      const auto v = value.get_int();
      if (v < low || v > high) {
        ctx.add(path, error_code::out_of_range, std::to_string(low) + ".." + std::to_string(high));
        return;
      }
      a.number = static_cast<int>(v);
      break;
    }
    case question_kind::goal: {
      if (!ctx.expect(value, json_kind::string, path)) return;
      const auto word = value.get_string();
      if (word != "yes" && word != "partly" && word != "no") {
        ctx.add(path, error_code::invalid_value, "yes, partly, no");
        return;
      }
      a.text = word;
      break;
    }
    case question_kind::choice: {
      if (!ctx.expect(value, json_kind::string, path)) return;
      const auto word = value.get_string();
      const bool known = std::any_of(q.options.begin(), q.options.end(), [&](const auto& o) { return o.id == word; });
      if (!known) {
        std::vector<std::string> ids;
        for (const auto& o : q.options) ids.push_back(o.id);
        ctx.add(path, error_code::invalid_value, join_words(ids));
        return;
      }
      a.text = word;
      break;
    }
    case question_kind::text: {
      if (!ctx.expect(value, json_kind::string, path)) return;
      const auto text = value.get_string();
      if (text.empty()) {
        ctx.add(path, error_code::empty);
        return;
      }
      if (count_code_points(text) > q.max_length) {
        ctx.add(path, error_code::too_long, std::to_string(q.max_length));
        return;
      }
      a.text = text;
      break;
    }
  }
  out.push_back(std::move(a));
}

template <class Node>
void decode_response(const Node& root, const survey_lookup& lookup, response& out, std::vector<issue>& issues) {
  decode_context ctx(issues);
  if (!ctx.expect(root, json_kind::object, "")) return;

  static constexpr std::string_view names[] = {"format", "id",           "survey",  "service", "stage",
                                               "channel", "locale",      "submitted_at", "answers", "region"};
  enum : int { f_format, f_id, f_survey, f_service, f_stage, f_channel, f_locale, f_submitted_at, f_answers, f_region };
  field_set fields(names);
  bool survey_ok = false, stage_ok = false, channel_ok = false;
  std::optional<Node> answers;

  auto read_string = [&](const Node& value, const std::string& path, std::string& into) {
    if (!ctx.expect(value, json_kind::string, path)) return false;
    into = value.get_string();
    return true;
  };

  root.for_each_field([&](std::string_view key, const Node& value) {
    const int i = fields.index(key);
    std::string path = decode_context::child("", key);
    if (i < 0) return ctx.add(std::move(path), error_code::unknown_field);
    if (!fields.mark(i)) return ctx.add(std::move(path), error_code::duplicate_field);
    switch (i) {
      case f_format:
        if (ctx.expect(value, json_kind::string, path) && value.get_string() != response_format_tag) {
          ctx.add(path, error_code::unsupported_format, std::string(response_format_tag));
        }
        break;
      case f_id:
        if (read_string(value, path, out.id) && !is_valid_response_id(out.id)) {
          ctx.add(path, error_code::invalid_id, "16..64 of A-Z a-z 0-9 _ -");
        }
        break;
      case f_survey:
        if (read_string(value, path, out.survey)) {
          survey_ok = is_valid_identifier(out.survey);
          if (!survey_ok) ctx.add(path, error_code::invalid_id);
        }
        break;
      case f_service:
        if (read_string(value, path, out.service) && !is_valid_identifier(out.service)) {
          ctx.add(path, error_code::invalid_id);
        }
        break;
      case f_stage:
        if (read_string(value, path, out.stage)) {
          stage_ok = is_valid_identifier(out.stage);
          if (!stage_ok) ctx.add(path, error_code::invalid_id);
        }
        break;
      case f_channel:
        if (ctx.expect(value, json_kind::string, path)) {
          const auto parsed = parse_channel(value.get_string());
          channel_ok = parsed.has_value();
          if (parsed) {
            out.where = *parsed;
          } else {
            ctx.add(path, error_code::invalid_value, "web, mobile, office, phone, kiosk");
          }
        }
        break;
      case f_locale:
        read_string(value, path, out.locale);
        break;
      case f_submitted_at:
        if (read_string(value, path, out.submitted_at) && !is_rfc3339_utc(out.submitted_at)) {
          ctx.add(path, error_code::invalid_time, "YYYY-MM-DDTHH:MM:SSZ");
        }
        break;
      case f_answers:
        if (ctx.expect(value, json_kind::object, path)) answers = value;
        break;
      case f_region:
        if (read_string(value, path, out.region) && !is_iso3166_2(out.region)) {
          ctx.add(path, error_code::invalid_region, "ISO 3166-2, e.g. RU-MOW");
        }
        break;
    }
  });
  for (int i = 0; i < f_region; ++i) {  // every field but region is required
    if (!fields.seen(i)) ctx.add(decode_context::child("", names[i]), error_code::missing_field);
  }

  if (!survey_ok) return;
  const survey* s = lookup.find(out.survey);
  if (!s) return ctx.add("/survey", error_code::unknown_survey);
  if (fields.seen(f_service) && out.service != s->service.id) {
    ctx.add("/service", error_code::survey_mismatch, s->service.id);
  }
  if (stage_ok && s->stage_index(out.stage) < 0) {
    stage_ok = false;
    std::vector<std::string> ids;
    for (const auto& st : s->stages) ids.push_back(st.id);
    ctx.add("/stage", error_code::unknown_stage, join_words(ids));
  }
  if (fields.seen(f_locale) && std::find(s->locales.begin(), s->locales.end(), out.locale) == s->locales.end()) {
    ctx.add("/locale", error_code::unsupported_locale, join_words(s->locales));
  }
  if (!answers) return;

  // Answers: each names a question of the survey that applies here; the kept ones are put in survey order.
  std::vector<std::string_view> seen;
  std::size_t count = 0;
  answers->for_each_field([&](std::string_view key, const Node& value) {
    ++count;
    std::string path = decode_context::child("/answers", key);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      return ctx.add(std::move(path), error_code::duplicate_field);
    }
    seen.push_back(key);
    const question* q = s->find_question(key);
    if (!q) return ctx.add(std::move(path), error_code::unknown_question);
    if (stage_ok && channel_ok && !q->applies_to(out.stage, out.where)) {
      return ctx.add(std::move(path), error_code::not_applicable);
    }
    decode_answer(value, *q, path, ctx, out.answers);
  });
  if (count == 0) ctx.add("/answers", error_code::empty);
  if (stage_ok && channel_ok) {
    for (const auto& q : s->questions) {
      if (q.required && q.applies_to(out.stage, out.where) &&
          std::find(seen.begin(), seen.end(), q.id) == seen.end()) {
        ctx.add(decode_context::child("/answers", q.id), error_code::required);
      }
    }
  }
  // Survey order, so that the canonical JSON of equal responses is equal.
  std::vector<answer> ordered;
  ordered.reserve(out.answers.size());
  for (const auto& q : s->questions) {
    for (auto& a : out.answers) {
      if (a.question == q.id) ordered.push_back(std::move(a));
    }
  }
  out.answers = std::move(ordered);
}

}  // namespace otklik::detail
