// The corpus generator's check digits agree with published examples of each identifier, and the FOMS
// rule for the OMS policy number (written literally from the order) agrees with Luhn.
#include <catch2/catch.hpp>

#include "corpus.hpp"
#include "redact/checksums.hpp"

using namespace otklik::corpus;

TEST_CASE("Generator check digits match published examples", "[redact][generator]") {
  CHECK(snils_check("112233445") == 95);
  CHECK(inn_ok("7707083893"));        // Sberbank
  CHECK(inn_ok("500100732259"));      // example from the Federal Tax Service's description
  CHECK_FALSE(inn_ok("7707083894"));
  CHECK(ogrn_ok("1027700132195"));    // Sberbank
  CHECK_FALSE(ogrn_ok("1027700132196"));
  CHECK(luhn_ok("4111111111111111"));
  CHECK(luhn_ok("378282246310005"));
  CHECK(iban_ok("GB82WEST12345698765432"));  // ISO 13616 example
  CHECK(iban_ok("DE89370400440532013000"));
  CHECK_FALSE(iban_ok("DE89370400440532013001"));
}

TEST_CASE("Generated identifiers pass the redactor's checks, perturbed ones fail them", "[redact][generator]") {
  rng r(7);
  for (int i = 0; i < 500; ++i) {
    std::string digits;
    for (char c : inn(r, i % 2 == 0, true)) digits += c;
    std::uint8_t d[12];
    for (std::size_t k = 0; k < digits.size(); ++k) d[k] = static_cast<std::uint8_t>(digits[k] - '0');
    CHECK((digits.size() == 12 ? otklik::detail::inn12_valid(d) : otklik::detail::inn10_valid(d)));
    const std::string bad = unchecked_number(r, 16);
    std::uint8_t b[16];
    for (std::size_t k = 0; k < 16; ++k) b[k] = static_cast<std::uint8_t>(bad[k] - '0');
    CHECK_FALSE(otklik::detail::luhn_valid(b, 16));
  }
}

TEST_CASE("The FOMS check digit of the OMS policy number is the Luhn check digit", "[redact][generator]") {
  rng r(11);
  for (int i = 0; i < 2000; ++i) {
    std::string fifteen;
    for (int k = 0; k < 15; ++k) fifteen += r.digit();
    const std::string all = fifteen + static_cast<char>('0' + oms_check(fifteen));
    CHECK(luhn_ok(all));
  }
}

TEST_CASE("The corpus is the same for the same seed", "[redact][generator]") {
  const auto a = generate(5, 50), b = generate(5, 50);
  REQUIRE(a.size() == 50);
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].text == b[i].text);
    CHECK(a[i].pii.size() == b[i].pii.size());
  }
  CHECK(generate(6, 50)[0].text != a[0].text);
}
