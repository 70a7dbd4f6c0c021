// The built-in criteria sets of brief.md with Russian and English labels, kept as tables.
#include "detail/template_table.hpp"

namespace otklik {

namespace {

using k = question_kind;

constexpr template_question comment = {"comment", k::text, false, false,
                                       "Что можно улучшить? Не указывайте личные данные.",
                                       "What could be better? Please do not include personal details."};

// Russia's five criteria for citizens' assessment of public services (the "Ваш контроль" set).
constexpr template_question ru_1284[] = {
    {"overall", k::csat, true, false, "Насколько вы довольны услугой в целом?",
     "How satisfied are you with the service overall?"},
    {"time", k::criterion, false, false, "Время предоставления услуги", "Time taken to provide the service"},
    {"queue", k::criterion, false, true, "Время ожидания в очереди", "Waiting time in the queue"},
    {"staff", k::criterion, false, false, "Вежливость и компетентность сотрудников", "Politeness and competence of staff"},
    {"comfort", k::criterion, false, true, "Комфортность помещения", "Comfort of the premises"},
    {"info", k::criterion, false, false, "Доступность информации о порядке предоставления услуги",
     "Availability of information on how the service is provided"},
    comment,
};

// The US OMB Circular A-11 section 280 customer-experience drivers, rated 1..5 for agreement.
constexpr template_question a11[] = {
    {"satisfaction", k::csat, true, false, "Я доволен(на) полученной услугой", "I am satisfied with the service I received"},
    {"trust", k::criterion, false, false, "Эта услуга укрепила моё доверие к ведомству",
     "This interaction increased my trust in the agency"},
    {"effectiveness", k::criterion, false, false, "Моя потребность была удовлетворена", "My need was addressed"},
    {"ease", k::criterion, false, false, "Было легко сделать то, что мне нужно", "It was easy to complete what I needed to do"},
    {"efficiency", k::criterion, false, false, "Это заняло разумное время", "It took a reasonable amount of time"},
    {"equity", k::criterion, false, false, "Со мной обошлись справедливо", "I was treated fairly"},
    {"employee", k::criterion, false, false, "Сотрудники были готовы помочь", "Employees were helpful"},
    comment,
};

// Overall satisfaction, effort, recommendation, goal and a comment.
constexpr template_question basic[] = {
    {"overall", k::csat, true, false, "Насколько вы довольны услугой?", "How satisfied are you with the service?"},
    {"effort", k::ces, false, false, "Насколько легко было получить услугу? (1 — очень легко, 7 — очень трудно)",
     "How much effort did it take? (1 very little, 7 a great deal)"},
    {"recommend", k::nps, false, false, "Насколько вероятно, что вы порекомендуете этот способ получения услуги?",
     "How likely are you to recommend this way of getting the service?"},
    {"goal", k::goal, false, false, "Удалось ли вам сделать то, ради чего вы обратились?",
     "Did you achieve what you came to do?"},
    comment,
};

constexpr survey_template sets[] = {
    {"ru-1284", "Russia: service time, queue, staff, comfort, information (1..5)", ru_1284},
    {"a11", "US OMB A-11 section 280 drivers: satisfaction, trust, effectiveness, ease, efficiency, equity, employee", a11},
    {"basic", "CSAT 1..5, CES 1..7, NPS 0..10, goal achieved, comment", basic},
};

}  // namespace

std::span<const survey_template> detail::template_table() noexcept { return sets; }

std::vector<question> survey_template::questions() const {
  std::vector<question> out(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const template_question& item = items[i];
    question& q = out[i];
    q.id = item.id;
    q.kind = item.kind;
    q.required = item.required;
    if (item.kind == question_kind::criterion) q.criterion = item.id;
    if (item.on_site) q.channels = {channel::office, channel::kiosk};
    q.label.by_locale.emplace_back("ru", item.ru);
    q.label.by_locale.emplace_back("en", item.en);
  }
  return out;
}

}  // namespace otklik
