// Numbers: checksummed identifiers recognised by their check digits (and by cue words when the check
// fails), phones in their usual spellings, passports, cards, IBANs, IP addresses, and the numbers that
// must stay (application numbers, amounts, times, office numbers).
#include <catch2/catch.hpp>

#include "redact_helpers.hpp"

using otklik::test::kinds;
using otklik::test::redacted;

TEST_CASE("SNILS is recognised by its mod-101 check number in every spelling", "[redact][snils]") {
  CHECK(redacted("Мой СНИЛС 112-233-445 95.") == "Мой СНИЛС [SNILS].");
  CHECK(redacted("снилс: 112-233-445-95") == "снилс: [SNILS]");
  CHECK(redacted("номер 112 233 445 95 не принимают") == "номер [SNILS] не принимают");
  CHECK(redacted("СНИЛС 11223344595") == "СНИЛС [SNILS]");
  // The check number 95 is right for 112-233-445; 96 is not, so without a cue the number stays...
  CHECK(redacted("код 112-233-445 96") == "код 112-233-445 96");
  // ...but after the word "СНИЛС" it is personal even with a typo in it.
  CHECK(redacted("СНИЛС 112-233-445 96") == "СНИЛС [SNILS]");
}

TEST_CASE("INN of 10 and 12 digits is recognised by its check digits", "[redact][inn]") {
  CHECK(redacted("ИНН 7707083893") == "ИНН [INN]");
  CHECK(redacted("мой инн 500100732259, проверьте") == "мой инн [INN], проверьте");
  CHECK(redacted("Номер 7707083893") == "Номер [INN]");
  CHECK(redacted("Номер 7707083894") == "Номер 7707083894");  // fails the check: an ordinary number
  CHECK(redacted("ИНН 7707083894") == "ИНН [INN]");           // the cue word says what it is
  CHECK(redacted("код 500100732258") == "код 500100732258");
}

TEST_CASE("OGRN and OGRNIP are recognised by their mod-11 and mod-13 check digits", "[redact][ogrn]") {
  CHECK(redacted("ОГРН 1027700132195") == "ОГРН [OGRN]");
  CHECK(redacted("организация 1027700132195") == "организация [OGRN]");
  CHECK(redacted("ОГРНИП 304500116000157") == "ОГРНИП [OGRN]");
  CHECK(redacted("номер 1027700132196") == "номер 1027700132196");
}

TEST_CASE("The OMS policy number is found after its cue words, cards by Luhn", "[redact][oms][card]") {
  CHECK(redacted("Полис ОМС 7755443322110099") == "Полис ОМС [OMS]");
  CHECK(redacted("полис 7755 4433 2211 0099 действует") == "полис [OMS] действует");
  CHECK(redacted("Карта 4111 1111 1111 1111") == "Карта [CARD]");
  CHECK(redacted("списали с 4111-1111-1111-1111 дважды") == "списали с [CARD] дважды");
  CHECK(redacted("card 4111111111111111") == "card [CARD]");
  CHECK(redacted("Amex 3782 822463 10005") == "Amex [CARD]");
  CHECK(redacted("UnionPay 6250941006528599") == "UnionPay [CARD]");
  CHECK(redacted("номер заявки 4111 1111 1111 1112") == "номер заявки 4111 1111 1111 1112");  // fails Luhn
  CHECK(redacted("Заявка 1234 5678 9012 3456 принята") == "Заявка 1234 5678 9012 3456 принята");
}

TEST_CASE("IBANs are recognised by country length and mod 97, in paper and electronic form", "[redact][iban]") {
  CHECK(redacted("IBAN GB82 WEST 1234 5698 7654 32.") == "IBAN [IBAN].");
  CHECK(redacted("refund to DE89370400440532013000 please") == "refund to [IBAN] please");
  CHECK(redacted("счёт DE89370400440532013001") == "счёт DE89370400440532013001");  // mod 97 fails
  CHECK(redacted("IBAN DE89370400440532013001") == "IBAN [IBAN]");
}

TEST_CASE("Russian phones in their usual spellings", "[redact][phone]") {
  for (const char* phone : {"+7 (916) 123-45-67", "+7 916 123-45-67", "+79161234567", "+7 916 123 45 67",
                            "+7(916)1234567", "+7-916-123-45-67", "8 (916) 123-45-67", "8 916 123 45 67",
                            "8-916-123-45-67", "89161234567", "8(916)123-45-67", "8 916 1234567",
                            "+7 916 123 4567", "(495) 123-45-67", "8916 123 45 67", "916 123-45-67",
                            "8 800 555-35-35", "123-45-67"}) {
    INFO(phone);
    CHECK(redacted(std::string("Звоните: ") + phone + ", жду.") == "Звоните: [PHONE], жду.");
  }
  CHECK(redacted("мой номер 9161234567") == "мой номер [PHONE]");  // a mobile number without its 8
  CHECK(redacted("тел. 1234567") == "тел. [PHONE]");               // seven digits after a phone cue
}

TEST_CASE("International phones with a plus", "[redact][phone]") {
  CHECK(redacted("Call +44 20 7946 0958 today") == "Call [PHONE] today");
  CHECK(redacted("+1 (202) 555-0143") == "[PHONE]");
  CHECK(redacted("тел. +375 29 123-45-67") == "тел. [PHONE]");
  CHECK(redacted("+49 30 12345678") == "[PHONE]");
  CHECK(redacted("2+2=4") == "2+2=4");
}

TEST_CASE("Passports: internal series and number, foreign after a cue", "[redact][passport]") {
  CHECK(redacted("паспорт 45 10 123456") == "паспорт [PASSPORT]");
  CHECK(redacted("45 10 123456") == "[PASSPORT]");
  CHECK(redacted("Паспорт 4510 123456.") == "Паспорт [PASSPORT].");
  CHECK(redacted("паспорт 4510123456") == "паспорт [PASSPORT]");
  CHECK(redacted("паспорт серии 4510 номер 123456 выдан") == "паспорт серии [PASSPORT] выдан");
  CHECK(redacted("серия 4510 № 123456") == "серия [PASSPORT]");
  CHECK(redacted("Загранпаспорт 75 1234567") == "Загранпаспорт [PASSPORT]");
  CHECK(redacted("passport no. AB1234567") == "passport no. [PASSPORT]");
  CHECK(redacted("Passport 123456789") == "Passport [PASSPORT]");
  CHECK(redacted("Паспорт выдан в 2015 году") == "Паспорт выдан в 2015 году");
  CHECK(redacted("заявка 4510 123456") == "заявка 4510 123456");
}

TEST_CASE("IPv4 and IPv6 addresses; versions and dates stay", "[redact][ip]") {
  CHECK(redacted("мой IP 192.168.1.10") == "мой IP [IP]");
  CHECK(redacted("from 2001:db8::1 and fe80::1ff:fe23:4567:890a") == "from [IP] and [IP]");
  CHECK(redacted("FE80::AE:5155:0:8B") == "[IP]");
  CHECK(redacted("2001:0db8:85a3:0000:0000:8a2e:0370:7334") == "[IP]");
  CHECK(redacted("::ffff:192.0.2.1") == "[IP]");
  CHECK(redacted("версия 1.0.0.5 сломалась") == "версия 1.0.0.5 сломалась");
  CHECK(redacted("версия 2.3.1") == "версия 2.3.1");
  CHECK(redacted("в 10:30:15 и 12:45") == "в 10:30:15 и 12:45");
  CHECK(redacted("MAC 00:1A:2B:3C:4D:5E") == "MAC 00:1A:2B:3C:4D:5E");
  CHECK(redacted("адрес 300.1.1.1") == "адрес 300.1.1.1");
}

TEST_CASE("Vehicle plates in Cyrillic and Latin look-alike letters", "[redact][plate]") {
  CHECK(redacted("машина А123ВС77 у входа") == "машина [PLATE] у входа");
  CHECK(redacted("А123ВС777") == "[PLATE]");
  CHECK(redacted("а123вс77") == "[PLATE]");
  CHECK(redacted("номер А 123 ВС 77.") == "номер [PLATE].");
  CHECK(redacted("A123BC77") == "[PLATE]");
  CHECK(redacted("А123ВС 77") == "[PLATE]");
  CHECK(redacted("М395РЕ02") == "[PLATE]");
  CHECK(redacted("Б123ВГ77") == "Б123ВГ77");    // Б and Г are not plate letters
  CHECK(redacted("А000ВС77") == "А000ВС77");    // 000 is not issued
  CHECK(redacted("а 123 рубля") == "а 123 рубля");
}

TEST_CASE("Numbers that are not personal data stay", "[redact][lookalike]") {
  CHECK(redacted("Заявление № 1234567890 подано 12.03.2024 в 10:30") == "Заявление № 1234567890 подано 12.03.2024 в 10:30");
  CHECK(redacted("Квитанция № 79083160350 оплачена") == "Квитанция № 79083160350 оплачена");
  CHECK(redacted("Сумма 1 500 000 руб., штраф 2 300 рублей") == "Сумма 1 500 000 руб., штраф 2 300 рублей");
  CHECK(redacted("I paid $1,250.00") == "I paid $1,250.00");
  CHECK(redacted("окно 12, кабинет 305, талон А123") == "окно 12, кабинет 305, талон А123");
  CHECK(redacted("Ждал 2 часа 15 минут, 3 раза приходил") == "Ждал 2 часа 15 минут, 3 раза приходил");
  CHECK(redacted("УИН 18810177210000123456") == "УИН 18810177210000123456");
  CHECK(redacted("БИК 044525225, КПП 770101001") == "БИК 044525225, КПП 770101001");
  CHECK(redacted("Трек-номер 80087654321123 не отслеживается") == "Трек-номер 80087654321123 не отслеживается");
  CHECK(redacted("код подразделения 770-001") == "код подразделения 770-001");
  CHECK(redacted("постановление № 1284, ст. 12.15 КоАП") == "постановление № 1284, ст. 12.15 КоАП");
  CHECK(kinds("номер обращения 1234 5678 9012 3456").empty());
}
