// The columnar store: dictionaries, the builder that encodes responses into columns, merging and row removal.
#include "otklik/store.hpp"

#include <algorithm>
#include <numeric>

#include "otklik/period.hpp"
#include "otklik/redact.hpp"

namespace otklik {

namespace {

template <class T>
std::size_t bytes_of(const std::vector<T>& column) noexcept {
  return column.size() * sizeof(T);
}

// Keeps the entries of `column` whose row is not removed; `keep` is a per-row flag.
template <class T>
void keep_rows(std::vector<T>& column, const std::vector<bool>& keep) {
  if (column.empty()) return;
  std::size_t out = 0;
  for (std::size_t i = 0; i < column.size(); ++i) {
    if (keep[i]) column[out++] = column[i];
  }
  column.resize(out);
}

// code in `from` -> code in `into`, interning words that `into` lacks.
std::vector<std::uint32_t> recode(dictionary& into, const dictionary& from) {
  std::vector<std::uint32_t> map(from.size());
  for (std::uint32_t code = 0; code < from.size(); ++code) map[code] = into.intern(from.word(code));
  return map;
}

bool is_identity(const std::vector<std::uint32_t>& map) noexcept {
  for (std::uint32_t code = 0; code < map.size(); ++code) {
    if (map[code] != code) return false;
  }
  return true;
}

template <class T>
void apply_recode(std::vector<T>& column, const std::vector<std::uint32_t>& map) {
  if (is_identity(map)) return;
  for (T& code : column) code = static_cast<T>(map[code]);
}

std::uint8_t goal_code(std::string_view word) noexcept {
  if (word == "yes") return answer_code::goal_yes;
  if (word == "partly") return answer_code::goal_partly;
  if (word == "no") return answer_code::goal_no;
  return answer_code::unanswered;
}

}  // namespace

dictionary::dictionary(std::vector<std::string> words) : words_(std::move(words)) {
  codes_.reserve(words_.size());
  for (std::uint32_t code = 0; code < words_.size(); ++code) codes_.emplace(words_[code], code);
}

std::uint32_t dictionary::intern(std::string_view word) {
  if (const auto found = codes_.find(word); found != codes_.end()) return found->second;
  const auto code = static_cast<std::uint32_t>(words_.size());
  words_.emplace_back(word);
  codes_.emplace(words_.back(), code);
  return code;
}

std::optional<std::uint32_t> dictionary::find(std::string_view word) const noexcept {
  if (const auto found = codes_.find(word); found != codes_.end()) return found->second;
  return std::nullopt;
}

std::string_view store_segment::comment(std::size_t j) const noexcept {
  const std::uint32_t begin = j == 0 ? 0 : comment_end[j - 1];
  return std::string_view(comment_text).substr(begin, comment_end[j] - begin);
}

std::size_t columnar_store::size() const noexcept {
  std::size_t rows = 0;
  for (const store_segment& s : segments) rows += s.size();
  return rows;
}

std::size_t columnar_store::row_bytes() const noexcept {
  std::size_t bytes = 0;
  for (const store_segment& s : segments) {
    bytes += bytes_of(s.stage) + bytes_of(s.channel) + bytes_of(s.locale) + bytes_of(s.region) + bytes_of(s.hour) +
             bytes_of(s.csat) + bytes_of(s.ces) + bytes_of(s.nps) + bytes_of(s.goal);
    for (const auto& column : s.criterion_answers) bytes += bytes_of(column);
  }
  return bytes;
}

std::size_t columnar_store::comment_bytes() const noexcept {
  std::size_t bytes = 0;
  for (const store_segment& s : segments) bytes += bytes_of(s.comment_row) + bytes_of(s.comment_end) + s.comment_text.size();
  return bytes;
}

std::uint32_t columnar_store::strictest_k() const noexcept {
  std::uint32_t k = 1;
  for (const std::uint32_t survey : survey_k) k = std::max(k, survey);
  return survey_k.empty() ? default_k_anonymity : k;
}

store_builder::store_builder(const survey_set& surveys) : surveys_(&surveys) {
  store_.regions.intern("");
  for (const survey& s : surveys.all()) {
    survey_layout layout;
    layout.survey = static_cast<std::uint16_t>(store_.surveys.intern(s.id));
    layout.service = static_cast<std::uint16_t>(store_.services.intern(s.service.id));
    if (store_.survey_k.size() <= layout.survey) store_.survey_k.resize(layout.survey + 1u, default_k_anonymity);
    store_.survey_k[layout.survey] = s.k_anonymity;
    if (store_.journey.size() <= layout.service) store_.journey.resize(layout.service + 1u);
    auto& journey = store_.journey[layout.service];
    for (const stage& st : s.stages) {
      const auto code = static_cast<std::uint16_t>(store_.stages.intern(st.id));
      layout.stage_codes.push_back(code);
      if (std::find(journey.begin(), journey.end(), code) == journey.end()) journey.push_back(code);
    }
    for (const std::string& locale : s.locales) {
      layout.locale_codes.push_back(static_cast<std::uint8_t>(store_.locales.intern(locale)));
    }
    for (const question& q : s.questions) {
      question_slot slot;
      const auto claim = [&](bool& taken, slot_kind kind) {
        if (!taken) slot.kind = kind;
        taken = true;
      };
      switch (q.kind) {
        case question_kind::csat: claim(layout.has_csat, slot_kind::csat); break;
        case question_kind::ces: claim(layout.has_ces, slot_kind::ces); break;
        case question_kind::nps: claim(layout.has_nps, slot_kind::nps); break;
        case question_kind::goal: claim(layout.has_goal, slot_kind::goal); break;
        case question_kind::text: slot.kind = slot_kind::comment; break;
        case question_kind::choice: break;
        case question_kind::criterion: {
          const auto code = static_cast<std::uint16_t>(store_.criteria.intern(q.criterion));
          const bool seen = std::find(layout.criteria.begin(), layout.criteria.end(), code) != layout.criteria.end();
          if (!seen && layout.criteria.size() < max_criteria_per_survey) {
            slot = {slot_kind::criterion, static_cast<std::uint8_t>(layout.criteria.size())};
            layout.criteria.push_back(code);
          }
          break;
        }
      }
      layout.slots.push_back(slot);
    }
    store_segment segment;
    segment.survey = layout.survey;
    segment.service = layout.service;
    segment.criteria = layout.criteria;
    segment.criterion_answers.resize(layout.criteria.size());
    open_.push_back(std::move(segment));
    layouts_.push_back(std::move(layout));
  }
}

void store_builder::reserve(std::size_t rows) {
  for (std::size_t i = 0; i < open_.size(); ++i) {
    const survey_layout& layout = layouts_[i];
    store_segment& s = open_[i];
    const std::size_t total = s.hour.size() + rows;
    for (auto* column : {&s.stage, &s.region}) column->reserve(total);
    for (auto* column : {&s.channel, &s.locale}) column->reserve(total);
    s.hour.reserve(total);
    if (layout.has_csat) s.csat.reserve(total);
    if (layout.has_ces) s.ces.reserve(total);
    if (layout.has_nps) s.nps.reserve(total);
    if (layout.has_goal) s.goal.reserve(total);
    for (auto& column : s.criterion_answers) column.reserve(total);
  }
}

void store_builder::append(std::size_t survey_index, const encoded_row& row, std::string_view region,
                           std::span<const std::string_view> comments) {
  const survey_layout& layout = layouts_[survey_index];
  store_segment& s = open_[survey_index];
  const auto row_index = static_cast<std::uint32_t>(s.hour.size());
  s.stage.push_back(row.stage);
  s.channel.push_back(row.channel);
  s.locale.push_back(row.locale);
  s.region.push_back(region_code(region));
  s.hour.push_back(row.hour);
  if (layout.has_csat) s.csat.push_back(row.csat);
  if (layout.has_ces) s.ces.push_back(row.ces);
  if (layout.has_nps) s.nps.push_back(row.nps);
  if (layout.has_goal) s.goal.push_back(row.goal);
  for (std::size_t c = 0; c < layout.criteria.size(); ++c) s.criterion_answers[c].push_back(row.criteria[c]);
  for (const std::string_view text : comments) {
    if (text.empty()) continue;
    s.comment_text += redact(text).text;
    s.comment_row.push_back(row_index);
    s.comment_end.push_back(static_cast<std::uint32_t>(s.comment_text.size()));
  }
}

std::uint16_t store_builder::region_code(std::string_view region) {
  if (region.empty()) return 0;
  if (region.size() > 8) return static_cast<std::uint16_t>(store_.regions.intern(region));
  // ISO 3166-2 codes fit in 8 bytes: an integer key hashes far faster than a string.
  std::uint64_t packed = 0;
  for (const char c : region) packed = packed << 8 | static_cast<unsigned char>(c);
  packed |= std::uint64_t{region.size()} << 56;
  auto [it, added] = short_regions_.try_emplace(packed, 0);
  if (added) it->second = static_cast<std::uint16_t>(store_.regions.intern(region));
  return it->second;
}

bool store_builder::append(const response& r) {
  const survey* s = surveys_->find(r.survey);
  if (s == nullptr) return false;
  const auto survey_index = static_cast<std::size_t>(s - surveys_->all().data());
  const survey_layout& layout = layouts_[survey_index];
  const int stage_index = s->stage_index(r.stage);
  const auto locale = std::find(s->locales.begin(), s->locales.end(), r.locale);
  const std::optional<std::uint32_t> hour = hour_index(r.submitted_at);
  if (stage_index < 0 || locale == s->locales.end() || !hour) return false;
  encoded_row row;
  row.stage = layout.stage_codes[static_cast<std::size_t>(stage_index)];
  row.channel = static_cast<std::uint8_t>(r.where);
  row.locale = layout.locale_codes[static_cast<std::size_t>(locale - s->locales.begin())];
  row.hour = *hour;
  std::vector<std::string_view> comments;
  for (const answer& a : r.answers) {
    const question* q = s->find_question(a.question);
    if (q == nullptr) continue;
    const question_slot slot = layout.slots[static_cast<std::size_t>(q - s->questions.data())];
    switch (slot.kind) {
      case slot_kind::csat: row.csat = static_cast<std::uint8_t>(a.number); break;
      case slot_kind::ces: row.ces = static_cast<std::uint8_t>(a.number); break;
      case slot_kind::nps: row.nps = answer_code::nps(a.number); break;
      case slot_kind::goal: row.goal = goal_code(a.text); break;
      case slot_kind::criterion: row.criteria[slot.column] = static_cast<std::uint8_t>(a.number); break;
      case slot_kind::comment: comments.push_back(a.text); break;
      case slot_kind::none: break;
    }
  }
  append(survey_index, row, r.region, comments);
  return true;
}

std::size_t store_builder::size() const noexcept {
  std::size_t rows = 0;
  for (const store_segment& s : open_) rows += s.size();
  return rows;
}

columnar_store store_builder::finish() {
  for (store_segment& s : open_) {
    if (s.size() > 0) store_.segments.push_back(std::move(s));
  }
  open_.clear();
  columnar_store out = std::move(store_);
  store_ = {};
  short_regions_.clear();
  return out;
}

void merge_into(columnar_store& into, columnar_store&& part) {
  const auto surveys = recode(into.surveys, part.surveys);
  const auto services = recode(into.services, part.services);
  const auto stages = recode(into.stages, part.stages);
  const auto locales = recode(into.locales, part.locales);
  const auto regions = recode(into.regions, part.regions);
  const auto criteria = recode(into.criteria, part.criteria);
  for (std::uint32_t service = 0; service < part.journey.size(); ++service) {
    const std::uint32_t target = services[service];
    if (into.journey.size() <= target) into.journey.resize(target + 1u);
    for (const std::uint16_t stage : part.journey[service]) {
      const auto code = static_cast<std::uint16_t>(stages[stage]);
      auto& journey = into.journey[target];
      if (std::find(journey.begin(), journey.end(), code) == journey.end()) journey.push_back(code);
    }
  }
  for (std::uint32_t survey = 0; survey < part.survey_k.size(); ++survey) {
    const std::uint32_t target = surveys[survey];
    if (into.survey_k.size() <= target) into.survey_k.resize(target + 1u, default_k_anonymity);
    into.survey_k[target] = part.survey_k[survey];
  }
  for (store_segment& s : part.segments) {
    s.survey = static_cast<std::uint16_t>(surveys[s.survey]);
    s.service = static_cast<std::uint16_t>(services[s.service]);
    apply_recode(s.criteria, criteria);
    apply_recode(s.stage, stages);
    apply_recode(s.locale, locales);
    apply_recode(s.region, regions);
    into.segments.push_back(std::move(s));
  }
  part = {};
}

void remove_rows(store_segment& s, std::span<const std::uint32_t> ascending_rows) {
  if (ascending_rows.empty()) return;
  std::vector<bool> keep(s.size(), true);
  for (const std::uint32_t row : ascending_rows) keep[row] = false;
  std::vector<std::uint32_t> new_index(s.size());
  std::uint32_t next = 0;
  for (std::size_t i = 0; i < s.size(); ++i) new_index[i] = keep[i] ? next++ : 0;
  keep_rows(s.stage, keep);
  keep_rows(s.channel, keep);
  keep_rows(s.locale, keep);
  keep_rows(s.region, keep);
  keep_rows(s.hour, keep);
  keep_rows(s.csat, keep);
  keep_rows(s.ces, keep);
  keep_rows(s.nps, keep);
  keep_rows(s.goal, keep);
  for (auto& column : s.criterion_answers) keep_rows(column, keep);
  std::vector<std::uint32_t> rows, ends;
  std::string text;
  for (std::size_t j = 0; j < s.comment_row.size(); ++j) {
    if (!keep[s.comment_row[j]]) continue;
    text += s.comment(j);
    rows.push_back(new_index[s.comment_row[j]]);
    ends.push_back(static_cast<std::uint32_t>(text.size()));
  }
  s.comment_row = std::move(rows);
  s.comment_end = std::move(ends);
  s.comment_text = std::move(text);
}

}  // namespace otklik
