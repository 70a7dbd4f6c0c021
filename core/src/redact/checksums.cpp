// Check-digit rules, each written from its official definition (references in docs/anonymization.md).
#include "checksums.hpp"

#include <array>
#include <string_view>

#include "detail/letter_pair_set.hpp"

namespace otklik::detail {

bool snils_valid(const std::uint8_t* d) noexcept {
  // Decree of the Pension Fund of Russia on the insurance number: only numbers above 001-001-998 are checked.
  std::uint32_t number = 0;
  for (int i = 0; i < 9; ++i) number = number * 10 + d[i];
  if (number <= 1001998) return false;
  std::uint32_t sum = 0;
  for (int i = 0; i < 9; ++i) sum += d[i] * static_cast<std::uint32_t>(9 - i);
  std::uint32_t check = sum;
  if (check > 101) check %= 101;
  if (check == 100 || check == 101) check = 0;
  return check == static_cast<std::uint32_t>(d[9] * 10 + d[10]);
}

namespace {
std::uint8_t weighted_check(const std::uint8_t* d, const std::uint8_t* weights, int n) noexcept {
  std::uint32_t sum = 0;
  for (int i = 0; i < n; ++i) sum += static_cast<std::uint32_t>(d[i]) * weights[i];
  return static_cast<std::uint8_t>(sum % 11 % 10);
}
constexpr std::uint8_t inn_weights[] = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};  // n12 weights; n11 and n10 are suffixes
}  // namespace

bool inn10_valid(const std::uint8_t* d) noexcept { return weighted_check(d, inn_weights + 2, 9) == d[9]; }

bool inn12_valid(const std::uint8_t* d) noexcept {
  return weighted_check(d, inn_weights + 1, 10) == d[10] && weighted_check(d, inn_weights, 11) == d[11];
}

namespace {
bool mod_check(const std::uint8_t* d, int n, std::uint32_t modulus) noexcept {
  std::uint32_t r = 0;
  for (int i = 0; i < n; ++i) r = (r * 10 + d[i]) % modulus;
  return r % 10 == d[n];
}
}  // namespace

bool ogrn_valid(const std::uint8_t* d) noexcept { return mod_check(d, 12, 11); }
bool ogrnip_valid(const std::uint8_t* d) noexcept { return mod_check(d, 14, 13); }

bool luhn_valid(const std::uint8_t* d, std::size_t n) noexcept {
  std::uint32_t sum = 0;
  bool twice = false;
  for (std::size_t i = n; i-- > 0;) {
    std::uint32_t v = d[i];
    if (twice) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
    twice = !twice;
  }
  return sum % 10 == 0;
}

bool iban_valid(const char* s, std::size_t n) noexcept {
  if (n < 5) return false;
  std::uint32_t r = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const char c = s[(k + 4) % n];  // BBAN first, then country code and check digits
    if (c >= '0' && c <= '9') {
      r = (r * 10 + static_cast<std::uint32_t>(c - '0')) % 97;
    } else if (c >= 'A' && c <= 'Z') {
      r = (r * 100 + static_cast<std::uint32_t>(c - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return r == 1;
}

namespace {

// SWIFT IBAN registry: country code and total length, sorted by country code.
constexpr std::string_view iban_registry =
    "AD24AE23AL28AT20AZ28BA20BE16BG22BH22BI27BR29BY28CH21CR22CY28CZ24DE22DJ27DK18DO28EE20EG29ES24FI18FK18"
    "FO18FR27GB22GE22GI23GL18GR27GT28HR21HU28IE22IL23IQ23IS26IT27JO30KW30KZ20LB28LC32LI21LT20LU20LV21LY25"
    "MC27MD24ME22MK19MN20MR27MT31MU30NI28NL18NO15OM23PK24PL28PS29PT25QA29RO24RS22RU33SA24SC31SD18SE24SI19"
    "SK24SM27SO23ST25SV28TL23TN24TR26UA29VA22VG24XK20YE30";

}  // namespace

#if defined(OTKLIK_WASM_SIZE_FIRST)  // the widget's WebAssembly core (cmake/OtklikEmscripten.cmake)

namespace {

// The registry packed at compile time for the widget's download: its country pairs as a letter_pair_set
// and the lengths in the same order (172 bytes instead of 353; the same answers).
constexpr std::size_t iban_countries = iban_registry.size() / 4;
constexpr letter_pair_set iban_country_set(iban_registry, 4);

constexpr auto iban_lengths = [] {
  std::array<std::uint8_t, iban_countries> lengths{};
  for (std::size_t i = 0; i < iban_countries; ++i) {
    lengths[i] = static_cast<std::uint8_t>((iban_registry[4 * i + 2] - '0') * 10 + (iban_registry[4 * i + 3] - '0'));
  }
  return lengths;
}();

}  // namespace

unsigned iban_length(char c1, char c2) noexcept {
  return iban_country_set.contains(c1, c2) ? iban_lengths[iban_country_set.rank(c1, c2)] : 0;
}

#else

unsigned iban_length(char c1, char c2) noexcept {
  for (std::size_t i = 0; i < iban_registry.size(); i += 4) {
    const char* p = iban_registry.data() + i;
    if (p[0] == c1 && p[1] == c2) return static_cast<unsigned>((p[2] - '0') * 10 + (p[3] - '0'));
  }
  return 0;
}

#endif

}  // namespace otklik::detail
