// E-mail addresses and URLs, the placeholder words, byte offsets and their guarantees (sorted, within
// the input, on character boundaries), invalid UTF-8, determinism, and anonymize() on a response.
#include <catch2/catch.hpp>

#include <string>

#include "otklik/response.hpp"
#include "redact_helpers.hpp"

using otklik::test::kinds;
using otklik::test::redacted;

TEST_CASE("E-mail addresses, Latin and Cyrillic", "[redact][email]") {
  CHECK(redacted("почта ivan.petrov@mail.ru, пишите") == "почта [EMAIL], пишите");
  CHECK(redacted("POPOVA-OLGA+GOV@GOV.SPB.RU") == "[EMAIL]");
  CHECK(redacted("иван@почта.рф") == "[EMAIL]");
  CHECK(redacted("a.smirnova85@yandex.ru.") == "[EMAIL].");
  CHECK(redacted("ответ на ivan@mail.ru.Спасибо") == "ответ на [EMAIL].Спасибо");
  CHECK(redacted("user@localhost and @handle and a@b") == "user@localhost and @handle and a@b");
}

TEST_CASE("URLs with personal query values are redacted, plain links stay", "[redact][url]") {
  CHECK(redacted("ссылка https://lk.mos.ru/form?email=ivan@mail.ru&x=1 не работает") == "ссылка [URL] не работает");
  CHECK(redacted("https://site.ru/status?phone=%2B79161234567") == "[URL]");
  CHECK(redacted("http://portal.example.org/profile?lang=ru&name=Ivan+Petrov.") == "[URL].");
  CHECK(redacted("https://user:secret@host.ru/") == "[URL]");
  CHECK(redacted("WWW.SITE.RU/LK?EMAIL=IVAN@MAIL.RU") == "[URL]");
  // A link written without its scheme is not a URL token; the personal data in it is still found.
  CHECK(redacted("www.site.ru/unsubscribe/ivan@mail.ru") == "www.site.ru/unsubscribe/[EMAIL]");
  CHECK(redacted("см. https://www.gosuslugi.ru/help/faq и www.nalog.gov.ru") == "см. https://www.gosuslugi.ru/help/faq и www.nalog.gov.ru");
  CHECK(redacted("(https://mos.ru/services/pay?page=2&lang=ru)") == "(https://mos.ru/services/pay?page=2&lang=ru)");
  // Inside a plain link nothing else is looked at.
  CHECK(redacted("https://www.gosuslugi.ru/600123/1/form") == "https://www.gosuslugi.ru/600123/1/form");
}

TEST_CASE("Placeholder words round-trip", "[redact][types]") {
  for (int i = 0; i < 15; ++i) {
    const auto type = static_cast<otklik::pii_type>(i);
    const auto word = otklik::to_string(type);
    CHECK(otklik::parse_pii_type(word) == type);
  }
  CHECK(otklik::to_string(otklik::pii_type::date_of_birth) == "DATE_OF_BIRTH");
  CHECK_FALSE(otklik::parse_pii_type("phone").has_value());
}

TEST_CASE("Findings are sorted byte offsets into the input on character boundaries", "[redact][offsets]") {
  const std::string text = "Звоните 8 916 123-45-67 или пишите на ivan@mail.ru; Иванов И.И., ул. Ленина, д. 5";
  const auto r = otklik::redact(text);
  REQUIRE(r.findings.size() == 4);
  CHECK(text.substr(r.findings[0].start, r.findings[0].end - r.findings[0].start) == "8 916 123-45-67");
  CHECK(text.substr(r.findings[1].start, r.findings[1].end - r.findings[1].start) == "ivan@mail.ru");
  CHECK(text.substr(r.findings[2].start, r.findings[2].end - r.findings[2].start) == "Иванов И.И.");
  CHECK(text.substr(r.findings[3].start, r.findings[3].end - r.findings[3].start) == "ул. Ленина, д. 5");
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    const auto& f = r.findings[i];
    CHECK(f.start < f.end);
    CHECK(f.end <= text.size());
    if (i > 0) CHECK(r.findings[i - 1].end <= f.start);
    CHECK((static_cast<unsigned char>(text[f.start]) & 0xC0) != 0x80);  // never inside a character
  }
  CHECK(kinds(text) == std::vector<std::string>{"PHONE", "EMAIL", "PERSON", "ADDRESS"});
}

TEST_CASE("Invalid UTF-8 and control bytes never break redaction", "[redact][utf8]") {
  const std::string broken = std::string("a\xD0") + " 8 916 123-45-67 \xFF\xFE \xE2\x84 \xD0\xD0\xD0 \xF0\x9F\x98\x80 ivan@mail.ru\xD1";
  const auto r = otklik::redact(broken);
  CHECK(r.text.find("[PHONE]") != std::string::npos);
  CHECK(r.text.find("[EMAIL]") != std::string::npos);
  CHECK(otklik::redact(std::string("\0\0\0", 3)).text == std::string("\0\0\0", 3));
  CHECK(otklik::redact("").text.empty());
  CHECK(otklik::redact("\xD0").text == "\xD0");
}

TEST_CASE("Redaction is deterministic and the same for long texts", "[redact][determinism]") {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "Звоните 8 916 123-45-67, СНИЛС 112-233-445 95. Очень долго ждал. ";
  const auto a = otklik::redact(text), b = otklik::redact(text);
  CHECK(a.text == b.text);
  CHECK(a.findings == b.findings);
  CHECK(a.findings.size() == 400);
}

TEST_CASE("Redacting into a reused redaction gives what a fresh one gives", "[redact][reuse]") {
  std::string longer;
  for (int i = 0; i < 50; ++i) longer += "Звоните 8 916 123-45-67, СНИЛС 112-233-445 95. ";
  otklik::redaction reused;
  // Long with findings, then shorter without, then empty, then with findings again: nothing left over.
  for (const std::string_view text : {std::string_view(longer), std::string_view("Очень долго ждал."), std::string_view(),
                                      std::string_view("почта ivan.petrov@mail.ru")}) {
    otklik::redact(text, reused);
    const auto fresh = otklik::redact(text);
    CHECK(reused.text == fresh.text);
    CHECK(reused.findings == fresh.findings);
  }
  CHECK(reused.findings.size() == 1);
}

TEST_CASE("anonymize() redacts text answers only", "[redact][response]") {
  otklik::response r;
  r.answers.push_back(otklik::answer{"overall", otklik::question_kind::csat, 4, ""});
  r.answers.push_back(otklik::answer{"goal", otklik::question_kind::goal, 0, "yes"});
  r.answers.push_back(otklik::answer{"comment", otklik::question_kind::text, 0, "Долго ждал, звонил по 8 916 123-45-67"});
  r.answers.push_back(otklik::answer{"choice", otklik::question_kind::choice, 0, "ivan@mail.ru"});
  otklik::anonymize(r);
  CHECK(r.answers[0].number == 4);
  CHECK(r.answers[1].text == "yes");
  CHECK(r.answers[2].text == "Долго ждал, звонил по [PHONE]");
  CHECK(r.answers[3].text == "ivan@mail.ru");  // an option id, not free text
}
