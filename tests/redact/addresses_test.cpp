// Postal addresses: a street with a house number, extended by building and flat and by the city, region
// and postcode before it; a city or a street named without a house number stays.
#include <catch2/catch.hpp>

#include "redact_helpers.hpp"

using otklik::test::redacted;

TEST_CASE("Russian addresses with a street and a house", "[redact][address]") {
  CHECK(redacted("Проживаю: 123456, г. Москва, ул. Ленина, д. 5, кв. 12. Спасибо.") == "Проживаю: [ADDRESS]. Спасибо.");
  CHECK(redacted("адрес: ул. Ленина 5-12") == "адрес: [ADDRESS]");
  CHECK(redacted("Тверская улица, д. 7, кв. 3.") == "[ADDRESS].");
  CHECK(redacted("живу на пр-т Мира, 15") == "живу на [ADDRESS]");
  CHECK(redacted("ул. 8 Марта, д. 5, корп. 2") == "[ADDRESS]");
  CHECK(redacted("ул. 1-я Парковая, д.5 стр. 1") == "[ADDRESS]");
  CHECK(redacted("Московская обл., г. Химки, ул. Маршала Жукова, д. 12А") == "[ADDRESS]");
  CHECK(redacted("пер. Садовый, д. 2/1, кв. 40, звоните") == "[ADDRESS], звоните");
  CHECK(redacted("мкр. Северный, д. 7") == "[ADDRESS]");
  CHECK(redacted("Ленинский проспект, д. 30") == "[ADDRESS]");
  CHECK(redacted("д. 5, кв. 12") == "[ADDRESS]");
}

TEST_CASE("English addresses with a house number and a street type", "[redact][address]") {
  CHECK(redacted("I live at 221B Baker Street, London NW1 6XE.") == "I live at [ADDRESS].");
  CHECK(redacted("Send it to 12 Main St, Springfield, IL 62704 please") == "Send it to [ADDRESS] please");
  CHECK(redacted("Flat 3, 12 High Street, Leeds LS1 4AP") == "[ADDRESS]");
  CHECK(redacted("1600 Pennsylvania Avenue, Apt 4B") == "[ADDRESS]");
}

TEST_CASE("Cities and streets without a house stay", "[redact][address][lookalike]") {
  for (const char* text : {"Живу в Москве.", "г. Казань, офис на Баумана", "на улице Ленина очередь",
                           "Офис в г. Тула открыт.", "I live in London.", "The Baker Street branch was closed.",
                           "Тверская улица. Ждал 10 дней.", "перегородил проезд. После обновления до версии 4.12.0 всё сломалось",
                           "кабинет 305 на втором этаже", "окно № 5"}) {
    INFO(text);
    CHECK(redacted(text) == text);
  }
}
