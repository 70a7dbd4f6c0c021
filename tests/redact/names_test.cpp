// Person names: Russian full names with patronymics in every grammatical case, surnames with initials,
// first names with patronymics, names after cue words; capitalised words that are not names stay.
#include <catch2/catch.hpp>

#include "redact_helpers.hpp"

using otklik::test::redacted;

TEST_CASE("Full Russian names with a patronymic, in every case and order", "[redact][person]") {
  CHECK(redacted("Оператор Иванов Иван Иванович нагрубил.") == "Оператор [PERSON] нагрубил.");
  CHECK(redacted("Спасибо Ивановой Марии Петровне!") == "Спасибо [PERSON]!");
  CHECK(redacted("Жалоба на Петрова Сергея Николаевича.") == "Жалоба на [PERSON].");
  CHECK(redacted("С Сидоровым Павлом Андреевичем было приятно общаться.") == "С [PERSON] было приятно общаться.");
  CHECK(redacted("Меня принял Иван Петрович Сидоров в окне.") == "Меня принял [PERSON] в окне.");
  CHECK(redacted("Благодарю Анну Сергеевну.") == "Благодарю [PERSON].");
  CHECK(redacted("Вопрос решил Никита Ильич.") == "Вопрос решил [PERSON].");
  CHECK(redacted("Ольга Ильинична помогла.") == "[PERSON] помогла.");
  CHECK(redacted("ИВАНОВ ИВАН ИВАНОВИЧ") == "[PERSON]");
  CHECK(redacted("Оператор Рабинович Ульяна Вячеславовна помогла.") == "Оператор [PERSON] помогла.");
}

TEST_CASE("Surnames with initials, either order", "[redact][person]") {
  CHECK(redacted("Спасибо Петрову И.И. за помощь.") == "Спасибо [PERSON] за помощь.");
  CHECK(redacted("Работой Козловой И. В. недоволен.") == "Работой [PERSON] недоволен.");
  CHECK(redacted("Оператор И.И. Сидоров тоже молодец.") == "Оператор [PERSON] тоже молодец.");
  CHECK(redacted("Сотрудник В. Я. Иванов очень помог.") == "Сотрудник [PERSON] очень помог.");
  CHECK(redacted("Принимал Шевченко А.А.") == "Принимал [PERSON]");
}

TEST_CASE("Names after cue words, English and Russian", "[redact][person]") {
  CHECK(redacted("Меня зовут Анна Смирнова, я жду ответа.") == "Меня зовут [PERSON], я жду ответа.");
  CHECK(redacted("ФИО: Кузнецов Пётр Алексеевич.") == "ФИО: [PERSON].");
  CHECK(redacted("С уважением, андрей сергеевич.") == "С уважением, [PERSON].");
  CHECK(redacted("My name is John Smith.") == "My name is [PERSON].");
  CHECK(redacted("I am Maria Lopez and I applied last week.") == "I am [PERSON] and I applied last week.");
  CHECK(redacted("I'm Sarah Connor, a resident.") == "I'm [PERSON], a resident.");
  CHECK(redacted("Best regards,\nDavid Lewis") == "Best regards,\n[PERSON]");
  CHECK(redacted("Mr. Brown was rude.") == "Mr. [PERSON] was rude.");
  CHECK(redacted("Dr Patel helped me.") == "Dr [PERSON] helped me.");
  CHECK(redacted("иван петрович звонил") == "[PERSON] звонил");
  CHECK(redacted("Хочу поблагодарить светлану руслановну.") == "Хочу поблагодарить [PERSON].");
}

TEST_CASE("Known first names with a surname", "[redact][person]") {
  CHECK(redacted("Оператор Анна Смирнова помогла.") == "Оператор [PERSON] помогла.");
  CHECK(redacted("Спасибо Смирновой Анне!") == "Спасибо [PERSON]!");
}

TEST_CASE("Capitalised words that are not names stay", "[redact][person][lookalike]") {
  for (const char* text : {"Очень долго ждал в очереди.", "Приложение Госуслуги работает нормально.",
                           "В МФЦ было многолюдно.", "Живу в Москве, филиал в Санкт-Петербурге хуже.",
                           "Приехал из Ивановской области.", "Отделение на Петровском бульваре закрыли.",
                           "Сотрудница Отдела кадров помогла разобраться.", "I could not book online.",
                           "The Baker Street branch was closed.", "Social Security Administration was fine.",
                           "Ситуация типична для МФЦ.", "Иван Грозный", "Москва Сити"}) {
    INFO(text);
    CHECK(redacted(text) == text);
  }
}
