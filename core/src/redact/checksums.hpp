// Check digits of the identifiers the redactor recognises by checksum (SNILS, INN, OGRN/OGRNIP, Luhn for
// bank cards and the OMS policy number, IBAN). Each takes decimal digit values (0..9), not characters.
#pragma once

#include <cstddef>
#include <cstdint>

namespace otklik::detail {

// SNILS, 11 digits: the weighted sum of the first nine (weights 9..1) modulo 101, 100 written as 00.
// Numbers up to 001-001-998 carry no check number; they are reported as not valid.
[[nodiscard]] bool snils_valid(const std::uint8_t* d) noexcept;
// INN of a legal entity, 10 digits, and of a person, 12 digits (two check digits): weighted sums mod 11 mod 10.
[[nodiscard]] bool inn10_valid(const std::uint8_t* d) noexcept;
[[nodiscard]] bool inn12_valid(const std::uint8_t* d) noexcept;
// OGRN, 13 digits: the first 12 as a number mod 11, mod 10. OGRNIP, 15 digits: the first 14 mod 13, mod 10.
[[nodiscard]] bool ogrn_valid(const std::uint8_t* d) noexcept;
[[nodiscard]] bool ogrnip_valid(const std::uint8_t* d) noexcept;
// Luhn (ISO/IEC 7812-1 annex B): bank cards, and the 16-digit unified OMS policy number.
[[nodiscard]] bool luhn_valid(const std::uint8_t* d, std::size_t n) noexcept;
// IBAN (ISO 13616): `s` is `n` characters of A-Z and 0-9 without spaces; country code moved to the end,
// letters as 10..35, the whole number mod 97 must be 1.
[[nodiscard]] bool iban_valid(const char* s, std::size_t n) noexcept;
// Length of an IBAN for an ISO 3166 country code (SWIFT IBAN registry), or 0 for a country without IBAN.
[[nodiscard]] unsigned iban_length(char c1, char c2) noexcept;

}  // namespace otklik::detail
