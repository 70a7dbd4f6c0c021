// Decodes and validates an otklik.response/1 document from any JSON tree (tape or simdjson), so that
// the browser, the collector and the reviewer run one set of rules.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detail/decimal.hpp"
#include "detail/decode_context.hpp"
#include "detail/region_codes.hpp"
#include "detail/survey_lookup.hpp"
#include "detail/time_format.hpp"
#include "detail/utf8.hpp"
#include "otklik/response.hpp"

namespace otklik::detail {

inline constexpr std::string_view response_format_tag = "otklik.response/1";
// Surveys have at most this many questions (checked when a survey is read), so answers fit a bitset.
inline constexpr std::size_t max_survey_questions = 200;

// Whether `id` is 16..64 characters of [A-Za-z0-9_-] (the client-made idempotency key).
[[nodiscard]] bool is_valid_response_id(std::string_view id) noexcept;

// Joins with ", " the words that `word` picks from `items` for issue details ("yes, partly, no": the ids of
// options or stages, the locales), with no vector of copies (whose code the widget's core would link only
// for this).
template <class Items, class Word>
[[nodiscard]] std::string join_words(const Items& items, Word word) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += word(item);
  }
  return out;
}
// The id of an option or a stage, for join_words.
inline constexpr auto id_of = [](const auto& item) -> const std::string& { return item.id; };

// Checks one answer's value against its question; appends the decoded answer when it is valid.
// The issue path ("/answers/<id>") is built only when there is an issue: this is the hot path.
template <class Node>
void decode_answer(const Node& value, const question& q, decode_context& ctx, std::vector<answer>& out) {
  struct lazy_path {
    const question& q;
    operator std::string() const { return decode_context::child("/answers", q.id); }  // NOLINT: by design
  } path{q};
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
        ctx.add(std::string(path), error_code::not_an_integer, decimal(low) + ".." + decimal(high));
        return;
      }
      if (value.kind() != json_kind::integer) return ctx.wrong_type(std::string(path), json_kind::integer);
      const auto v = value.get_int();
      if (v < low || v > high) {
        ctx.add(std::string(path), error_code::out_of_range, decimal(low) + ".." + decimal(high));
        return;
      }
      a.number = static_cast<int>(v);
      break;
    }
    case question_kind::goal: {
      if (value.kind() != json_kind::string) return ctx.wrong_type(std::string(path), json_kind::string);
      const auto word = value.get_string();
      if (word != "yes" && word != "partly" && word != "no") {
        ctx.add(std::string(path), error_code::invalid_value, "yes, partly, no");
        return;
      }
      a.text = word;
      break;
    }
    case question_kind::choice: {
      if (value.kind() != json_kind::string) return ctx.wrong_type(std::string(path), json_kind::string);
      const auto word = value.get_string();
      const bool known = std::any_of(q.options.begin(), q.options.end(), [&](const auto& o) { return o.id == word; });
      if (!known) {
        ctx.add(std::string(path), error_code::invalid_value, join_words(q.options, id_of));
        return;
      }
      a.text = word;
      break;
    }
    case question_kind::text: {
      if (value.kind() != json_kind::string) return ctx.wrong_type(std::string(path), json_kind::string);
      const auto text = value.get_string();
      if (text.empty()) {
        ctx.add(std::string(path), error_code::empty);
        return;
      }
      if (count_code_points(text) > q.max_length) {
        ctx.add(std::string(path), error_code::too_long, decimal(q.max_length));
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
  static constexpr std::string_view field_paths[] = {"/format",  "/id",     "/survey",       "/service", "/stage",
                                                     "/channel", "/locale", "/submitted_at", "/answers", "/region"};
  field_set fields(names);
  bool survey_ok = false, stage_ok = false, channel_ok = false;
  std::optional<Node> answers;

  root.for_each_field([&](std::string_view key, const Node& value) {
    const int i = fields.index(key);
    // Known fields' paths are the field names themselves; unknown ones are escaped when reported.
    if (i < 0) return ctx.add(decode_context::child("", key), error_code::unknown_field);
    const std::string_view path = field_paths[i];
    if (!fields.mark(i)) return ctx.add(std::string(path), error_code::duplicate_field);
    auto read_string = [&](std::string& into) {
      if (!ctx.expect(value, json_kind::string, path)) return false;
      into = value.get_string();
      return true;
    };
    switch (i) {
      case f_format:
        if (ctx.expect(value, json_kind::string, path) && value.get_string() != response_format_tag) {
          ctx.add(std::string(path), error_code::unsupported_format, std::string(response_format_tag));
        }
        break;
      case f_id:
        if (read_string(out.id) && !is_valid_response_id(out.id)) {
          ctx.add(std::string(path), error_code::invalid_id, "16..64 of A-Z a-z 0-9 _ -");
        }
        break;
      case f_survey:
        if (read_string(out.survey)) {
          survey_ok = is_valid_identifier(out.survey);
          if (!survey_ok) ctx.add(std::string(path), error_code::invalid_id);
        }
        break;
      case f_service:
        if (read_string(out.service) && !is_valid_identifier(out.service)) {
          ctx.add(std::string(path), error_code::invalid_id);
        }
        break;
      case f_stage:
        if (read_string(out.stage)) {
          stage_ok = is_valid_identifier(out.stage);
          if (!stage_ok) ctx.add(std::string(path), error_code::invalid_id);
        }
        break;
      case f_channel:
        if (ctx.expect(value, json_kind::string, path)) {
          const auto parsed = parse_channel(value.get_string());
          channel_ok = parsed.has_value();
          if (parsed) {
            out.where = *parsed;
          } else {
            ctx.add(std::string(path), error_code::invalid_value, "web, mobile, office, phone, kiosk");
          }
        }
        break;
      case f_locale:
        read_string(out.locale);
        break;
      case f_submitted_at:
        if (read_string(out.submitted_at) && !is_rfc3339_utc(out.submitted_at)) {
          ctx.add(std::string(path), error_code::invalid_time, "YYYY-MM-DDTHH:MM:SSZ");
        }
        break;
      case f_answers:
        if (ctx.expect(value, json_kind::object, path)) answers = value;
        break;
      case f_region:
        if (read_string(out.region) && !is_iso3166_2(out.region)) {
          ctx.add(std::string(path), error_code::invalid_region, "ISO 3166-2, e.g. RU-MOW");
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
    ctx.add("/stage", error_code::unknown_stage, join_words(s->stages, id_of));
  }
  if (fields.seen(f_locale) && std::find(s->locales.begin(), s->locales.end(), out.locale) == s->locales.end()) {
    ctx.add("/locale", error_code::unsupported_locale, join_words(s->locales, [](const std::string& locale) -> const std::string& { return locale; }));
  }
  if (!answers) return;

  // Answers: each names a question of the survey that applies here; kept in survey order.
  std::uint64_t answered[(max_survey_questions + 63) / 64] = {};
  std::uint8_t order[max_survey_questions];
  std::size_t count = 0;
  out.answers.reserve(s->questions.size());
  answers->for_each_field([&](std::string_view key, const Node& value) {
    ++count;
    const question* q = s->find_question(key);
    if (!q) return ctx.add(decode_context::child("/answers", key), error_code::unknown_question);
    const auto index = static_cast<std::size_t>(q - s->questions.data());
    if (answered[index / 64] & (std::uint64_t{1} << (index % 64))) {
      return ctx.add(decode_context::child("/answers", key), error_code::duplicate_field);
    }
    answered[index / 64] |= std::uint64_t{1} << (index % 64);
    if (stage_ok && channel_ok && !q->applies_to(out.stage, out.where)) {
      return ctx.add(decode_context::child("/answers", key), error_code::not_applicable);
    }
    const std::size_t before = out.answers.size();
    decode_answer(value, *q, ctx, out.answers);
    if (out.answers.size() > before) order[before] = static_cast<std::uint8_t>(index);
  });
  if (count == 0) ctx.add("/answers", error_code::empty);
  if (stage_ok && channel_ok) {
    for (std::size_t index = 0; index < s->questions.size(); ++index) {
      const question& q = s->questions[index];
      if (q.required && !(answered[index / 64] & (std::uint64_t{1} << (index % 64))) &&
          q.applies_to(out.stage, out.where)) {
        ctx.add(decode_context::child("/answers", q.id), error_code::required);
      }
    }
  }
  // Insertion sort into survey order: few answers, mostly in order already.
  for (std::size_t i = 1; i < out.answers.size(); ++i) {
    for (std::size_t j = i; j > 0 && order[j - 1] > order[j]; --j) {
      std::swap(order[j - 1], order[j]);
      std::swap(out.answers[j - 1], out.answers[j]);
    }
  }
}

}  // namespace otklik::detail
