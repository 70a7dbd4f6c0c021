// Dates of birth after their cue words; dates of events, times and durations stay.
#include <catch2/catch.hpp>

#include "redact_helpers.hpp"

using otklik::test::redacted;

TEST_CASE("Dates of birth after a cue word, in every spelling", "[redact][dob]") {
  CHECK(redacted("Дата рождения: 12.03.1985.") == "Дата рождения: [DATE_OF_BIRTH].");
  CHECK(redacted("д.р. 12/03/1985") == "д.р. [DATE_OF_BIRTH]");
  CHECK(redacted("Д/р 1985-03-12") == "Д/р [DATE_OF_BIRTH]");
  CHECK(redacted("Родилась 5 мая 1990 года в Туле") == "Родилась [DATE_OF_BIRTH] года в Туле");
  CHECK(redacted("Я родился в 1985 году") == "Я родился в [DATE_OF_BIRTH] году");
  CHECK(redacted("сын 2010 г.р., нужна справка") == "сын [DATE_OF_BIRTH] г.р., нужна справка");
  CHECK(redacted("мама, 1950 года рождения, ждала стоя") == "мама, [DATE_OF_BIRTH] года рождения, ждала стоя");
  CHECK(redacted("Born on March 12, 1985.") == "Born on [DATE_OF_BIRTH].");
  CHECK(redacted("DOB: 12 March 1985") == "DOB: [DATE_OF_BIRTH]");
  CHECK(redacted("My date of birth is 03/12/1985.") == "My date of birth is [DATE_OF_BIRTH].");
}

TEST_CASE("Dates of events, times and durations stay", "[redact][dob][lookalike]") {
  for (const char* text : {"12.03.2024 подал заявление.", "Приём был назначен на 12 марта 2024 года.",
                           "I applied on March 12, 2024.", "Работают с 9:00 до 18:00.", "Ждал 2 часа 15 минут.",
                           "Обращался 2024-01-21, ответа нет.", "Запись на 10:30:15", "Обращался 19.02, ответа нет."}) {
    INFO(text);
    CHECK(redacted(text) == text);
  }
  // The cue speaks for its own date only: an event date after it stays.
  CHECK(redacted("Дата рождения 12.03.1985 указана неверно. 13.04.2024 подал заявление.") ==
        "Дата рождения [DATE_OF_BIRTH] указана неверно. 13.04.2024 подал заявление.");
}
