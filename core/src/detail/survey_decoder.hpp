// Decodes and checks an otklik.survey/1 document from any JSON tree (tape or simdjson).
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detail/decimal.hpp"
#include "detail/decode_context.hpp"
#include "detail/response_decoder.hpp"
#include "otklik/survey.hpp"
#include "otklik/templates.hpp"

namespace otklik::detail {

inline constexpr std::string_view survey_format_tag = "otklik.survey/1";
inline constexpr std::size_t max_stages = 64;
inline constexpr std::size_t max_questions = max_survey_questions;
inline constexpr std::size_t max_locales = 32;
inline constexpr std::int64_t max_text_length = 100000;
inline constexpr std::int64_t max_k_anonymity = 1000000;

// The widget's core (OTKLIK_TRUSTED_SURVEY, wasm/CMakeLists.txt) decodes only what a response check needs
// and skips the survey's own rules: its survey comes from a collector that loads only surveys it checked
// with the full rules and re-validates every response (docs/embedding.md, "Size"). Wrong types, missing
// fields it needs and too many questions (the response decoder's bitset) stay errors in every build.
#if defined(OTKLIK_TRUSTED_SURVEY)
inline constexpr bool check_survey_rules = false;
#else
inline constexpr bool check_survey_rules = true;
#endif

// Whether `tag` is a simple language tag: "ru", "en", "kk", "sr-latn" (2-3 letters, optional subtag).
[[nodiscard]] bool is_locale_tag(std::string_view tag) noexcept;

// Drops the texts of locales the survey does not offer.
void keep_locales(localized_text& text, const std::vector<std::string>& locales);

// Checks that a localized text covers every locale of the survey and names no other (second pass).
void check_labels(const localized_text& text, const std::vector<std::string>& locales, const std::string& path,
                  decode_context& ctx);

template <class Node>
void decode_localized(const Node& value, const std::string& path, decode_context& ctx, localized_text& out) {
  if constexpr (!check_survey_rules) return;  // texts are the widget's to show, not the core's to check
  if (!ctx.expect(value, json_kind::object, path)) return;
  value.for_each_field([&](std::string_view locale, const Node& text) {
    std::string at = decode_context::child(path, locale);
    if (std::any_of(out.by_locale.begin(), out.by_locale.end(), [&](const auto& p) { return p.first == locale; })) {
      return ctx.add(std::move(at), error_code::duplicate_field);
    }
    if (!ctx.expect(text, json_kind::string, at)) return;
    if (text.get_string().empty()) return ctx.add(std::move(at), error_code::empty);
    out.by_locale.emplace_back(std::string(locale), std::string(text.get_string()));
  });
}

template <class Node>
bool decode_identifier(const Node& value, const std::string& path, decode_context& ctx, std::string& out) {
  if (!ctx.expect(value, json_kind::string, path)) return false;
  out = value.get_string();
  if (!check_survey_rules || is_valid_identifier(out)) return true;
  ctx.add(path, error_code::invalid_id);
  return false;
}

template <class Node>
void decode_id_array(const Node& value, const std::string& path, decode_context& ctx, std::vector<std::string>& out) {
  if (!ctx.expect(value, json_kind::array, path)) return;
  value.for_each_element([&](std::size_t i, const Node& item) {
    const std::string at = decode_context::child(path, i);
    std::string id;
    if (!decode_identifier(item, at, ctx, id)) return;
    if (check_survey_rules && std::find(out.begin(), out.end(), id) != out.end()) {
      return ctx.add(at, error_code::duplicate_id);
    }
    out.push_back(std::move(id));
  });
}

template <class Node>
bool decode_bounded_int(const Node& value, const std::string& path, std::int64_t low, std::int64_t high,
                        decode_context& ctx, std::int64_t& out) {
  if constexpr (!check_survey_rules) {  // the range was checked where the survey was loaded
    if (!ctx.expect(value, json_kind::integer, path)) return false;
    out = value.get_int();
    return true;
  }
  const std::string range = decimal(low) + ".." + decimal(high);
  if (value.kind() == json_kind::real) {
    ctx.add(path, error_code::not_an_integer, range);
    return false;
  }
  if (!ctx.expect(value, json_kind::integer, path)) return false;
  out = value.get_int();
  if (out >= low && out <= high) return true;
  ctx.add(path, error_code::out_of_range, range);
  return false;
}

// Decodes an object of exactly an "id" and one localized text (`text_name`: "title" or "label"):
// the shape of services, stages and choice options. False when `node` is not an object.
template <class Node>
bool decode_id_and_text(const Node& node, const std::string& path, std::string_view text_name, decode_context& ctx,
                        std::string& id, localized_text& text) {
  if (!ctx.expect(node, json_kind::object, path)) return false;
  const std::string_view names[] = {"id", text_name};
  field_set fields(names);
  node.for_each_field([&](std::string_view key, const Node& value) {
    const int k = fields.index(key);
    if (!check_survey_rules && k != 0) return;
    std::string at = decode_context::child(path, key);
    if (k < 0) return ctx.add(std::move(at), error_code::unknown_field);
    if (!fields.mark(k) && check_survey_rules) return ctx.add(std::move(at), error_code::duplicate_field);
    if (k == 0) {
      decode_identifier(value, at, ctx, id);
    } else {
      decode_localized(value, at, ctx, text);
    }
  });
  for (int k = 0; k < (check_survey_rules ? 2 : 1); ++k) {
    if (!fields.seen(k)) ctx.add(decode_context::child(path, names[k]), error_code::missing_field);
  }
  return true;
}

// Decodes one question; true when its kind is known (the cross-field rules need it).
template <class Node>
bool decode_question(const Node& node, const std::string& path, decode_context& ctx, question& q) {
  if (!ctx.expect(node, json_kind::object, path)) return false;
  static constexpr std::string_view names[] = {"id",       "kind",  "required", "criterion", "stages",
                                               "channels", "label", "options",  "max_length"};
  enum : int { f_id, f_kind, f_required, f_criterion, f_stages, f_channels, f_label, f_options, f_max_length };
  field_set fields(names);
  std::optional<question_kind> kind;
  node.for_each_field([&](std::string_view key, const Node& value) {
    const int i = fields.index(key);
    if (!check_survey_rules && (i < 0 || i == f_label)) return;
    std::string at = decode_context::child(path, key);
    if (i < 0) return ctx.add(std::move(at), error_code::unknown_field);
    if (!fields.mark(i) && check_survey_rules) return ctx.add(std::move(at), error_code::duplicate_field);
    switch (i) {
      case f_id: decode_identifier(value, at, ctx, q.id); break;
      case f_kind:
        if (ctx.expect(value, json_kind::string, at)) {
          kind = parse_question_kind(value.get_string());
          if (kind) {
            q.kind = *kind;
          } else {
            ctx.add(at, error_code::invalid_value, "csat, criterion, ces, nps, goal, choice, text");
          }
        }
        break;
      case f_required:
        if (ctx.expect(value, json_kind::boolean, at)) q.required = value.get_bool();
        break;
      case f_criterion: decode_identifier(value, at, ctx, q.criterion); break;
      case f_stages: decode_id_array(value, at, ctx, q.stages); break;
      case f_channels:
        if (ctx.expect(value, json_kind::array, at)) {
          value.for_each_element([&](std::size_t j, const Node& item) {
            const std::string item_at = decode_context::child(at, j);
            if (!ctx.expect(item, json_kind::string, item_at)) return;
            const auto where = parse_channel(item.get_string());
            if (!where) return ctx.add(item_at, error_code::invalid_value, "web, mobile, office, phone, kiosk");
            if (check_survey_rules && std::find(q.channels.begin(), q.channels.end(), *where) != q.channels.end()) {
              return ctx.add(item_at, error_code::duplicate_id);
            }
            q.channels.push_back(*where);
          });
        }
        break;
      case f_label: decode_localized(value, at, ctx, q.label); break;
      case f_options:
        if (ctx.expect(value, json_kind::array, at)) {
          value.for_each_element([&](std::size_t j, const Node& item) {
            const std::string item_at = decode_context::child(at, j);
            choice_option option;
            if (!decode_id_and_text(item, item_at, "label", ctx, option.id, option.label)) return;
            if (check_survey_rules &&
                std::any_of(q.options.begin(), q.options.end(), [&](const auto& o) { return o.id == option.id; })) {
              ctx.add(decode_context::child(item_at, "id"), error_code::duplicate_id);
            }
            q.options.push_back(std::move(option));
          });
        }
        break;
      case f_max_length: {
        std::int64_t v = 0;
        if (decode_bounded_int(value, at, 1, max_text_length, ctx, v)) q.max_length = static_cast<std::uint32_t>(v);
        break;
      }
    }
  });
  for (const int i : {f_id, f_kind, f_label}) {
    if (!fields.seen(i) && (check_survey_rules || i != f_label)) {
      ctx.add(decode_context::child(path, names[i]), error_code::missing_field);
    }
  }
  if (!kind) return false;
  if constexpr (!check_survey_rules) return true;
  // Fields that only one kind takes.
  auto only_for = [&](int field, question_kind owner) {
    if (fields.seen(field) && *kind != owner) ctx.add(decode_context::child(path, names[field]), error_code::unknown_field);
    if (!fields.seen(field) && *kind == owner && field != f_max_length) {
      ctx.add(decode_context::child(path, names[field]), error_code::missing_field);
    }
  };
  only_for(f_criterion, question_kind::criterion);
  only_for(f_options, question_kind::choice);
  only_for(f_max_length, question_kind::text);
  if (*kind == question_kind::choice && fields.seen(f_options) && q.options.empty()) {
    ctx.add(decode_context::child(path, "options"), error_code::empty);
  }
  return true;
}

template <class Node>
void decode_survey(const Node& root, survey& out, std::vector<issue>& issues) {
  decode_context ctx(issues);
  if (!ctx.expect(root, json_kind::object, "")) return;
  static constexpr std::string_view names[] = {"format",      "id",     "service",  "template",
                                               "locales",     "k_anonymity", "stages", "questions"};
  enum : int { f_format, f_id, f_service, f_template, f_locales, f_k, f_stages, f_questions };
  field_set fields(names);
  std::vector<std::string> question_paths;
  std::vector<char> kind_known;  // char, not bool: vector<bool> costs code size in WebAssembly

  root.for_each_field([&](std::string_view key, const Node& value) {
    const int i = fields.index(key);
    if (!check_survey_rules && (i < 0 || i == f_template || i == f_k)) return;
    std::string at = decode_context::child("", key);
    if (i < 0) return ctx.add(std::move(at), error_code::unknown_field);
    if (!fields.mark(i) && check_survey_rules) return ctx.add(std::move(at), error_code::duplicate_field);
    switch (i) {
      case f_format:
        if (check_survey_rules && ctx.expect(value, json_kind::string, at) && value.get_string() != survey_format_tag) {
          ctx.add(at, error_code::unsupported_format, std::string(survey_format_tag));
        }
        break;
      case f_id: decode_identifier(value, at, ctx, out.id); break;
      case f_service:
        (void)decode_id_and_text(value, at, "title", ctx, out.service.id, out.service.title);
        break;
      case f_template:
        if (ctx.expect(value, json_kind::string, at)) {
          out.template_id = value.get_string();
          if (!find_template(out.template_id)) ctx.add(at, error_code::unknown_template, "ru-1284, a11, basic");
        }
        break;
      case f_locales:
        if (ctx.expect(value, json_kind::array, at)) {
          value.for_each_element([&](std::size_t j, const Node& item) {
            const std::string item_at = decode_context::child(at, j);
            if (!ctx.expect(item, json_kind::string, item_at)) return;
            const std::string tag(item.get_string());
            if constexpr (!check_survey_rules) return out.locales.push_back(std::move(tag));
            if (!is_locale_tag(tag)) return ctx.add(item_at, error_code::invalid_value, "a language tag such as ru or en");
            if (std::find(out.locales.begin(), out.locales.end(), tag) != out.locales.end()) {
              return ctx.add(item_at, error_code::duplicate_id);
            }
            out.locales.push_back(tag);
          });
          if (!check_survey_rules) break;
          if (out.locales.empty()) ctx.add(at, error_code::empty);
          if (out.locales.size() > max_locales) ctx.add(at, error_code::too_many, decimal(max_locales));
        }
        break;
      case f_k: {
        std::int64_t k = 0;
        if (decode_bounded_int(value, at, 2, max_k_anonymity, ctx, k)) out.k_anonymity = static_cast<std::uint32_t>(k);
        break;
      }
      case f_stages:
        if (ctx.expect(value, json_kind::array, at)) {
          value.for_each_element([&](std::size_t j, const Node& item) {
            const std::string item_at = decode_context::child(at, j);
            stage st;
            if (!decode_id_and_text(item, item_at, "title", ctx, st.id, st.title)) return;
            if (check_survey_rules && !st.id.empty() && out.stage_index(st.id) >= 0) {
              ctx.add(decode_context::child(item_at, "id"), error_code::duplicate_id);
            }
            out.stages.push_back(std::move(st));
          });
          if (!check_survey_rules) break;
          if (out.stages.empty()) ctx.add(at, error_code::empty);
          if (out.stages.size() > max_stages) ctx.add(at, error_code::too_many, decimal(max_stages));
        }
        break;
      case f_questions:
        if (ctx.expect(value, json_kind::array, at)) {
          value.for_each_element([&](std::size_t j, const Node& item) {
            question q;
            std::string item_at = decode_context::child(at, j);
            const bool known = decode_question(item, item_at, ctx, q);
            out.questions.push_back(std::move(q));
            if constexpr (!check_survey_rules) return;  // the rules across fields below are skipped
            kind_known.push_back(known);
            question_paths.push_back(std::move(item_at));
          });
          if (check_survey_rules && out.questions.empty()) ctx.add(at, error_code::empty);
          if (out.questions.size() > max_questions) ctx.add(at, error_code::too_many, decimal(max_questions));
        }
        break;
    }
  });
  for (const int i : {f_format, f_id, f_service, f_locales, f_stages}) {
    if (!fields.seen(i)) ctx.add(decode_context::child("", names[i]), error_code::missing_field);
  }
  if constexpr (!check_survey_rules) {  // the collector serves every survey with its questions
    if (!fields.seen(f_questions)) ctx.add("/questions", error_code::missing_field);
    return;
  }
  if (!fields.seen(f_questions)) {
    const survey_template* t = out.template_id.empty() ? nullptr : find_template(out.template_id);
    if (t) {
      out.questions = t->questions();
      for (auto& q : out.questions) keep_locales(q.label, out.locales);  // templates carry ru and en
      question_paths.assign(out.questions.size(), "/template");
      kind_known.assign(out.questions.size(), true);
    } else if (out.template_id.empty()) {
      ctx.add("/questions", error_code::missing_field);
    }
  }

  // Rules across fields: labels cover the locales, stages exist, ids unique, one csat.
  check_labels(out.service.title, out.locales, "/service/title", ctx);
  for (std::size_t j = 0; j < out.stages.size(); ++j) {
    check_labels(out.stages[j].title, out.locales, decode_context::child("/stages", j) + "/title", ctx);
  }
  bool seen_csat = false;
  for (std::size_t j = 0; j < out.questions.size(); ++j) {
    const question& q = out.questions[j];
    const std::string& at = question_paths[j];
    const bool from_template = at == "/template";
    if (!from_template || j == 0) check_labels(q.label, out.locales, from_template ? at : at + "/label", ctx);
    for (std::size_t o = 0; o < q.options.size(); ++o) {
      check_labels(q.options[o].label, out.locales, decode_context::child(at + "/options", o) + "/label", ctx);
    }
    for (std::size_t k = 0; k < q.stages.size(); ++k) {
      if (out.stage_index(q.stages[k]) < 0) {
        ctx.add(decode_context::child(at + "/stages", k), error_code::unknown_stage);
      }
    }
    for (std::size_t earlier = 0; earlier < j; ++earlier) {
      if (!q.id.empty() && out.questions[earlier].id == q.id) {
        ctx.add(at + "/id", error_code::duplicate_id);
        break;
      }
    }
    if (q.kind == question_kind::csat && kind_known[j]) {
      if (seen_csat) ctx.add(at + "/kind", error_code::invalid_survey, "one csat question per survey");
      seen_csat = true;
    }
  }
}

}  // namespace otklik::detail
