// Russian and English sentences for every error code; the detail is appended where it helps.
#include "otklik/messages.hpp"

namespace otklik {

namespace {

struct sentence {
  error_code code;
  std::string_view ru;
  std::string_view en;
  std::string_view detail_ru;  // introduces the detail, e.g. "допустимо: "
  std::string_view detail_en;
};

constexpr sentence sentences[] = {
    {error_code::invalid_json, "Документ не является корректным JSON", "The document is not valid JSON", "позиция ", "at byte "},
    {error_code::invalid_utf8, "Текст содержит байты, не являющиеся UTF-8", "The text contains bytes that are not UTF-8", "", ""},
    {error_code::too_large, "Документ слишком большой", "The document is too large", "предел в байтах: ", "limit in bytes: "},
    {error_code::too_deep, "Слишком глубокая вложенность", "The document is nested too deeply", "предел: ", "limit: "},
    {error_code::wrong_type, "Значение неверного типа", "The value has the wrong type", "ожидается: ", "expected: "},
    {error_code::unknown_field, "Неизвестное поле", "This field is not part of the format", "", ""},
    {error_code::missing_field, "Обязательное поле отсутствует", "A required field is missing", "", ""},
    {error_code::duplicate_field, "Поле указано дважды", "The field appears twice", "", ""},
    {error_code::unsupported_format, "Неподдерживаемый формат документа", "Unsupported document format", "ожидается: ", "expected: "},
    {error_code::invalid_id, "Недопустимый идентификатор", "Invalid identifier", "допустимо: ", "allowed: "},
    {error_code::duplicate_id, "Идентификатор повторяется", "The identifier is used twice", "", ""},
    {error_code::out_of_range, "Значение вне допустимого диапазона", "The value is out of range", "допустимо: ", "allowed: "},
    {error_code::not_an_integer, "Нужно целое число", "A whole number is required", "допустимо: ", "allowed: "},
    {error_code::invalid_value, "Недопустимое значение", "The value is not allowed", "допустимо: ", "allowed: "},
    {error_code::too_long, "Текст слишком длинный", "The text is too long", "максимум символов: ", "maximum characters: "},
    {error_code::too_many, "Слишком много элементов", "Too many items", "максимум: ", "maximum: "},
    {error_code::empty, "Значение не должно быть пустым", "The value must not be empty", "", ""},
    {error_code::invalid_time, "Время должно быть в формате RFC 3339 (UTC)", "The time must be RFC 3339 in UTC", "например: ", "e.g. "},
    {error_code::invalid_region, "Неверный код региона", "Invalid region code", "ожидается: ", "expected: "},
    {error_code::unknown_survey, "Опрос не найден", "The survey is unknown", "", ""},
    {error_code::survey_mismatch, "Услуга не совпадает с услугой опроса", "The service does not match the survey's service", "ожидается: ", "expected: "},
    {error_code::unknown_stage, "Такого этапа нет в опросе", "The survey has no such stage", "этапы: ", "stages: "},
    {error_code::unsupported_locale, "Опрос не поддерживает этот язык", "The survey does not offer this language", "языки: ", "languages: "},
    {error_code::unknown_question, "Такого вопроса нет в опросе", "The survey has no such question", "", ""},
    {error_code::not_applicable, "Этот вопрос не задаётся на данном этапе или канале", "This question is not asked at this stage or channel", "", ""},
    {error_code::required, "Ответ на этот вопрос обязателен", "This question requires an answer", "", ""},
    {error_code::missing_label, "Нет текста для одного из языков опроса", "A text is missing for one of the survey's languages", "язык: ", "language: "},
    {error_code::unknown_template, "Неизвестный шаблон опроса", "Unknown survey template", "шаблоны: ", "templates: "},
    {error_code::invalid_survey, "Опрос нарушает правило формата", "The survey breaks a rule of the format", "", ""},
};

}  // namespace

std::string message(const issue& problem, std::string_view locale) {
  const bool ru = locale == "ru" || locale.substr(0, 3) == "ru-";
  for (const auto& s : sentences) {
    if (s.code != problem.code) continue;
    std::string out(ru ? s.ru : s.en);
    if (!problem.detail.empty()) {
      out += " (";
      out += ru ? s.detail_ru : s.detail_en;
      out += problem.detail;
      out += ")";
    }
    out += '.';
    return out;
  }
  return ru ? "Неизвестная ошибка." : "Unknown error.";
}

void write_issues(json_writer& out, const std::vector<issue>& issues, std::string_view locale) {
  out.begin_array();
  for (const auto& problem : issues) {
    out.begin_object()
        .key("path").string(problem.path)
        .key("code").string(to_string(problem.code))
        .key("message").string(message(problem, locale))
        .end_object();
  }
  out.end_array();
}

}  // namespace otklik
