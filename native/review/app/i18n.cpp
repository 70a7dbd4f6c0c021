// Interface strings: English in the code, Russian here, looked up by the English text.
#include "app/i18n.hpp"

#include <mutex>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace otklik::review {

namespace {

language current = language::en;
std::mutex missing_mutex;
std::set<std::string> missing;

// English -> Russian. Interface wording follows the brief's terms (CSAT, NPS, CES keep their names).
constexpr std::pair<std::string_view, const char*> russian[] = {
    // Views and menus
    {"Overview", "Обзор"},
    {"Journey", "Путь"},
    {"Trends", "Динамика"},
    {"Drivers", "Факторы"},
    {"Comments", "Комментарии"},
    {"Alerts", "Сигналы"},
    {"File", "Файл"},
    {"Open…", "Открыть…"},
    {"Open responses", "Открыть ответы"},
    {"Open", "Открыть"},
    {"Save", "Сохранить"},
    {"Cancel", "Отмена"},
    {"Up", "Вверх"},
    {"Name or path", "Имя или путь"},
    {"Export view as CSV…", "Экспорт вида в CSV…"},
    {"Export view as PNG…", "Экспорт вида в PNG…"},
    {"Export CSV", "Экспорт CSV"},
    {"Export PNG", "Экспорт PNG"},
    {"Make report (HTML)…", "Сделать отчёт (HTML)…"},
    {"Make report", "Сделать отчёт"},
    {"Making the report…", "Отчёт готовится…"},
    {"Report written", "Отчёт записан"},
    {"Written:", "Записано:"},
    {"Quit", "Выход"},
    {"View", "Вид"},
    {"Filters panel", "Панель фильтров"},
    {"Larger", "Крупнее"},
    {"Smaller", "Мельче"},
    {"Dark theme", "Тёмная тема"},
    {"Light theme", "Светлая тема"},
    {"Language", "Язык"},
    {"Help", "Справка"},
    {"Keyboard", "Клавиатура"},
    {"views", "виды"},
    {"open files", "открыть файлы"},
    {"export the view as CSV", "экспорт вида в CSV"},
    {"export the view as PNG", "экспорт вида в PNG"},
    {"make the HTML report", "сделать HTML-отчёт"},
    {"search comments", "поиск по комментариям"},
    {"show or hide filters", "показать или скрыть фильтры"},
    {"language", "язык"},
    {"theme", "тема"},
    {"larger / smaller", "крупнее / мельче"},
    {"move between controls and use them", "переход между элементами и их выбор"},
    {"quit", "выход"},
    // Loading and status
    {"Loading…", "Загрузка…"},
    {"merging and removing repeated responses…", "объединение и удаление повторов…"},
    {"Open NDJSON files, a collector database or a snapshot: File > Open (Ctrl+O), or drop them on this window. "
     "Drop a folder to read its surveys.",
     "Откройте файлы NDJSON, базу сборщика или снимок: Файл > Открыть (Ctrl+O) или перетащите их в это окно. "
     "Перетащите папку, чтобы прочитать из неё анкеты."},
    {"No survey folder yet: start with --surveys DIR or drop one.",
     "Папка анкет не задана: запустите с --surveys DIR или перетащите папку."},
    {"Surveys from", "Анкеты из"},
    {"Loaded:", "Загружено:"},
    {"in", "за"},
    {"invalid lines", "ошибочных строк"},
    {"repeated", "повторов"},
    {"counted in", "подсчёт"},
    {"tables", "таблицы"},
    {" from the cube", " из куба"},
    {"updating…", "обновление…"},
    {"warnings", "предупреждений"},
    {"Counting…", "Подсчёт…"},
    // Filters
    {"Filters", "Фильтры"},
    {"Reset all", "Сбросить все"},
    {"All", "Все"},
    {"Find", "Найти"},
    {"Service", "Услуга"},
    {"Stage", "Этап"},
    {"Channel", "Канал"},
    {"Region", "Регион"},
    {"Locale", "Язык ответа"},
    {"Period", "Период"},
    {"From", "С"},
    {"To", "По"},
    {"first", "начала"},
    {"last", "конца"},
    {"no region", "без региона"},
    {"web", "сайт"},
    {"mobile", "мобильное"},
    {"office", "офис"},
    {"phone", "телефон"},
    {"kiosk", "киоск"},
    {"day", "день"},
    {"week", "неделя"},
    {"month", "месяц"},
    // Overview
    {"Responses passing the filter:", "Ответов по фильтру:"},
    {"All selected services", "Все выбранные услуги"},
    {"responses:", "ответов:"},
    {"Fewer than k responses: no values are shown, so that nobody can be recognised.",
     "Меньше k ответов: значения не показываются, чтобы никого нельзя было узнать."},
    {"CSAT, mean of 1–5", "CSAT, среднее 1–5"},
    {"CSAT", "CSAT"},
    {"Top-2", "Топ-2"},
    {"top-2", "топ-2"},
    {"NPS", "NPS"},
    {"CES", "CES"},
    {"Goal", "Цель"},
    {"yes", "да"},
    {"partly", "частично"},
    {"no", "нет"},
    {"answers", "ответов"},
    {"no answers", "нет ответов"},
    {"hidden: fewer than k answers", "скрыто: меньше k ответов"},
    {"Mean overall rating 1–5 with its 95 % interval.", "Средняя общая оценка 1–5 с 95 % интервалом."},
    {"Share answering 4 or 5, with its 95 % Wilson interval.", "Доля оценок 4 и 5 с 95 % интервалом Уилсона."},
    {"Promoters (9–10) minus detractors (0–6), −100..100, with its 95 % interval.",
     "Сторонники (9–10) минус критики (0–6), −100..100, с 95 % интервалом."},
    {"Mean effort 1–7 (lower is less effort) with its 95 % interval.",
     "Среднее усилие 1–7 (меньше — легче) с 95 % интервалом."},
    // Journey
    {"All services", "Все услуги"},
    {"Bars: CSAT mean with 95 % interval; red: the biggest drop from the stage before.",
     "Столбцы: среднее CSAT с 95 % интервалом; красный: самое большое падение от предыдущего этапа."},
    {"Biggest drop:", "Самое большое падение:"},
    {"No responses pass the filter.", "Нет ответов по этому фильтру."},
    {"no responses", "нет ответов"},
    {"Change from the previous stage:", "Изменение от предыдущего этапа:"},
    {"Criterion", "Критерий"},
    {"mean", "среднее"},
    // Trends
    {"Measure", "Показатель"},
    {"CSAT mean (1–5)", "Среднее CSAT (1–5)"},
    {"CSAT top-2 share (%)", "Доля топ-2 CSAT (%)"},
    {"NPS (−100..100)", "NPS (−100..100)"},
    {"CES mean (1–7)", "Среднее CES (1–7)"},
    {"Criterion mean (1–5)", "Среднее по критерию (1–5)"},
    {"Stages", "Этапы"},
    {"Line: the measure per period; band: its 95 % interval; ▼: a significant drop (alert).",
     "Линия: показатель за период; полоса: 95 % интервал; ▼: значимое падение (сигнал)."},
    {"no period with at least k answers", "нет периода хотя бы с k ответами"},
    {"Change from the previous period:", "Изменение от предыдущего периода:"},
    {"Significant drop (alert)", "Значимое падение (сигнал)"},
    // Drivers
    {"Drivers of", "Факторы для"},
    {"all stages", "все этапы"},
    {"Importance: correlation with overall satisfaction. Performance: criterion mean.",
     "Важность: корреляция с общей удовлетворённостью. Исполнение: среднее по критерию."},
    {"Hidden: fewer than k responses", "Скрыто: меньше k ответов"},
    {"No criterion has at least k paired answers.", "Ни у одного критерия нет хотя бы k парных ответов."},
    {"Importance (r)", "Важность (r)"},
    {"Performance (mean 1–5)", "Исполнение (среднее 1–5)"},
    {"FIX FIRST", "ИСПРАВИТЬ В ПЕРВУЮ ОЧЕРЕДЬ"},
    {"fix first", "исправить первым"},
    {"keep up", "поддерживать"},
    {"low priority", "низкий приоритет"},
    {"possible overkill", "возможно, избыточно"},
    {"importance", "важность"},
    {"performance", "исполнение"},
    {"pairs of answers:", "пар ответов:"},
    {"no spread", "нет разброса"},
    {"#", "№"},
    {"Importance r", "Важность r"},
    {"95 % interval", "95 % интервал"},
    {"Mean", "Среднее"},
    {"Priority", "Приоритет"},
    {"Quadrant", "Квадрант"},
    // Comments
    {"Search comments (Ctrl+F)", "Поиск в комментариях (Ctrl+F)"},
    {"All stages", "Все этапы"},
    {"Rating:", "Оценка:"},
    {"none given", "без оценки"},
    {"Terms:", "Термины:"},
    {"counting…", "подсчёт…"},
    {"× clear term", "× сбросить термин"},
    {"Searching…", "Поиск…"},
    {"Comments found:", "Найдено комментариев:"},
    {"showing the first", "показаны первые"},
    {"comments of groups with fewer than k responses are not shown",
     "комментарии групп, где меньше k ответов, не показываются"},
    {"rating", "оценка"},
    // Alerts
    {"Significant drops:", "Значимых падений:"},
    {"(tests against the previous period, false discovery rate 5 %)",
     "(сравнение с предыдущим периодом, доля ложных открытий 5 %)"},
    {"No significant drop under this filter.", "По этому фильтру значимых падений нет."},
    {"Before", "Было"},
    {"After", "Стало"},
    {"Change", "Изменение"},
    {"q-value", "q-значение"},
    {"CSAT mean", "среднее CSAT"},
    {"CSAT top-2 share", "доля топ-2 CSAT"},
    {"CES mean", "среднее CES"},
    {"criterion mean", "среднее по критерию"},
    {"criterion top-2 share", "доля топ-2 по критерию"},
};

const std::unordered_map<std::string_view, const char*>& table() {
  static const std::unordered_map<std::string_view, const char*> map(std::begin(russian), std::end(russian));
  return map;
}

}  // namespace

std::string_view to_string(language l) noexcept { return l == language::ru ? "ru" : "en"; }

std::optional<language> parse_language(std::string_view word) noexcept {
  if (word == "en") return language::en;
  if (word == "ru") return language::ru;
  return std::nullopt;
}

void set_language(language l) noexcept { current = l; }

language current_language() noexcept { return current; }

const char* tr(const char* english) noexcept {
  if (current == language::en || english == nullptr) return english;
  const auto& map = table();
  const auto it = map.find(english);
  if (it != map.end()) return it->second;
  try {
    std::lock_guard lock(missing_mutex);
    missing.insert(english);
  } catch (...) {
    // Recording a miss is for tests; an allocation failure here must not take the interface down.
  }
  return english;
}

bool has_translation(std::string_view english) noexcept { return table().count(english) != 0; }

std::vector<std::string> untranslated_seen() {
  std::lock_guard lock(missing_mutex);
  return {missing.begin(), missing.end()};
}

}  // namespace otklik::review
