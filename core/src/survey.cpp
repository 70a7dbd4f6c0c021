// The survey model's small methods and its canonical JSON form.
#include "otklik/survey.hpp"

#include <algorithm>

#include "otklik/json_writer.hpp"

namespace otklik {

const std::string* localized_text::find(std::string_view locale) const noexcept {
  for (const auto& [tag, text] : by_locale) {
    if (tag == locale) return &text;
  }
  return nullptr;
}

namespace {
constexpr std::string_view kind_words[] = {"csat", "criterion", "ces", "nps", "goal", "choice", "text"};
constexpr std::string_view channel_words[] = {"web", "mobile", "office", "phone", "kiosk"};
}  // namespace

std::string_view to_string(question_kind kind) noexcept { return kind_words[static_cast<int>(kind)]; }

std::optional<question_kind> parse_question_kind(std::string_view word) noexcept {
  for (std::size_t i = 0; i < std::size(kind_words); ++i) {
    if (kind_words[i] == word) return static_cast<question_kind>(i);
  }
  return std::nullopt;
}

std::string_view to_string(channel where) noexcept { return channel_words[static_cast<int>(where)]; }

std::optional<channel> parse_channel(std::string_view word) noexcept {
  for (std::size_t i = 0; i < std::size(channel_words); ++i) {
    if (channel_words[i] == word) return static_cast<channel>(i);
  }
  return std::nullopt;
}

bool question::applies_to(std::string_view stage_id, channel where) const noexcept {
  const bool stage_ok = stages.empty() || std::find(stages.begin(), stages.end(), stage_id) != stages.end();
  const bool channel_ok = channels.empty() || std::find(channels.begin(), channels.end(), where) != channels.end();
  return stage_ok && channel_ok;
}

std::pair<int, int> question::scale() const noexcept {
  switch (kind) {
    case question_kind::csat:
    case question_kind::criterion: return {1, 5};
    case question_kind::ces: return {1, 7};
    case question_kind::nps: return {0, 10};
    default: return {0, 0};
  }
}

const question* survey::find_question(std::string_view question_id) const noexcept {
  for (const auto& q : questions) {
    if (q.id == question_id) return &q;
  }
  return nullptr;
}

int survey::stage_index(std::string_view stage_id) const noexcept {
  for (std::size_t i = 0; i < stages.size(); ++i) {
    if (stages[i].id == stage_id) return static_cast<int>(i);
  }
  return -1;
}

bool is_valid_identifier(std::string_view id) noexcept {
  if (id.empty() || id.size() > 64) return false;
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lower_or_digit(id[0])) return false;
  return std::all_of(id.begin() + 1, id.end(), [&](char c) { return lower_or_digit(c) || c == '_' || c == '-'; });
}

namespace {

void write_localized(json_writer& w, const localized_text& text) {
  w.begin_object();
  for (const auto& [tag, value] : text.by_locale) w.key(tag).string(value);
  w.end_object();
}

}  // namespace

std::string to_json(const survey& s) {
  std::string out;
  json_writer w(out);
  w.begin_object().key("format").string("otklik.survey/1").key("id").string(s.id);
  w.key("service").begin_object().key("id").string(s.service.id).key("title");
  write_localized(w, s.service.title);
  w.end_object();
  if (!s.template_id.empty()) w.key("template").string(s.template_id);
  w.key("locales").begin_array();
  for (const auto& l : s.locales) w.string(l);
  w.end_array();
  w.key("k_anonymity").integer(s.k_anonymity);
  w.key("stages").begin_array();
  for (const auto& st : s.stages) {
    w.begin_object().key("id").string(st.id).key("title");
    write_localized(w, st.title);
    w.end_object();
  }
  w.end_array();
  w.key("questions").begin_array();
  for (const auto& q : s.questions) {
    w.begin_object().key("id").string(q.id).key("kind").string(to_string(q.kind));
    if (q.required) w.key("required").boolean(true);
    if (q.kind == question_kind::criterion) w.key("criterion").string(q.criterion);
    if (!q.stages.empty()) {
      w.key("stages").begin_array();
      for (const auto& st : q.stages) w.string(st);
      w.end_array();
    }
    if (!q.channels.empty()) {
      w.key("channels").begin_array();
      for (const auto c : q.channels) w.string(to_string(c));
      w.end_array();
    }
    w.key("label");
    write_localized(w, q.label);
    if (q.kind == question_kind::choice) {
      w.key("options").begin_array();
      for (const auto& o : q.options) {
        w.begin_object().key("id").string(o.id).key("label");
        write_localized(w, o.label);
        w.end_object();
      }
      w.end_array();
    }
    if (q.kind == question_kind::text) w.key("max_length").integer(q.max_length);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return out;
}

}  // namespace otklik
