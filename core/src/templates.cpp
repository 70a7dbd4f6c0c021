// The built-in criteria sets of brief.md with Russian and English labels.
#include "otklik/templates.hpp"

namespace otklik {

namespace {

question make(std::string id, question_kind kind, std::string ru, std::string en, bool required = false,
              std::string criterion = {}, std::vector<channel> channels = {}) {
  question q;
  q.id = std::move(id);
  q.kind = kind;
  q.required = required;
  q.criterion = std::move(criterion);
  q.channels = std::move(channels);
  q.label.by_locale = {{"ru", std::move(ru)}, {"en", std::move(en)}};
  return q;
}

question criterion(std::string id, std::string ru, std::string en, std::vector<channel> channels = {}) {
  std::string name = id;
  return make(std::move(id), question_kind::criterion, std::move(ru), std::move(en), false, std::move(name),
              std::move(channels));
}

question comment() {
  return make("comment", question_kind::text, "Что можно улучшить? Не указывайте личные данные.",
              "What could be better? Please do not include personal details.");
}

// Russia's five criteria for citizens' assessment of public services (the "Ваш контроль" set).
std::vector<question> ru_1284() {
  const std::vector<channel> on_site = {channel::office, channel::kiosk};
  return {
      make("overall", question_kind::csat, "Насколько вы довольны услугой в целом?",
           "How satisfied are you with the service overall?", true),
      criterion("time", "Время предоставления услуги", "Time taken to provide the service"),
      criterion("queue", "Время ожидания в очереди", "Waiting time in the queue", on_site),
      criterion("staff", "Вежливость и компетентность сотрудников", "Politeness and competence of staff"),
      criterion("comfort", "Комфортность помещения", "Comfort of the premises", on_site),
      criterion("info", "Доступность информации о порядке предоставления услуги",
                "Availability of information on how the service is provided"),
      comment(),
  };
}

// The US OMB Circular A-11 section 280 customer-experience drivers, rated 1..5 for agreement.
std::vector<question> a11() {
  return {
      make("satisfaction", question_kind::csat, "Я доволен(на) полученной услугой", "I am satisfied with the service I received", true),
      criterion("trust", "Эта услуга укрепила моё доверие к ведомству", "This interaction increased my trust in the agency"),
      criterion("effectiveness", "Моя потребность была удовлетворена", "My need was addressed"),
      criterion("ease", "Было легко сделать то, что мне нужно", "It was easy to complete what I needed to do"),
      criterion("efficiency", "Это заняло разумное время", "It took a reasonable amount of time"),
      criterion("equity", "Со мной обошлись справедливо", "I was treated fairly"),
      criterion("employee", "Сотрудники были готовы помочь", "Employees were helpful"),
      comment(),
  };
}

// Overall satisfaction, effort, recommendation, goal and a comment.
std::vector<question> basic() {
  return {
      make("overall", question_kind::csat, "Насколько вы довольны услугой?", "How satisfied are you with the service?", true),
      make("effort", question_kind::ces, "Насколько легко было получить услугу? (1 — очень легко, 7 — очень трудно)",
           "How much effort did it take? (1 very little, 7 a great deal)"),
      make("recommend", question_kind::nps, "Насколько вероятно, что вы порекомендуете этот способ получения услуги?",
           "How likely are you to recommend this way of getting the service?"),
      make("goal", question_kind::goal, "Удалось ли вам сделать то, ради чего вы обратились?",
           "Did you achieve what you came to do?"),
      comment(),
  };
}

constexpr survey_template templates[] = {
    {"ru-1284", "Russia: service time, queue, staff, comfort, information (1..5)", &ru_1284},
    {"a11", "US OMB A-11 section 280 drivers: satisfaction, trust, effectiveness, ease, efficiency, equity, employee", &a11},
    {"basic", "CSAT 1..5, CES 1..7, NPS 0..10, goal achieved, comment", &basic},
};

}  // namespace

std::span<const survey_template> builtin_templates() noexcept { return templates; }

const survey_template* find_template(std::string_view id) noexcept {
  for (const auto& t : templates) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

}  // namespace otklik
