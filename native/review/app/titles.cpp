// Titles: looked up once per dataset and language, so drawing a frame never searches the surveys.
#include "app/titles.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace otklik::review {

namespace {

struct criterion_name {
  std::string_view id, en, ru;
};

// Short names of the built-in templates' criteria (the question labels are sentences, too long for a chart).
constexpr std::array<criterion_name, 11> standard_criteria{{
    {"time", "Service time", "Время услуги"},
    {"queue", "Queue", "Очередь"},
    {"staff", "Staff", "Сотрудники"},
    {"comfort", "Premises", "Помещение"},
    {"info", "Information", "Информация"},
    {"trust", "Trust", "Доверие"},
    {"effectiveness", "Need met", "Потребность"},
    {"ease", "Ease", "Простота"},
    {"efficiency", "Reasonable time", "Разумное время"},
    {"equity", "Fairness", "Справедливость"},
    {"employee", "Helpful staff", "Помощь сотрудников"},
}};

const std::string* localized(const localized_text& text, language lang) {
  if (const std::string* t = text.find(to_string(lang))) return t;
  return text.by_locale.empty() ? nullptr : &text.by_locale.front().second;
}

}  // namespace

titles::titles(const dataset& data, language lang) : data_(&data) {
  const columnar_store& store = data.store;
  for (std::uint32_t code = 0; code < store.services.size(); ++code) {
    const std::string& id = store.services.word(code);
    std::string title = id;
    for (const survey& s : data.surveys.all()) {
      if (s.service.id != id) continue;
      if (const std::string* t = localized(s.service.title, lang)) title = *t;
      break;
    }
    services_.push_back(std::move(title));
  }
  for (std::uint32_t code = 0; code < store.stages.size(); ++code) {
    const std::string& id = store.stages.word(code);
    std::string title = id;
    for (const survey& s : data.surveys.all()) {
      const auto it = std::find_if(s.stages.begin(), s.stages.end(), [&](const otklik::stage& st) { return st.id == id; });
      if (it == s.stages.end()) continue;
      if (const std::string* t = localized(it->title, lang)) title = *t;
      break;
    }
    stages_.push_back(std::move(title));
  }
  for (std::uint32_t code = 0; code < store.criteria.size(); ++code) {
    const std::string& id = store.criteria.word(code);
    std::string title = id;
    bool standard = false;
    for (const criterion_name& c : standard_criteria) {
      if (c.id == id) {
        title = std::string(lang == language::ru ? c.ru : c.en);
        standard = true;
      }
    }
    for (const survey& s : data.surveys.all()) {
      if (standard) break;
      const auto it = std::find_if(s.questions.begin(), s.questions.end(), [&](const question& q) {
        return q.kind == question_kind::criterion && q.criterion == id;
      });
      if (it == s.questions.end()) continue;
      if (const std::string* t = localized(it->label, lang)) title = *t;
      break;
    }
    criteria_.push_back(std::move(title));
  }
}

const std::string& titles::service(std::uint32_t code) const { return services_.at(code); }
const std::string& titles::stage(std::uint32_t code) const { return stages_.at(code); }
const std::string& titles::criterion(std::uint32_t code) const { return criteria_.at(code); }

std::string titles::label(dimension d, std::uint32_t code, period_unit unit) const {
  switch (d) {
    case dimension::service: return service(code);
    case dimension::stage: return stage(code);
    case dimension::channel: return tr(std::string(to_string(static_cast<channel>(code))).c_str());
    case dimension::region: {
      const std::string& word = data_->store.regions.word(code);
      return word.empty() ? tr("no region") : word;
    }
    case dimension::locale: return data_->store.locales.word(code);
    case dimension::period: return period_label(code, unit);
  }
  return {};
}

}  // namespace otklik::review
