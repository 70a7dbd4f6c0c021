// The 249 assigned ISO 3166-1 alpha-2 codes: listed readably, kept as a bitmap of the 26 x 26 letter
// pairs built at compile time (88 bytes instead of 498 in the widget's WebAssembly core; one look, no search).
#include "detail/region_codes.hpp"

#include <array>
#include <cstdint>

namespace otklik::detail {

namespace {

constexpr std::string_view alpha2 =
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCX"
    "CYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIR"
    "ISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNE"
    "NFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTF"
    "TGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW";
static_assert(alpha2.size() == 2 * 249, "ISO 3166-1 assigns 249 alpha-2 codes");

constexpr unsigned pair_index(char first, char second) noexcept {
  return static_cast<unsigned>(first - 'A') * 26 + static_cast<unsigned>(second - 'A');
}

constexpr auto country_bits = [] {
  std::array<std::uint32_t, (26 * 26 + 31) / 32> bits{};
  for (std::size_t i = 0; i < alpha2.size(); i += 2) {
    const unsigned at = pair_index(alpha2[i], alpha2[i + 1]);
    bits[at / 32] |= std::uint32_t{1} << (at % 32);
  }
  return bits;
}();

bool is_country(std::string_view cc) noexcept {
  const auto letter = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (!letter(cc[0]) || !letter(cc[1])) return false;
  const unsigned at = pair_index(cc[0], cc[1]);
  return (country_bits[at / 32] >> (at % 32)) & 1u;
}

}  // namespace

bool is_iso3166_2(std::string_view code) noexcept {
  if (code.size() < 4 || code.size() > 6 || code[2] != '-') return false;
  if (!is_country(code.substr(0, 2))) return false;
  for (const char c : code.substr(3)) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

}  // namespace otklik::detail
